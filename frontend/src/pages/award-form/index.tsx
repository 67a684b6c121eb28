import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { HALL_OF_FAME_PATH } from "../../lib/award-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { AwardForm } from "./award-form";
import "../../styles/ideas.css";
import "../../styles/awards.css";

/** `/penghargaan/baru`: a leader announces an award; anyone else learns who does. */
export default function AwardFormPage() {
  usePageTitle("awardForm.title");
  return (
    <div class="award-form-page">
      <div class="form-head">
        <h1>{t("awardForm.title")}</h1>
        <p class="lead">{t("awardForm.lead")}</p>
      </div>
      <RequireSignIn>
        {(user) =>
          user.can.announceAwards ? (
            <AwardForm leaderId={user.id} />
          ) : (
            <div class="notice">
              <p>{t("awardForm.notLeader")}</p>
              <a href={HALL_OF_FAME_PATH}>{t("hof.title")}</a>
            </div>
          )
        }
      </RequireSignIn>
    </div>
  );
}
