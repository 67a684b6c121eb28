import { verifyCareerRecord, type RecordVerification } from "../../api/career";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/use-resource";

/** An issued innovation record: whose, as of when, and what it lists; or that it was revoked. */
function Found({ record }: { record: RecordVerification }) {
  const zone = record.timeZone;
  const x = record.totals;
  const rows = [
    ["verify.record.person", record.person.name],
    ["verify.record.position", [record.person.position, record.person.unit].filter(Boolean).join(" · ")],
    ["verify.agency", record.person.agency],
    ["verify.record.level", t("verify.record.levelValue", { level: record.level.name, points: record.level.points })],
    [
      "verify.record.lists",
      t("verify.record.listsValue", {
        ideas: x.ideas,
        authored: x.authored,
        coauthored: x.coauthored,
        implemented: x.implemented,
        reviews: x.reviews,
        awards: x.awards,
        badges: x.badges,
      }),
    ],
    ["verify.record.years", record.years.join(", ") || "—"],
  ] as const;
  return (
    <div class={record.valid ? "verify-result verify-valid" : "verify-result verify-invalid verify-revoked"}>
      <h2 id="verify-result-title">
        <span class="verify-mark" aria-hidden="true">
          {record.valid ? "✓" : "✕"}
        </span>
        {record.valid ? t("verify.record.validTitle") : t("verify.record.revokedTitle")}
      </h2>
      <p>
        {t("verify.record.heading", { name: record.person.name, date: formatDate(record.asOf, zone) })}
        {record.revokedAt && ` ${t("verify.record.revokedLead", { date: formatDate(record.revokedAt, zone) })}`}
      </p>
      <dl class="verify-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Asks the API about a record's `GGR-` code and says whether it is genuine. */
export function RecordResult({ code }: { code: string }) {
  const [state, reload] = useResource((signal) => verifyCareerRecord(code, signal), [code]);
  return (
    <section class="verify-outcome" aria-live="polite" aria-labelledby="verify-result-title">
      {state.kind === "loading" && <Loading label={t("verify.checking")} />}
      {state.kind === "ready" && state.value !== null && <Found record={state.value} />}
      {state.kind === "ready" && state.value === null && (
        <div class="verify-result verify-invalid">
          <h2 id="verify-result-title">
            <span class="verify-mark" aria-hidden="true">
              ✕
            </span>
            {t("verify.record.invalidTitle")}
          </h2>
          <p>{t("verify.record.invalidText", { code })}</p>
        </div>
      )}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
    </section>
  );
}
