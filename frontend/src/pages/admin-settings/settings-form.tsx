import { useState } from "preact/hooks";
import { updateAgencySettings, type AgencySettings, type AgencySettingsChange } from "../../api/agency";
import { ErrorSummary, type FormError } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { hallOfFamePath } from "../../lib/award-paths";
import { publicLibraryPath } from "../../lib/admin-paths";
import { loadSession } from "../../models/session";
import { agencyTimeZone } from "../../models/agency-clock";
import { StatusLine } from "../../components/status-line";
import { summaryErrors } from "../../lib/field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { ADMIN_LIMITS, NIP_LENGTH, SETTINGS_LIMITS } from "../../api/contract";

const FIELD_IDS: Record<string, string> = {
  "json.name": "settings-name",
  "json.signer.name": "settings-signer-name",
  "json.signer.position": "settings-signer-position",
  "json.signer.nip": "settings-signer-nip",
  "json.signingPlace": "settings-place",
};

/** Today as a certificate writes it: "23 November 2026", on the agency's clock. */
const today = () =>
  new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: agencyTimeZone.value,
  }).format(new Date());

function changeOf(data: FormData, fixedSigner: boolean): AgencySettingsChange {
  const value = (id: string) => String(data.get(id) ?? "").trim();
  const nip = value("settings-signer-nip");
  return {
    name: value("settings-name"),
    hallOfFamePublic: data.get("settings-hall-of-fame") === "on",
    libraryPublic: data.get("settings-library") === "on",
    libraryShared: data.get("settings-library-shared") === "on",
    signer: fixedSigner
      ? { name: value("settings-signer-name"), position: value("settings-signer-position"), nip: nip || null }
      : null,
    signingPlace: value("settings-place"),
  };
}

function PublicSwitch(props: { id: string; label: string; hint: string; path: string; checked: boolean }) {
  return (
    <div class="setting">
      <label class="checkbox">
        <input type="checkbox" name={props.id} defaultChecked={props.checked} aria-describedby={`${props.id}-hint`} />
        <span>{props.label}</span>
      </label>
      <p id={`${props.id}-hint`} class="field-hint setting-hint">
        {props.hint}{" "}
        {props.checked && (
          <a href={props.path} target="_blank" rel="noopener">
            {t("agencySettings.openPage")}
          </a>
        )}
      </p>
    </div>
  );
}

