import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getAward, revokeAward } from "../../api/awards";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { ReasonDialog } from "../../components/reason-dialog";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { ShareButton } from "../../components/share-button";
import { HALL_OF_FAME_PATH, awardPath } from "../../lib/award-paths";
import { formatDate } from "../../lib/format";
import { idOf } from "../../lib/idea-paths";
import { useResource } from "../../lib/use-resource";
import { useTextTitle } from "../../lib/use-text-title";
import { fromAward, hallOfFame, justAnnounced, type ShownAward } from "../../models/awards";
import { currentUser } from "../../models/session";
import { AwardEntry } from "../hall-of-fame/award-entry";
import { VERIFY_PATH } from "../verify/paths";
import NotFoundPage from "../not-found/index";
import "../../styles/ideas.css";
import "../../styles/awards.css";
import "../../styles/implementation.css";
import { AWARD_TEXT_LIMITS } from "../../api/contract";

/** Says that, when, by whom and why an award was revoked. */
function Revoked({ revoked }: { revoked: NonNullable<ShownAward["revoked"]> }) {
  return (
    <section class="award-revoked" aria-labelledby="award-revoked-title">
      <h2 id="award-revoked-title">{t("awardRevoke.revokedTitle")}</h2>
      <p>{t("awardRevoke.revokedBy", { name: revoked.byName, date: formatDate(revoked.at) })}</p>
      <p class="prewrap">{revoked.reason}</p>
    </section>
  );
}

function AwardView({ id }: { id: number }) {
  const [state, reload, set] = useResource((signal) => getAward(id, signal).then(fromAward), [id]);
  const [revoking, setRevoking] = useState(false);
  const [revokedNow, setRevokedNow] = useState(false);
  // said once, on the page the leader lands on after announcing
  const [announced] = useState(() => justAnnounced.peek() === id);
  useEffect(() => {
    if (announced) justAnnounced.value = null;
  }, []);
  useTextTitle(state.kind === "ready" ? state.value.title : null);

  if (state.kind === "loading") return <Loading label={t("awardPage.loading")} />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} onRetry={reload} />;
  }
  return (
    <>
      <div class="page-head">
        <h1>{state.value.title}</h1>
        <ShareButton
          id="award-share"
          title={state.value.title}
          text={t("share.awardText", { title: state.value.title })}
          url={awardPath(id)}
        />
      </div>
      {announced && (
        <p class="notice notice-ok award-announced" role="status">
          {t("awardPage.announced")}
        </p>
      )}
      {revokedNow && (
        <p class="notice notice-ok" role="status">
          {t("awardRevoke.done")}
        </p>
      )}
      {state.value.revoked && <Revoked revoked={state.value.revoked} />}
      <AwardEntry award={state.value} as="page" />
      {!state.value.revoked && currentUser.value?.can.announceAwards && (
        <div class="award-admin-actions">
          <button type="button" class="button button-danger" onClick={() => setRevoking(true)}>
            {t("awardRevoke.button")}
          </button>
        </div>
      )}
      {revoking && (
        <ReasonDialog
          id="award-revoke"
          title={t("awardRevoke.title")}
          text={t("awardRevoke.text")}
          submitLabel={t("awardRevoke.button")}
          danger
          minLength={AWARD_TEXT_LIMITS.revokeReason[0]}
          requiredMessage={t("awardRevoke.reasonRequired")}
          submit={async (reason) => {
            const award = await revokeAward(id, reason);
            hallOfFame.invalidate();
            set(fromAward(award));
            setRevokedNow(true);
          }}
          onClose={() => setRevoking(false)}
        />
      )}
      <p class="card-note">
        {t("hof.verifyText")} <a href={VERIFY_PATH}>{t("hof.verifyLink")}</a>
      </p>
    </>
  );
}

/** `/penghargaan/:id`: one award of my agency, with the certificates I may download. */
export default function AwardPage() {
  const id = idOf(useRoute().params.id);
  if (id === null) return <NotFoundPage />;
  return (
    <div class="award-page">
      <p class="back-link">
        <a href={HALL_OF_FAME_PATH}>{t("awardPage.back")}</a>
      </p>
      <RequireSignIn>{() => <AwardView id={id} />}</RequireSignIn>
    </div>
  );
}
