import { getProfile, type Me } from "../../api/auth";
import { t, type PlainKey } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { initialsOf } from "../../lib/person-name";

const ROLE_LABEL = {
  asn: "role.asn",
  reviewer: "role.reviewer",
  leader: "role.leader",
  admin: "role.admin",
  superadmin: "role.superadmin",
  guest: "role.guest",
} as const satisfies Record<Me["roles"][number], PlainKey>;

/** Name, position and where the person works, as the top of the profile. */
export function ProfileHead({ user }: { user: Me }) {
  return (
    <section class="card profile-head" aria-labelledby="profile-name">
      <span class="avatar" aria-hidden="true">
        {initialsOf(user.name)}
      </span>
      <div>
        <p class="eyebrow">{t("profile.title")}</p>
        <h1 id="profile-name">{user.name}</h1>
        <p class="profile-position">{user.position}</p>
        <p class="profile-place">
          {user.unit.name} · {user.agency.name}
        </p>
      </div>
    </section>
  );
}

const dateText = (ms: number) => (
  <time dateTime={new Date(ms).toISOString()}>{formatDateTime(new Date(ms).toISOString())}</time>
);

/** Since when the account exists and when it last signed in, from the stored profile (`GET /me/profile`). */
function AccountDates() {
  const [dates] = useResource((signal) => getProfile(signal), []);
  const value = (pick: (profile: { createdAt: number; lastLoginAt: number | null }) => number | null) => {
    if (dates.kind === "loading") return t("profile.datesLoading");
    if (dates.kind === "problem") return t("profile.datesFailed");
    const ms = pick(dates.value);
    return ms === null ? t("profile.neverSignedIn") : dateText(ms);
  };
  return (
    <>
      <div>
        <dt>{t("profile.createdAt")}</dt>
        <dd>{value((d) => d.createdAt)}</dd>
      </div>
      <div>
        <dt>{t("profile.lastLogin")}</dt>
        <dd>{value((d) => d.lastLoginAt)}</dd>
      </div>
    </>
  );
}

/** Every stored detail of the person, with the roles in words, and the account's dates. */
export function ProfileDetails({ user }: { user: Me }) {
  return (
    <section class="card" aria-labelledby="details-title">
      <h2 id="details-title">{t("profile.details")}</h2>
      <dl class="details">
        <div>
          <dt>{t("profile.nip")}</dt>
          <dd class="tabular">{user.nip}</dd>
        </div>
        <div>
          <dt>{t("profile.email")}</dt>
          <dd class="break">{user.email}</dd>
        </div>
        <div>
          <dt>{t("profile.position")}</dt>
          <dd>{user.position}</dd>
        </div>
        <div>
          <dt>{t("profile.unit")}</dt>
          <dd>{user.unit.name}</dd>
        </div>
        <div>
          <dt>{t("profile.agency")}</dt>
          <dd>{user.agency.name}</dd>
        </div>
        <div>
          <dt>{t("profile.roles")}</dt>
          <dd>
            <ul class="chips">
              {user.roles.map((role) => (
                <li key={role} class="chip">
                  {t(ROLE_LABEL[role])}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <AccountDates />
      </dl>
      <p class="card-note">{t("profile.detailsNote")}</p>
    </section>
  );
}