/** Name, public pages and certificate signer: one save, one audit row. */
export function SettingsForm({
  settings,
  onSaved,
}: {
  settings: AgencySettings;
  onSaved: (s: AgencySettings) => void;
}) {
  const [fixedSigner, setFixedSigner] = useState(settings.signer !== null);
  const [place, setPlace] = useState(settings.signingPlace);
  const {
    busy,
    errors,
    attempt,
    problem,
    fail,
    submit: send,
  } = useFormSubmit<FormError[]>([], summaryErrors(FIELD_IDS, "settings-name"));
  const [status, setStatus] = useState("");
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const change = changeOf(new FormData(event.currentTarget as HTMLFormElement), fixedSigner);
    const missing: FormError[] = [];
    if (!change.name) missing.push({ fieldId: "settings-name", message: t("platform.required") });
    if (change.signer && !change.signer.name)
      missing.push({ fieldId: "settings-signer-name", message: t("platform.required") });
    if (change.signer && !change.signer.position)
      missing.push({ fieldId: "settings-signer-position", message: t("platform.required") });
    if (missing.length > 0) return fail(missing);
    setStatus("");
    await send(async () => {
      onSaved(await updateAgencySettings(change));
      setStatus(t("agencySettings.saved"));
      void loadSession();
    });
  }

  return (
    <form class="form settings-form" onSubmit={submit} noValidate>
      <ErrorSummary id="settings-errors" errors={errors} attempt={attempt} />
      <Field id="settings-name" label={t("agencySettings.name")} error={errorOf("settings-name")}>
        {(c) => <input {...c} defaultValue={settings.name} maxLength={ADMIN_LIMITS.agencyName} aria-required="true" />}
      </Field>

      <fieldset class="fieldset">
        <legend>{t("agencySettings.public")}</legend>
        <p class="field-hint">{t("agencySettings.publicLead")}</p>
        <PublicSwitch
          id="settings-hall-of-fame"
          label={t("agencySettings.hallOfFame")}
          hint={t("agencySettings.hallOfFameHint", { path: hallOfFamePath(settings.slug) })}
          path={hallOfFamePath(settings.slug)}
          checked={settings.hallOfFamePublic}
        />
        <PublicSwitch
          id="settings-library"
          label={t("agencySettings.library")}
          hint={t("agencySettings.libraryHint", { path: publicLibraryPath(settings.slug) })}
          path={publicLibraryPath(settings.slug)}
          checked={settings.libraryPublic}
        />
        <div class="setting">
          <label class="checkbox">
            <input
              type="checkbox"
              name="settings-library-shared"
              defaultChecked={settings.libraryShared}
              aria-describedby="settings-library-shared-hint"
            />
            <span>{t("agencySettings.libraryShared")}</span>
          </label>
          <p id="settings-library-shared-hint" class="field-hint setting-hint">
            {t("agencySettings.librarySharedHint")}
          </p>
        </div>
      </fieldset>

      <fieldset class="fieldset">
        <legend>{t("agencySettings.signer")}</legend>
        <p class="field-hint">{t("agencySettings.signerLead")}</p>
        <label class="checkbox">
          <input
            type="radio"
            name="settings-signer-kind"
            checked={!fixedSigner}
            onChange={() => setFixedSigner(false)}
          />
          <span>{t("agencySettings.signerAnnouncer")}</span>
        </label>
        <label class="checkbox">
          <input type="radio" name="settings-signer-kind" checked={fixedSigner} onChange={() => setFixedSigner(true)} />
          <span>{t("agencySettings.signerFixed")}</span>
        </label>
        {fixedSigner && (
          <div class="nested-fields">
            <Field
              id="settings-signer-name"
              label={t("agencySettings.signerName")}
              error={errorOf("settings-signer-name")}
            >
              {(c) => (
                <input
                  {...c}
                  defaultValue={settings.signer?.name ?? ""}
                  maxLength={SETTINGS_LIMITS.signerName}
                  aria-required="true"
                />
              )}
            </Field>
            <Field
              id="settings-signer-position"
              label={t("agencySettings.signerPosition")}
              hint={t("agencySettings.signerPositionHint")}
              error={errorOf("settings-signer-position")}
            >
              {(c) => (
                <input
                  {...c}
                  defaultValue={settings.signer?.position ?? ""}
                  maxLength={SETTINGS_LIMITS.signerPosition}
                  aria-required="true"
                />
              )}
            </Field>
            <Field
              id="settings-signer-nip"
              label={t("agencySettings.signerNip")}
              labelNote={t("platform.optional")}
              hint={t("agencySettings.signerNipHint")}
              error={errorOf("settings-signer-nip")}
            >
              {(c) => (
                <input
                  {...c}
                  defaultValue={settings.signer?.nip ?? ""}
                  inputMode="numeric"
                  maxLength={NIP_LENGTH}
                  autocomplete="off"
                />
              )}
            </Field>
          </div>
        )}
        <Field
          id="settings-place"
          label={t("agencySettings.place")}
          hint={t("agencySettings.placeHint")}
          error={errorOf("settings-place")}
          after={
            <p class="field-hint" id="settings-place-preview">
              {t("agencySettings.preview", { line: place.trim() ? `${place.trim()}, ${today()}` : today() })}
            </p>
          }
          afterId="settings-place-preview"
        >
          {(c) => (
            <input
              {...c}
              value={place}
              maxLength={SETTINGS_LIMITS.signingPlace}
              onInput={(e) => setPlace(e.currentTarget.value)}
            />
          )}
        </Field>
      </fieldset>

      {problem && <ProblemMessage problem={problem} />}
      <div class="button-row">
        <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("agencySettings.saving") : t("agencySettings.save")}
        </button>
      </div>
      <StatusLine text={status} />
    </form>
  );
}
