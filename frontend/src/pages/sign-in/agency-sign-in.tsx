import { getAgencySignIn } from "../../api/oidc";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { SIGN_IN_PATH, withNext } from "../../lib/paths";
import { useResource } from "../../lib/use-resource";
import { ProviderButton } from "./provider-button";
import { PasswordHelp } from "./password-help";
import { SignInForm } from "./sign-in-form";

/**
 * `/masuk?instansi=<slug>`: the agency's own way in — its provider's button, then the password form
 * unless the agency switched passwords off (then the button alone, and a line saying why).
 */
export function AgencySignIn({ agencySlug, next }: { agencySlug: string; next: string }) {
  const [agency, reload] = useResource((signal) => getAgencySignIn(agencySlug, signal), [agencySlug]);
  return (
    <ResourceView resource={agency} loading={t("oidc.loadingAgency")} onRetry={reload}>
      {({ agency: { name }, provider, passwordSignIn }) => (
        <>
          <p class="card-lead">{t("oidc.agencyLead", { agency: name })}</p>
          {provider && !passwordSignIn && (
            <p class="notice" role="status">
              {t("oidc.passwordsOff", { agency: name, provider: provider.name })}
            </p>
          )}
          {provider && <ProviderButton agencySlug={agencySlug} provider={provider.name} next={next} />}
          {passwordSignIn || !provider ? (
            <>
              {provider && <p class="auth-help">{t("oidc.or")}</p>}
              <SignInForm />
              <PasswordHelp />
            </>
          ) : (
            <p class="auth-help">
              <a class="link-alone" href={withNext(SIGN_IN_PATH, next)}>
                {t("oidc.otherAgency")}
              </a>
            </p>
          )}
        </>
      )}
    </ResourceView>
  );
}
