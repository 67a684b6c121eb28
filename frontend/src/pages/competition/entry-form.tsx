import { useState } from "preact/hooks";
import { checkEntry, enterInnovation, type Competition, type EntryGroup } from "../../api/competitions";
import { listIdeas } from "../../api/ideas";
import { ApiProblem, toApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { GROUPS } from "./layout-form";

type Verdict = { gate: string; ok: boolean; reason: string };

/** The gates' verdicts, each with its reason in Bahasa Indonesia (from the server). */
function Verdicts({ verdicts }: { verdicts: readonly Verdict[] }) {
  const failed = verdicts.filter((v) => !v.ok);
  return (
    <div class={failed.length === 0 ? "notice notice-ok" : "notice notice-warn"} role="status">
      <p>{failed.length === 0 ? t("competitions.eligible") : t("competitions.notEligible")}</p>
      <ul class="rule-list">
        {verdicts.map((v) => (
          <li key={v.gate}>
            <strong class={v.ok ? "pass-yes" : "pass-no"}>
              {v.ok ? t("competitions.gateOk") : t("competitions.gateFail")}
            </strong>{" "}
            {v.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Entering an approved idea: the gates are checked (and explained) first, then it is entered. */
export function EntryForm({ competition, onEntered }: { competition: Competition; onEntered: () => void }) {
  const [ideas, reload] = useResource(
    (signal) => listIdeas({ status: "approved", sort: "new" }, undefined, 50, signal),
    [],
  );
  const [verdicts, setVerdicts] = useState<Verdict[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const entered = new Set(competition.entries.map((e) => e.ideaId));

  const read = (form: HTMLFormElement) => {
    const data = new FormData(form);
    return {
      ideaId: Number(data.get("entry-idea")),
      group: String(data.get("entry-group")) as EntryGroup,
      operatingSince: String(data.get("entry-since") ?? ""),
    };
  };

  async function run(form: HTMLFormElement, enter: boolean) {
    setProblem(null);
    setMessage(null);
    try {
      if (!enter) {
        setVerdicts((await checkEntry(competition.campaignId, read(form))).gates);
        return;
      }
      const created = await enterInnovation(competition.campaignId, read(form));
      setVerdicts(created.gates);
      setMessage(t("competitions.entered"));
      onEntered();
    } catch (error) {
      const p = toApiProblem(error);
      if (p instanceof ApiProblem && p.code === "entry.gates_failed" && p.errors)
        setVerdicts(p.errors.map((e) => ({ gate: e.path, ok: false, reason: e.message })));
      else setProblem(p);
    }
  }

  return (
    <section class="card" aria-labelledby="entries-title">
      <h2 id="entries-title">{t("competitions.entriesTitle")}</h2>
      <ResourceView resource={ideas} loading={t("competitions.loading")} onRetry={reload}>
        {(page) => {
          const open = page.items.filter((i) => !entered.has(i.id));
          return open.length === 0 ? (
            <p class="empty-state">{t("competitions.ideaNone")}</p>
          ) : (
            <form
              class="admin-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void run(e.currentTarget as HTMLFormElement, true);
              }}
            >
              <Field id="entry-idea" label={t("competitions.idea")}>
                {(c) => (
                  <select {...c} onChange={() => setVerdicts(null)}>
                    {open.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="entry-group" label={t("competitions.group")}>
                {(c) => (
                  <select {...c} onChange={() => setVerdicts(null)}>
                    {GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {t(`competitions.group.${g}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="entry-since" label={t("competitions.operatingSince")}>
                {(c) => <input {...c} type="date" required onInput={() => setVerdicts(null)} />}
              </Field>
              {verdicts && <Verdicts verdicts={verdicts} />}
              {message && <p class="notice notice-ok">{message}</p>}
              {problem && <ProblemMessage problem={problem} />}
              <div class="button-row">
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={(e) => void run((e.currentTarget as HTMLButtonElement).form!, false)}
                >
                  {t("competitions.check")}
                </button>
                <button class="button" type="submit">
                  {t("competitions.enter")}
                </button>
              </div>
            </form>
          );
        }}
      </ResourceView>
      {competition.entries.length === 0 ? (
        <p class="muted">{t("competitions.entriesEmpty")}</p>
      ) : (
        <ul class="rule-list">
          {competition.entries.map((e) => (
            <li key={e.id}>
              {t("competitions.entryLine", {
                title: e.title,
                unit: e.unitName,
                group: t(`competitions.group.${e.group}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
