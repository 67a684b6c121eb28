import { useState } from "preact/hooks";
import { createUser, patchUser, type Unit, type User } from "../../api/admin";
import { ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t, type PlainKey } from "../../i18n";
import { errorsByField, fieldText } from "../admin/admin-access";
import { ASSIGNABLE_ROLES, NIP_LENGTH } from "../../api/contract";

/** The roles an admin grants here; `superadmin` is the platform's, granted by a superadmin only. */
export const ROLE_CHOICES = ASSIGNABLE_ROLES.filter(
  (role): role is Exclude<typeof role, "superadmin"> => role !== "superadmin",
);

type Props = {
  units: Unit[];
  /** Editing this account; without it, a new one. */
  user?: User;
  onSaved: (user: User, temporaryPassword?: string) => void;
  onCancel?: () => void;
};

/** Create or edit an account; server problems land on their fields, in the person's language. */
export function UserForm({ units, user, onSaved, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const prefix = user ? `user-${user.id}` : "user-new";
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(`${prefix}-${name}`) ?? "").trim();
    const roles = ROLE_CHOICES.filter((r) => data.get(`${prefix}-role-${r}`) === "on");
    const body = {
      name: value("name"),
      email: value("email"),
      position: value("position"),
      unitId: Number(value("unitId")),
      roles,
    };
    try {
      if (user) onSaved(await patchUser(user.id, body));
      else {
        const created = await createUser({ ...body, nip: value("nip") });
        onSaved(created.user, created.temporaryPassword);
      }
      setErrors({});
      setProblem(null);
    } catch (error) {
      if (error instanceof ApiProblem && error.errors) setErrors(errorsByField(error));
      else if (error instanceof ApiProblem && error.status === 409)
        setErrors({ [error.code.includes("email") ? "email" : "nip"]: fieldText(error) });
      else if (error instanceof ApiProblem) setProblem(error);
      else throw error;
    }
  };
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form class="admin-form" onSubmit={submit} noValidate>
      {!user && (
        <Field id={id("nip")} label={t("users.nip")} error={errors.nip}>
          {(c) => <input {...c} inputMode="numeric" maxLength={NIP_LENGTH} required autocomplete="off" />}
        </Field>
      )}
      <Field id={id("name")} label={t("users.name")} error={errors.name}>
        {(c) => <input {...c} required defaultValue={user?.name ?? ""} />}
      </Field>
      <Field id={id("email")} label={t("users.email")} error={errors.email}>
        {(c) => <input {...c} type="email" required defaultValue={user?.email ?? ""} autocomplete="off" />}
      </Field>
      <Field id={id("position")} label={t("users.position")} error={errors.position}>
        {(c) => <input {...c} defaultValue={user?.position ?? ""} />}
      </Field>
      <Field id={id("unitId")} label={t("users.unit")} error={errors.unitId}>
        {(c) => (
          // the person's unit is chosen by its option: a <select> has no default value of its own, so
          // `defaultValue` on it selected nothing and saving an edit moved the person to the first unit
          <select {...c}>
            {units
              .filter((u) => u.active || u.id === user?.unit.id)
              .map((u) => (
                <option key={u.id} value={u.id} selected={u.id === (user?.unit.id ?? units[0]?.id)}>
                  {"— ".repeat(u.depth)}
                  {u.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <fieldset
        class={errors.roles ? "field field-invalid" : "field"}
        aria-describedby={errors.roles ? id("roles-error") : undefined}
      >
        <legend>{t("users.roles")}</legend>
        {errors.roles && (
          <p id={id("roles-error")} class="field-error">
            {errors.roles}
          </p>
        )}
        {ROLE_CHOICES.map((role) => (
          <label key={role} class="check">
            <input
              type="checkbox"
              name={id(`role-${role}`)}
              defaultChecked={role === "asn" || (user?.roles.includes(role) ?? false)}
            />{" "}
            {t(`role.${role}` as PlainKey)}
          </label>
        ))}
      </fieldset>
      {problem && <ProblemMessage problem={problem} />}
      <div class="button-row">
        <button class="button" type="submit">
          {user ? t("users.save") : t("users.add")}
        </button>
        {onCancel && (
          <button class="button button-secondary" type="button" onClick={onCancel}>
            {t("users.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
