import { useState } from "preact/hooks";
import { removeEmblem, uploadEmblem, type AgencySettings } from "../../api/agency";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { loadSession } from "../../models/session";
import { StatusLine } from "../../components/status-line";

/**
 * The agency's emblem: what it is now, a file to replace it and a button to remove it. Each change
 * is saved at once; the header follows (the session is asked again).
 */
export function EmblemEditor({
  settings,
  onChange,
}: {
  settings: AgencySettings;
  onChange: (s: AgencySettings) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  /** @returns whether the server took the change */
  async function run(change: () => Promise<AgencySettings>, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    try {
      onChange(await change());
      setStatus(done);
      setError(null);
      setFile(null);
      void loadSession();
      return true;
    } catch (caught) {
      const found = toApiProblem(caught);
      if (found.code.startsWith("emblem.")) setError(t(`code.${found.code}` as "code.emblem.too_large"));
      else setProblem(found);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const upload = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!file) {
      setError(t("agencySettings.emblemChoose"));
      document.getElementById("emblem-file")?.focus();
      return;
    }
    setError(null);
    void run(() => uploadEmblem(file), t("agencySettings.emblemSaved")).then((saved) => saved && form.reset());
  };

  return (
    <div class="emblem-editor">
      <h3>{t("agencySettings.emblem")}</h3>
      <div class="emblem-now">
        {settings.emblemUrl ? (
          <img
            src={settings.emblemUrl}
            alt={t("agencySettings.emblemAlt", { name: settings.name })}
            width={72}
            height={72}
          />
        ) : (
          <p class="muted">{t("agencySettings.emblemNone")}</p>
        )}
      </div>
      <form class="admin-form" onSubmit={upload} noValidate>
        <Field
          id="emblem-file"
          label={t("agencySettings.emblemFile")}
          hint={t("agencySettings.emblemHint")}
          error={error}
        >
          {(c) => (
            <input
              {...c}
              type="file"
              accept="image/png,image/jpeg"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        {problem && <ProblemMessage problem={problem} />}
        <div class="button-row">
          <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("agencySettings.emblemUploading") : t("agencySettings.emblemUpload")}
          </button>
          {settings.emblemUrl && (
            <button
              class="button button-secondary"
              type="button"
              onClick={() => void run(removeEmblem, t("agencySettings.emblemRemoved"))}
            >
              {t("agencySettings.emblemRemove")}
            </button>
          )}
        </div>
        <StatusLine text={status} />
      </form>
    </div>
  );
}
