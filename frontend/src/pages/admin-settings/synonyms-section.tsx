import { useState } from "preact/hooks";
import { listSearchSynonyms, replaceSearchSynonyms, type SynonymGroup } from "../../api/agency";
import { ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ResourceView } from "../../components/resource-view";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { fieldText } from "../admin/admin-access";

/** One group a line, its words and phrases separated by "=" (`Disdukcapil = Dinas Kependudukan …`). */
export const toText = (groups: readonly SynonymGroup[]) => groups.map((g) => g.terms.join(" = ")).join("\n");

/** The lines back into groups; blank lines and empty terms are dropped, the server checks the rest. */
export const toGroups = (text: string) =>
  text
    .split("\n")
    .map((line) =>
      line
        .split("=")
        .map((term) => term.trim())
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);

function SynonymsForm({ groups, onSaved }: { groups: SynonymGroup[]; onSaved: (g: SynonymGroup[]) => void }) {
  const [text, setText] = useState(() => toText(groups));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const wanted = toGroups(text);
    const short = wanted.findIndex((g) => g.length < 2);
    if (short >= 0) {
      setError(t("synonyms.needTwo", { line: short + 1 }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await replaceSearchSynonyms(wanted);
      onSaved(saved);
      setText(toText(saved));
      setStatus(t("synonyms.saved", { count: saved.length }));
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      setError(problem.errors?.[0] ? fieldText(problem.errors[0]) : fieldText(problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" noValidate onSubmit={onSubmit}>
      <Field id="synonyms-text" label={t("synonyms.label")} hint={t("synonyms.hint")} error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={text}
            spellcheck={false}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {t("synonyms.save")}
        </button>
      </div>
      <StatusLine text={status} />
    </form>
  );
}

/** The agency's search synonyms (abbreviations such as Disdukcapil, Puskesmas, OPD), edited as lines. */
export function SynonymsSection() {
  const [groups, reload, set] = useResource(listSearchSynonyms, []);
  return (
    <section class="card" aria-labelledby="settings-synonyms-title">
      <h2 id="settings-synonyms-title">{t("synonyms.title")}</h2>
      <p class="card-lead">{t("synonyms.lead")}</p>
      <ResourceView resource={groups} loading={t("loading.label")} onRetry={reload}>
        {(value) => (
          <>
            {value.length === 0 && <p class="empty-state">{t("synonyms.empty")}</p>}
            <SynonymsForm groups={value} onSaved={set} />
          </>
        )}
      </ResourceView>
    </section>
  );
}
