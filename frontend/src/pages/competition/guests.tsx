import { useState } from "preact/hooks";
import { inviteGuestReviewer, type GuestReviewer } from "../../api/competitions";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { COMPETITION_LIMITS, EMAIL_MAX, NAME_MAX } from "../../api/contract";

/** Inviting academics and partners as external reviewers, and who has accepted. */
export function GuestReviewers({ guests, onInvited }: { guests: readonly GuestReviewer[]; onInvited: () => void }) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    setBusy(true);
    setProblem(null);
    try {
      const guest = await inviteGuestReviewer({
        name: value("guest-name"),
        email: value("guest-email"),
        institution: value("guest-institution"),
        expertise: value("guest-expertise"),
      });
      form.reset();
      setMessage(t("guests.invited", { email: guest.email }));
      onInvited();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="guests-title">
      <h2 id="guests-title">{t("guests.title")}</h2>
      <p class="card-lead">{t("guests.lead")}</p>
      <form class="admin-form" onSubmit={submit} noValidate>
        <Field id="guest-name" label={t("guests.name")}>
          {(c) => <input {...c} required maxLength={NAME_MAX} autocomplete="off" />}
        </Field>
        <Field id="guest-email" label={t("guests.email")}>
          {(c) => <input {...c} type="email" required maxLength={EMAIL_MAX} autocomplete="off" />}
        </Field>
        <Field id="guest-institution" label={t("guests.institution")}>
          {(c) => <input {...c} required maxLength={COMPETITION_LIMITS.guestInstitution[1]} autocomplete="off" />}
        </Field>
        <Field id="guest-expertise" label={t("guests.expertise")}>
          {(c) => <input {...c} maxLength={COMPETITION_LIMITS.guestExpertise} autocomplete="off" />}
        </Field>
        {problem && <ProblemMessage problem={problem} />}
        {message && <p class="notice notice-ok">{message}</p>}
        <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("guests.inviting") : t("guests.invite")}
        </button>
      </form>
      {guests.length === 0 ? (
        <p class="muted">{t("guests.empty")}</p>
      ) : (
        <ul class="rule-list">
          {guests.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong> · {g.institution}
              {g.expertise && ` · ${g.expertise}`} ·{" "}
              <span class="muted">{g.activated ? t("guests.activated") : t("guests.pending")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
