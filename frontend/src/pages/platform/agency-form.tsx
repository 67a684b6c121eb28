import { useState } from "preact/hooks";
import { createAgency, type NewAgency, type TimeZone } from "../../api/agency";
import type { ApiProblem } from "../../api/problem";
import { ErrorSummary, type FormError } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { hallOfFamePath } from "../../lib/award-paths";
import { fieldText } from "../admin/admin-access";
import { TIME_ZONES } from "./time-zones";
import { mapFormErrors } from "../../lib/field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { ADMIN_LIMITS } from "../../api/contract";

type Created = Awaited<ReturnType<typeof createAgency>>;

/** The form's fields: their ids, and the body path a server problem names them by. */
const FIELDS = {
  name: { id: "agency-name", path: "json.name" },
  slug: { id: "agency-slug", path: "json.slug" },
  region: { id: "agency-region", path: "json.region" },
  timeZone: { id: "agency-zone-Asia/Jakarta", path: "json.timeZone" },
  unitCode: { id: "agency-unit-code", path: "json.rootUnit.code" },
  unitName: { id: "agency-unit-name", path: "json.rootUnit.name" },
  adminName: { id: "agency-admin-name", path: "json.admin.name" },
  adminNip: { id: "agency-admin-nip", path: "json.admin.nip" },
  adminEmail: { id: "agency-admin-email", path: "json.admin.email" },
  adminPosition: { id: "agency-admin-position", path: "json.admin.position" },
} as const;
type FieldName = keyof typeof FIELDS;
type Errors = Partial<Record<FieldName, string>>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;
/** What a 409 names, as the field it is about. */
const CONFLICT_FIELD: Record<string, FieldName> = {
  "agency.slug_taken": "slug",
  "user.nip_taken": "adminNip",
  "user.email_taken": "adminEmail",
};

function bodyOf(data: FormData): NewAgency {
  const value = (name: FieldName) => String(data.get(FIELDS[name].id) ?? "").trim();
  return {
    name: value("name"),
    slug: value("slug"),
    region: value("region"),
    timeZone: String(data.get("agency-zone") ?? "Asia/Jakarta") as TimeZone,
    rootUnit: { code: value("unitCode"), name: value("unitName") },
    admin: {
      name: value("adminName"),
      nip: value("adminNip"),
      email: value("adminEmail"),
      position: value("adminPosition"),
    },
  };
}

/** What is missing or malformed before asking the server (which checks everything again). */
function checkLocally(body: NewAgency): Errors {
  const errors: Errors = {};
  const required: [FieldName, string][] = [
    ["name", body.name],
    ["region", body.region],
    ["unitCode", body.rootUnit?.code ?? ""],
    ["unitName", body.rootUnit?.name ?? ""],
    ["adminName", body.admin.name],
    ["adminNip", body.admin.nip],
    ["adminEmail", body.admin.email],
  ];
  for (const [field, value] of required) if (!value) errors[field] = t("platform.required");
  if (!body.slug) errors.slug = t("platform.required");
  else if (!SLUG.test(body.slug)) errors.slug = t("platform.slugFormat");
  return errors;
}

function errorsOf(problem: ApiProblem): Errors | null {
  if (problem.errors) {
    const found = mapFormErrors<FieldName>(problem, (e) => {
      const field = (Object.keys(FIELDS) as FieldName[]).find((f) => e.path === FIELDS[f].path);
      return field ? [field, fieldText(e)] : null;
    }).fields;
    return Object.keys(found).length > 0 ? found : null;
  }
  const field = CONFLICT_FIELD[problem.code];
  return field ? { [field]: fieldText(problem) } : null;
}

