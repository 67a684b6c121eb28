import type { Committee } from "../../api/reviews";
import { ProgressBar } from "../../components/progress-bar";
import { t } from "../../i18n";

/** Each member of the committee with their seat and how many of their reviews are in (and late). */
export function CommitteeMembers({ committee }: { committee: Committee }) {
  return (
    <section class="card" aria-labelledby="committee-members-title">
      <h2 id="committee-members-title">{t("committee.membersTitle")}</h2>
      {committee.members.length === 0 ? (
        <p class="muted">{t("committee.noMembers")}</p>
      ) : (
        <ul class="member-list">
          {committee.members.map((member) => {
            const { assigned, submitted, overdue } = member.progress;
            return (
              <li key={member.userId} class="member">
                <div class="member-head">
                  <span class="member-name">{member.name}</span>
                  <span class={`chip chip-small${member.role === "chair" ? " chip-chair" : ""}`}>
                    {t(`committee.role.${member.role}`)}
                  </span>
                  {!member.active && <span class="chip chip-small">{t("committee.inactive")}</span>}
                </div>
                <p class="member-unit">
                  {member.position} · {member.unitName}
                </p>
                <p class="member-progress">
                  <ProgressBar value={submitted} max={assigned} tone="ok" />
                  <span>
                    {assigned === 0
                      ? t("committee.noAssignments")
                      : t("committee.memberProgress", { submitted, assigned })}
                  </span>
                  {overdue > 0 && <span class="queue-overdue">{t("reviews.overdueCount", { count: overdue })}</span>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
