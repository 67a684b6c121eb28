import { useState } from "preact/hooks";
import {
  getNotificationPreferences,
  putNotificationPreferences,
  type NotificationKind,
  type NotificationChannel,
  type NotificationPreference,
} from "../../api/notifications";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { NOTIFICATIONS_PATH } from "../../lib/notification-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { PushSection } from "./push-section";
import "../../styles/ideas.css";
import "../../styles/notifications.css";

/** The kinds grouped as people think of them: my ideas, my reviews, my rewards. */
const GROUPS: readonly {
  title: "settings.groupIdeas" | "settings.groupReviews" | "settings.groupRewards" | "settings.groupModeration";
  kinds: NotificationKind[];
}[] = [
  {
    title: "settings.groupIdeas",
    kinds: [
      "vote_on_my_idea",
      "comment_on_my_idea",
      "reply_to_me",
      "mention",
      "decision_on_my_idea",
      "followed_idea_status",
    ],
  },
  { title: "settings.groupReviews", kinds: ["review_assigned", "review_due", "campaign_phase", "committee_removed"] },
  { title: "settings.groupRewards", kinds: ["points_earned", "badge_earned", "award_received", "award_revoked"] },
  { title: "settings.groupModeration", kinds: ["moderation", "report_received"] },
];

function SettingsForm({
  saved,
  onSaved,
}: {
  saved: NotificationPreference[];
  onSaved: (next: NotificationPreference[]) => void;
}) {
  const [enabled, setEnabled] = useState(() => new Set(saved.filter((p) => p.enabled).map((p) => p.kind)));
  const [channels, setChannels] = useState(() => new Map(saved.map((p) => [p.kind, p.channel])));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [status, setStatus] = useState("");
  const known = new Set(saved.map((p) => p.kind));
  const byKind = new Map(saved.map((p) => [p.kind, p]));

  function toggle(kind: NotificationKind, on: boolean) {
    const next = new Set(enabled);
    if (on) next.add(kind);
    else next.delete(kind);
    setEnabled(next);
    setStatus("");
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const muted = saved.map((p) => p.kind).filter((kind) => !enabled.has(kind));
      const chosen = saved
        .filter((p) => p.channels.length > 1)
        .map((p) => ({ kind: p.kind, channel: channels.get(p.kind) ?? p.channel }));
      onSaved(await putNotificationPreferences(muted, chosen));
      setStatus(t("settings.saved"));
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form settings-form" noValidate onSubmit={onSubmit}>
      {problem && <ProblemMessage problem={problem} />}
      {GROUPS.map((group) => (
        <fieldset key={group.title} class="fieldset card settings-group">
          <legend>{t(group.title)}</legend>
          {group.kinds
            .filter((kind) => known.has(kind))
            .map((kind) => (
              <div key={kind} class="setting">
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name={kind}
                    checked={enabled.has(kind)}
                    aria-describedby={`setting-${kind}-hint`}
                    onChange={(event) => toggle(kind, event.currentTarget.checked)}
                  />
                  <span>{t(`notificationKind.${kind}`)}</span>
                </label>
                <p id={`setting-${kind}-hint`} class="field-hint setting-hint">
                  {t(`notificationKindHint.${kind}`)}
                </p>
                {enabled.has(kind) && byKind.get(kind)!.channels.length > 1 && (
                  <div class="field setting-channel">
                    <label for={`channel-${kind}`}>{t("channel.label")}</label>
                    <select
                      id={`channel-${kind}`}
                      value={channels.get(kind)}
                      onChange={(event) => {
                        setChannels(new Map(channels).set(kind, event.currentTarget.value as NotificationChannel));
                        setStatus("");
                      }}
                    >
                      {byKind.get(kind)!.channels.map((channel) => (
                        <option key={channel} value={channel}>
                          {t(`channel.${channel}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
            ))}
        </fieldset>
      ))}
      <div class="button-row settings-actions">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("settings.saving") : t("settings.save")}
        </button>
        <p class="save-status" role="status">
          {status}
        </p>
      </div>
    </form>
  );
}

function SettingsLoader() {
  const [state, reload, set] = useResource((signal) => getNotificationPreferences(signal), []);
  if (state.kind === "loading") return <Loading label={t("settings.loading")} />;
  if (state.kind === "problem") return <ProblemMessage problem={state.problem} onRetry={reload} />;
  return <SettingsForm saved={state.value} onSaved={set} />;
}

/** `/notifikasi/pengaturan`: which kinds of notification I receive; saved together. */
export default function NotificationSettingsPage() {
  usePageTitle("settings.title");
  return (
    <div class="settings-page">
      <p class="back-link">
        <a href={NOTIFICATIONS_PATH}>← {t("notifications.title")}</a>
      </p>
      <h1>{t("settings.title")}</h1>
      <p class="lead">{t("settings.lead")}</p>
      <RequireSignIn>
        {() => (
          <>
            <PushSection />
            <SettingsLoader />
          </>
        )}
      </RequireSignIn>
    </div>
  );
}