/** The platform admin registers an agency with its clock, its first unit and its first admin. */
export function AgencyForm({ onCreated }: { onCreated: () => void }) {
  const { busy, errors, attempt, problem, fail, submit: send } = useFormSubmit<Errors>({}, errorsOf);
  const [created, setCreated] = useState<Created | null>(null);
  const [slug, setSlug] = useState("");

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const body = bodyOf(new FormData(form));
    const local = checkLocally(body);
    if (Object.keys(local).length > 0) return fail(local);
    await send(async () => {
      setCreated(await createAgency(body));
      form.reset();
      setSlug("");
      onCreated();
    });
  }

  const summary: FormError[] = (Object.keys(errors) as FieldName[]).map((f) => ({
    message: errors[f]!,
    fieldId: FIELDS[f].id,
  }));
  const text = (
    name: FieldName,
    label: string,
    options: { hint?: string; optional?: boolean; input?: object } = {},
  ) => (
    <Field
      id={FIELDS[name].id}
      label={label}
      {...(options.optional ? { labelNote: t("platform.optional") } : {})}
      {...(options.hint ? { hint: options.hint } : {})}
      error={errors[name]}
    >
      {(c) => <input {...c} {...options.input} aria-required={options.optional ? undefined : "true"} />}
    </Field>
  );

  return (
    <section class="card" aria-labelledby="agency-form-title">
      <h2 id="agency-form-title">{t("platform.formTitle")}</h2>
      {created && (
        <div class="notice notice-ok agency-created" role="status">
          <p>{t("platform.created", { name: created.agency.name, unit: created.rootUnit.name })}</p>
          <p>
            <strong>{t("platform.password", { name: created.admin.name, password: created.temporaryPassword })}</strong>
          </p>
          <p>{t("platform.passwordHint")}</p>
        </div>
      )}
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary id="agency-form-errors" errors={summary} attempt={attempt} />
        <fieldset class="fieldset">
          <legend>{t("platform.agencyPart")}</legend>
          {text("name", t("platform.name"), { hint: t("platform.nameHint"), input: { maxLength: 200 } })}
          <Field
            id={FIELDS.slug.id}
            label={t("platform.slug")}
            hint={t("platform.slugHint")}
            error={errors.slug}
            {...(slug
              ? {
                  after: (
                    <p class="field-hint" id="agency-slug-preview">
                      {t("platform.address", { path: hallOfFamePath(slug) })}
                    </p>
                  ),
                  afterId: "agency-slug-preview",
                }
              : {})}
          >
            {(c) => (
              <input
                {...c}
                maxLength={ADMIN_LIMITS.agencySlug}
                autocomplete="off"
                spellcheck={false}
                aria-required="true"
                value={slug}
                onInput={(e) => setSlug(e.currentTarget.value.trim().toLowerCase())}
              />
            )}
          </Field>
          {text("region", t("platform.region"), { input: { maxLength: 100 } })}
          <fieldset class={errors.timeZone ? "field field-invalid zone-choices" : "field zone-choices"}>
            <legend>{t("platform.timeZone")}</legend>
            <p class="field-hint" id="agency-zone-hint">
              {t("platform.timeZoneHint")}
            </p>
            {TIME_ZONES.map((zone) => (
              <label key={zone} class="zone-choice" for={`agency-zone-${zone}`}>
                <input
                  type="radio"
                  id={`agency-zone-${zone}`}
                  name="agency-zone"
                  value={zone}
                  defaultChecked={zone === "Asia/Jakarta"}
                  aria-describedby={`agency-zone-${zone}-hint agency-zone-hint`}
                />
                <span>
                  <strong>{t(`timeZone.${zone}`)}</strong>
                  <span id={`agency-zone-${zone}-hint`} class="field-hint">
                    {t(`timeZoneHint.${zone}`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {text("unitCode", t("platform.unitCode"), {
            hint: t("platform.unitCodeHint"),
            input: { maxLength: 40, autocomplete: "off" },
          })}
          {text("unitName", t("platform.unitName"), { hint: t("platform.unitNameHint"), input: { maxLength: 200 } })}
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t("platform.adminPart")}</legend>
          {text("adminName", t("platform.adminName"), { input: { autocomplete: "off" } })}
          {text("adminNip", t("platform.adminNip"), {
            hint: t("platform.adminNipHint"),
            input: { inputMode: "numeric", maxLength: 18, autocomplete: "off" },
          })}
          {text("adminEmail", t("platform.adminEmail"), { input: { type: "email", autocomplete: "off" } })}
          {text("adminPosition", t("platform.adminPosition"), { optional: true })}
        </fieldset>
        {problem && <ProblemMessage problem={problem} />}
        <div class="button-row">
          <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
            {busy ? t("platform.submitting") : t("platform.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
