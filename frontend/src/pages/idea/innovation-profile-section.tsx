import { useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { getProfile, type Profile } from "../../api/innovation-profile";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t, type PlainKey } from "../../i18n";
import { formatDate, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { EvidenceSlots } from "./evidence-slots";
import { ProfileEditor } from "./profile-editor";

/** One fact of the profile; nothing when it has no value. */
function Fact({ label, value }: { label: PlainKey; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div>
      <dt>{t(label)}</dt>
      <dd class="break prewrap">{value}</dd>
    </div>
  );
}

function ProfileFacts({ profile: p }: { profile: Profile }) {
  const budget =
    p.budgetSource === null ? null : `Rp ${formatNumber(p.budgetAmount ?? 0)} (${t(`innov.budget.${p.budgetSource}`)})`;
  return (
    <>
      <dl class="details innov-facts">
        <Fact label="innov.stage" value={t(`innov.stage.${p.stage}`)} />
        <Fact label="innov.trialDate" value={p.trialDate && formatDate(p.trialDate)} />
        <Fact label="innov.implementationDate" value={p.implementationDate && formatDate(p.implementationDate)} />
        <Fact label="innov.type" value={t(`innov.type.${p.type}`)} />
        <Fact label="innov.form" value={t(`innov.form.${p.form}`)} />
        <Fact label="innov.urusan" value={t(`urusan.${p.urusan}`)} />
        <div>
          <dt>{t("innov.sdgs")}</dt>
          <dd>
            <ul class="chips">
              {p.sdgs.map((n) => (
                <li key={n} class="chip">
                  {t(`sdg.${n}` as "sdg.1")}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <Fact label="innov.objectives" value={p.objectives} />
        <Fact label="innov.targetGroups" value={p.targetGroups} />
        <Fact label="innov.budget" value={budget} />
        <Fact
          label="innov.legalNumber"
          value={p.legalBasisNumber && `${p.legalBasisNumber}, ${formatDate(p.legalBasisDate ?? "")}`}
        />
        {p.videoUrl && (
          <div>
            <dt>{t("innov.video")}</dt>
            <dd class="break">
              <a href={p.videoUrl} target="_blank" rel="noopener noreferrer">
                {p.videoUrl}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {p.indicators.length > 0 && (
        <>
          <h3>{t("innov.indicators")}</h3>
          <dl class="impl-figures">
            {p.indicators.map((i) => (
              <div key={i.key}>
                <dt>{i.name}</dt>
                <dd>
                  {t("innov.beforeAfter", {
                    before: formatNumber(i.before),
                    after: formatNumber(i.after),
                    unit: i.unit,
                  })}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

/**
 * "Profil inovasi" of an approved or implemented idea: the IID/KIPP profile, its before/after
 * indicators and the evidence per slot. Its team and admins fill it in until a competition round
 * locks it; everyone who sees the idea reads it.
 */
export function InnovationProfileSection({ idea }: { idea: IdeaDetail }) {
  const [state, reload, set] = useResource((signal) => getProfile(idea.id, signal), [idea.id, idea.status]);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (idea.status !== "approved" && idea.status !== "implemented") return null;
  return (
    <section class="idea-section innov-section" aria-labelledby="innov-title">
      <h2 id="innov-title">{t("innov.title")}</h2>
      <p class="muted">{t("innov.lead")}</p>
      {state.kind === "loading" && <Loading label={t("innov.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && (
        <>
          {state.value.lockedAt && (
            <p class="notice">{t("innov.locked", { date: formatDate(state.value.lockedAt) })}</p>
          )}
          {editing && state.value.canEdit ? (
            <ProfileEditor
              ideaId={idea.id}
              profile={state.value.profile}
              onCancel={() => setEditing(false)}
              onSaved={(view) => {
                set(view);
                setEditing(false);
                setDone(t("innov.saved"));
              }}
            />
          ) : (
            <>
              {state.value.profile ? (
                <ProfileFacts profile={state.value.profile} />
              ) : (
                <p class="muted">
                  {t("innov.empty")} {state.value.canEdit && t("innov.emptyTeam")}
                </p>
              )}
              {state.value.canEdit && (
                <div class="button-row">
                  <button
                    type="button"
                    class="button button-secondary"
                    onClick={() => {
                      setDone(null);
                      setEditing(true);
                    }}
                  >
                    {state.value.profile ? t("innov.edit") : t("innov.fill")}
                  </button>
                </div>
              )}
            </>
          )}
          <StatusLine text={done} />
          <EvidenceSlots ideaId={idea.id} view={state.value} onChange={set} />
        </>
      )}
    </section>
  );
}
