import { useRef, useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { ApiProblem } from "../../api/problem";
import { acceptInvitation, inviteCoauthor, removeFromTeam, uploadAttachment } from "../../api/team";
import { TEAM_OPEN_STATUSES } from "../../api/contract";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { useDebounced } from "../../lib/use-debounced";
import { usePeople } from "./use-people";
import { loadIdea } from "../../models/idea";
import { session } from "../../models/session";

const OPEN: ReadonlySet<string> = new Set(TEAM_OPEN_STATUSES);

/** Runs a change, then reloads the idea from the server (the page shows only confirmed state). */
function useAction(ideaId: number) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (change: () => Promise<unknown>, done?: string) => {
    try {
      await change();
      setMessage(done ? { text: done, error: false } : null);
      await loadIdea(ideaId, true);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setMessage({ text: problemText(e.code), error: true });
    }
  };
  return { message, run };
}

function Invite({ idea, run }: { idea: IdeaDetail; run: ReturnType<typeof useAction>["run"] }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const onTeam = new Set(idea.team.map((m) => m.userId));
  const [found] = usePeople(query.length < 2 ? null : query);
  const people = found.filter((p) => !onTeam.has(p.id));
  return (
    <div class="field">
      <label for="invite-search">{t("team.invite")}</label>
      <p class="field-hint" id="invite-hint">
        {t("team.inviteHint")}
      </p>
      <input
        id="invite-search"
        type="search"
        value={q}
        aria-describedby="invite-hint"
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      <ul class="mention-list">
        {people.map((p) => (
          <li key={p.id}>
            <button
              class="link-button"
              type="button"
              onClick={() => {
                setQ("");
                void run(() => inviteCoauthor(idea.id, p.id), t("team.invitedDone", { name: p.name }));
              }}
            >
              {t("team.invitePick", { name: p.name, unit: p.unitName })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Upload({ idea, run }: { idea: IdeaDetail; run: ReturnType<typeof useAction>["run"] }) {
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return input.current?.focus();
    void run(() => uploadAttachment(idea.id, file), t("team.uploaded", { name: file.name }));
    if (input.current) input.current.value = "";
  };
  return (
    <form class={missing ? "field field-invalid" : "field"} onSubmit={submit} noValidate>
      <label for="attachment-file">{t("team.upload")}</label>
      <p class="field-hint" id="attachment-hint">
        {t("team.uploadHint")}
      </p>
      {missing && (
        <p class="field-error" id="attachment-error">
          {t("team.chooseFile")}
        </p>
      )}
      <input
        ref={input}
        id="attachment-file"
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
        aria-describedby={missing ? "attachment-error attachment-hint" : "attachment-hint"}
        aria-invalid={missing ? "true" : undefined}
      />
      <button class="button button-secondary" type="submit">
        {t("team.uploadSubmit")}
      </button>
    </form>
  );
}

/**
 * What the people behind an idea can do with its team and files: an invitee accepts or declines;
 * an author invites colleagues and attaches files while the idea is a draft or submitted.
 */
export function TeamTools({ idea }: { idea: IdeaDetail }) {
  const { message, run } = useAction(idea.id);
  const me = session.value.kind === "signed-in" ? session.value.user.id : null;
  const canChange = idea.viewer.isAuthor && OPEN.has(idea.status);
  if (!idea.viewer.isInvited && !canChange) return null;
  return (
    <section class="card idea-side-card team-tools" aria-labelledby="team-tools-title">
      <h2 id="team-tools-title">{t("team.tools")}</h2>
      {idea.viewer.isInvited && me !== null && (
        <>
          <p>{t("team.invited")}</p>
          <div class="button-row">
            <button class="button" type="button" onClick={() => void run(() => acceptInvitation(idea.id))}>
              {t("team.accept")}
            </button>
            <button
              class="button button-secondary"
              type="button"
              onClick={() => void run(() => removeFromTeam(idea.id, me))}
            >
              {t("team.decline")}
            </button>
          </div>
        </>
      )}
      {canChange && (
        <>
          <Invite idea={idea} run={run} />
          <Upload idea={idea} run={run} />
        </>
      )}
      {message && (
        <p class={message.error ? "field-error" : "notice notice-ok"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
