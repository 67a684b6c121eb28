import { useEffect, useRef, useState } from "preact/hooks";
import {
  deleteComment,
  editComment,
  hideComment,
  listComments,
  postComment,
  reportComment,
  type Comment,
  type Thread,
} from "../../api/discussion";
import type { IdeaDetail } from "../../api/ideas";
import { restoreComment } from "../../api/moderation";
import { ReasonDialog } from "../../components/reason-dialog";
import { ApiProblem, NETWORK_UNREACHABLE } from "../../api/problem";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { formatDateTime } from "../../lib/format";
import { useDebounced } from "../../lib/use-debounced";
import { session } from "../../models/session";
import { loadIdea } from "../../models/idea";
import { withCopy } from "../../models/offline-copies";
import { bodyOf, bodyParts, draftOf, shownHandle } from "../../lib/mention-text";
import { COMMENT_LIMITS } from "../../api/contract";
import { usePeople, type Person } from "./use-people";

/** The `@word` being typed at the end of the text, if any. */
const mentionQuery = (text: string) => /(^|\s)@([\p{L}'. -]{2,40})$/u.exec(text)?.[2]?.trim() ?? null;

/** A textarea that offers colleagues to mention while `@name` is typed. */
function Composer(props: {
  id: string;
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}) {
  // the box shows a picked colleague as `@Name`; the handle markup the server reads goes back on submit
  const [draft] = useState(() => draftOf(props.initial ?? ""));
  const [text, setText] = useState(draft.text);
  const picked = useRef<Record<string, string>>(draft.picked);
  const [error, setError] = useState<string | null>(null);
  // a name just picked is not asked for again
  const typed = mentionQuery(text);
  const query = useDebounced(
    typed && !Object.keys(picked.current).some((shown) => `@${typed}`.startsWith(shown)) ? typed : null,
    250,
  );
  const [people, clearPeople] = usePeople(query);
  const area = useRef<HTMLTextAreaElement>(null);

  const pick = (person: Person) => {
    const shown = shownHandle(person.handle);
    picked.current = { ...picked.current, [shown]: person.handle };
    setText((current) => current.replace(/@[^@]*$/u, `${shown} `));
    clearPeople();
    area.current?.focus();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return setError(t("discussion.empty_body"));
    try {
      await props.onSubmit(bodyOf({ text: text.trim(), picked: picked.current }));
      setText("");
      picked.current = {};
      setError(null);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      // offline: the text stays in the box, and the person is told it was not sent
      setError(e.code === NETWORK_UNREACHABLE ? t("offline.commentNotSent") : problemText(e.code));
    }
  };
  const errorId = `${props.id}-error`;
  return (
    <form class="composer" onSubmit={submit} noValidate>
      <label for={props.id}>{props.label}</label>
      <p class="field-hint" id={`${props.id}-hint`}>
        {t("discussion.newHint")}
      </p>
      {error && (
        <p class="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <textarea
        ref={area}
        id={props.id}
        rows={3}
        maxLength={COMMENT_LIMITS.body}
        value={text}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={[error ? errorId : "", `${props.id}-hint`].filter(Boolean).join(" ")}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {people.length > 0 && (
        <ul class="mention-list">
          {people.map((p) => (
            <li key={p.id}>
              <button type="button" class="link-button" onClick={() => pick(p)}>
                {t("discussion.mentionPick", { name: p.name, unit: p.unitName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <button class="button" type="submit">
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button class="button button-secondary" type="button" onClick={props.onCancel}>
            {t("discussion.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

type Moderation = "report" | "hide" | "restore";

const MODERATION = {
  report: {
    title: "discussionModeration.reportTitle",
    text: "discussionModeration.reportText",
    submit: "discussion.report",
  },
  hide: { title: "moderation.hideCommentTitle", text: "moderation.hideCommentText", submit: "discussion.hide" },
  restore: { title: "moderation.restoreTitle", text: "moderation.restoreText", submit: "moderation.restore" },
} as const;

/** In blind review the server names the proposing team in its own words; say it in the reader's. */
const teamName = (person: { name: string; proposingTeam: boolean }) =>
  person.proposingTeam ? t("idea.proposingTeam") : person.name;

function bodyText(comment: Comment): string | null {
  const team = comment.mentions.find((m) => m.proposingTeam);
  if (comment.body === null || !team) return comment.body;
  return comment.body.replaceAll(`@[${team.name}]`, `@[${t("idea.proposingTeam")}]`);
}

function CommentView({
  ideaId,
  comment,
  onChange,
  canReply,
}: {
  ideaId: number;
  comment: Comment;
  onChange: () => void;
  canReply: boolean;
}) {
  const [mode, setMode] = useState<"read" | "edit" | "reply">("read");
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<Moderation | null>(null);
  const isAdmin = session.value.kind === "signed-in" && session.value.user.can.moderateComments;
  const act = async (run: () => Promise<unknown>, done?: string) => {
    try {
      await run();
      setNotice(done ?? null);
      onChange();
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setNotice(problemText(e.code));
    }
  };
  const moderate = async (reason: string) => {
    if (asking === "report") await reportComment(comment.id, reason);
    if (asking === "hide") await hideComment(comment.id, reason);
    if (asking === "restore") await restoreComment(comment.id, reason);
    setNotice(asking === "report" ? t("discussion.reported") : null);
    onChange();
  };
  const author = teamName(comment.author);
  return (
    <article class="comment" aria-label={author}>
      <header class="comment-head">
        <strong>{author}</strong> {comment.author.unitName && <span class="muted">{comment.author.unitName}</span>} ·{" "}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.edited && <span class="muted"> · {t("discussion.edited")}</span>}
      </header>
      {comment.deleted ? (
        <p class="muted">{t("discussion.deleted")}</p>
      ) : comment.hidden && comment.body === null ? (
        <p class="muted">{t("discussion.hidden", { reason: comment.hiddenReason ?? "" })}</p>
      ) : mode === "edit" ? (
        <Composer
          id={`edit-${comment.id}`}
          label={t("discussion.edit")}
          initial={comment.body ?? ""}
          submitLabel={t("discussion.save")}
          onCancel={() => setMode("read")}
          onSubmit={async (body) => {
            await editComment(comment.id, body);
            setMode("read");
            onChange();
          }}
        />
      ) : (
        <p class="prewrap">
          {bodyParts(bodyText(comment) ?? "").map((part, index) =>
            part.kind === "text" ? (
              part.text
            ) : (
              <span key={index} class="mention">
                @{part.name}
              </span>
            ),
          )}
        </p>
      )}
      {!comment.deleted && mode === "read" && (
        <div class="comment-actions">
          {canReply && (
            <button
              class="link-button"
              type="button"
              aria-label={t("discussion.replyTo", { name: author })}
              onClick={() => setMode("reply")}
            >
              {t("discussion.reply")}
            </button>
          )}
          {comment.viewer.canEdit && (
            <button class="link-button" type="button" onClick={() => setMode("edit")}>
              {t("discussion.edit")}
            </button>
          )}
          {comment.viewer.isAuthor ? (
            <button class="link-button" type="button" onClick={() => void act(() => deleteComment(comment.id))}>
              {t("discussion.delete")}
            </button>
          ) : (
            !comment.hidden && (
              <button class="link-button" type="button" onClick={() => setAsking("report")}>
                {t("discussion.report")}
              </button>
            )
          )}
          {isAdmin && !comment.hidden && (
            <button class="link-button link-danger" type="button" onClick={() => setAsking("hide")}>
              {t("discussion.hide")}
            </button>
          )}
          {isAdmin && comment.hidden && (
            <button class="link-button" type="button" onClick={() => setAsking("restore")}>
              {t("moderation.restore")}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p class="muted" role="status">
          {notice}
        </p>
      )}
      {asking && (
        <ReasonDialog
          id={`comment-${comment.id}-${asking}`}
          title={t(MODERATION[asking].title)}
          text={t(MODERATION[asking].text)}
          submitLabel={t(MODERATION[asking].submit)}
          danger={asking === "hide"}
          submit={moderate}
          onClose={() => setAsking(null)}
        />
      )}
      {mode === "reply" && (
        <Composer
          id={`reply-${comment.id}`}
          label={t("discussion.replyTo", { name: author })}
          submitLabel={t("discussion.send")}
          onCancel={() => setMode("read")}
          onSubmit={async (body) => {
            await postComment(ideaId, body, comment.id);
            setMode("read");
            onChange();
          }}
        />
      )}
    </article>
  );
}

/** The discussion of an idea: comments with one level of replies, mentions, edit, delete, report. */
export function IdeaDiscussion({ idea }: { idea: IdeaDetail }) {
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (more = false) => {
    try {
      // the first page is kept on this device, so the discussion reads offline too
      const page =
        more && cursor
          ? await listComments(idea.id, cursor)
          : await withCopy(`comments:${idea.id}`, () => listComments(idea.id));
      setThreads((previous) => (more && previous ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(problemText(e.code));
    }
  };
  useEffect(() => void load(), [idea.id]);
  // a comment posted, deleted, hidden or restored moves the idea's comment count: the header asks again
  const changed = async () => {
    await load();
    void loadIdea(idea.id, true);
  };
  if (idea.status === "draft") return null;
  return (
    <section class="idea-section discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">{t("discussion.title")}</h2>
      <Composer
        id="new-comment"
        label={t("discussion.new")}
        submitLabel={t("discussion.send")}
        onSubmit={async (body) => void (await postComment(idea.id, body), await changed())}
      />
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {threads !== null && threads.length === 0 && <p class="empty-state">{t("discussion.empty")}</p>}
      <ol class="threads">
        {(threads ?? []).map((thread) => (
          <li key={thread.id}>
            <CommentView ideaId={idea.id} comment={thread} canReply onChange={() => void changed()} />
            {thread.replies.length > 0 && (
              <ol class="replies">
                {thread.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentView ideaId={idea.id} comment={reply} canReply={false} onChange={() => void changed()} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      {cursor && (
        <button class="button button-secondary" type="button" onClick={() => void load(true)}>
          {t("discussion.more")}
        </button>
      )}
    </section>
  );
}
