import { useEffect, useState } from "preact/hooks";
import { previewRules, type RuleDraft, type RulesPreview } from "../../api/reward-rules";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { useDebounced } from "../../lib/use-debounced";

type State = { kind: "idle" } | { kind: "ready"; preview: RulesPreview } | { kind: "problem"; problem: ApiProblem };

const points = (n: number) => t("rules.pointsValue", { points: formatNumber(n) });

function Assumptions({ month }: { month: RulesPreview["month"] }) {
  const n = (value: number) => formatNumber(value);
  return (
    <ul class="assumptions">
      <li>
        {t("rules.assumeAsn", {
          ideas: n(month.asn.ideas),
          votesReceived: n(month.asn.votesReceived),
          votesCast: n(month.asn.votesCast),
          voteDays: n(month.asn.voteDays),
          comments: n(month.asn.comments),
          commentDays: n(month.asn.commentDays),
        })}
      </li>
      <li>{t("rules.assumeInnovator")}</li>
      <li>{t("rules.assumeReviewer", { reviews: n(month.reviewer.reviews), late: n(month.reviewer.late) })}</li>
      <li>
        {t("rules.assumeAgency", {
          activeAsn: n(month.agency.activeAsn),
          innovators: n(month.agency.innovators),
          reviewers: n(month.agency.reviewers),
          implemented: n(month.agency.implemented),
          replicated: n(month.agency.replicated),
          awards: n(month.agency.awards),
        })}
      </li>
    </ul>
  );
}

/**
 * What the draft would pay in the stated month, beside the rules in force, asked of the server (it
 * prices with the reward engine's own caps) a moment after the typing stops.
 * @param draft null while a field is not valid
 */
export function RulesPreviewPanel({ draft }: { draft: RuleDraft | null }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const key = useDebounced(draft ? JSON.stringify(draft) : null, 400);

  useEffect(() => {
    if (!key) return;
    let current = true;
    previewRules(JSON.parse(key) as RuleDraft).then(
      (preview) => current && setState({ kind: "ready", preview }),
      (error: unknown) => current && setState({ kind: "problem", problem: toApiProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);

  return (
    <section class="card rules-preview" aria-labelledby="rules-preview-title">
      <h2 id="rules-preview-title">{t("rules.previewTitle")}</h2>
      {!draft && <p class="notice">{t("rules.previewInvalid")}</p>}
      {state.kind === "idle" && draft && <Loading label={t("rules.previewLoading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} />}
      {state.kind === "ready" && (
        <>
          <p class="card-lead">{t("rules.previewLead")}</p>
          <Assumptions month={state.preview.month} />
          <table class="data-table preview-table">
            <thead>
              <tr>
                <th scope="col">{t("rules.profileColumn")}</th>
                <th scope="col" class="tabular">
                  {t("rules.current")}
                </th>
                <th scope="col" class="tabular">
                  {t("rules.draft")}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.preview.draft.profiles.map((profile, i) => (
                <tr key={profile.key}>
                  <th scope="row">{t(`rules.profile.${profile.key}`)}</th>
                  <td class="tabular">{points(state.preview.current.profiles[i]!.total)}</td>
                  <td class="tabular">
                    <strong>{points(profile.total)}</strong>
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("rules.agencyTotal")}</th>
                <td class="tabular">
                  {points(state.preview.current.agency.total)}
                  <br />
                  <span class="muted">
                    {t("rules.perAsn", { points: formatNumber(state.preview.current.agency.perAsn) })}
                  </span>
                </td>
                <td class="tabular">
                  <strong>{points(state.preview.draft.agency.total)}</strong>
                  <br />
                  <span class="muted">
                    {t("rules.perAsn", { points: formatNumber(state.preview.draft.agency.perAsn) })}
                  </span>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
