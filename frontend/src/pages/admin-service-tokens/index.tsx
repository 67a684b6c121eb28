import { t } from "../../i18n";
import { AdminPage } from "../admin/admin-access";
import { TokensView } from "../api-tokens/tokens-view";

/** `/admin/token-layanan`: the agency's service API tokens (no person), made, listed and revoked by its admins. */
export default function AdminServiceTokensPage() {
  return (
    <AdminPage ability="manageServiceTokens" title="tokens.serviceTitle" lead={t("tokens.serviceLead")}>
      <TokensView kind="service" />
    </AdminPage>
  );
}
