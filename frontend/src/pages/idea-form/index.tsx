import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { getIdea, type IdeaDetail } from "../../api/ideas";
import { NETWORK_UNREACHABLE, toApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { editIdeaPath, idOf, ideaPath, NEW_IDEA_PATH } from "../../lib/idea-paths";
import { replaceKeepingFocus } from "../../lib/keep-focus";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { campaignsState, loadCampaigns } from "../../models/campaigns";
import { onReconnect } from "../../models/connection";
import { takeDeviceDraft } from "../../models/device-drafts";
import { DraftEditor, EMPTY_DRAFT, valuesOf } from "../../models/idea-draft";
import NotFoundPage from "../not-found/index";
import { defaultCampaignId, IdeaForm } from "./idea-form";
import "../../styles/ideas.css";

type FormState =
  | { kind: "editing"; editor: DraftEditor; isNew: boolean }
  /** a submitted idea, or someone else's: not editable here */
  | { kind: "locked"; idea: IdeaDetail };

/** Warns before the tab closes while something typed is not saved yet. */
function useLeaveWarning(editor: DraftEditor | null) {
  useEffect(() => {
    if (!editor) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!editor.hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = t("autosave.leaveWarning");
    };
    addEventListener("beforeunload", onBeforeUnload);
    return () => removeEventListener("beforeunload", onBeforeUnload);
  }, [editor]);
}

type LoaderProps = { userId: number; routeId: number | null; query: Record<string, string> };

/**
 * Which form the address asks for: a number that changes when another idea (or a new one) is
 * asked for, and stays when the new draft just got its id and renamed the address (keep writing).
 */
function useFormTarget(routeId: number | null, editor: DraftEditor | null): number {
  const target = useRef({ routeId, generation: 0 });
  const owned = editor !== null && editor.id.peek() !== null && editor.id.peek() === routeId;
  if (owned) target.current.routeId = routeId;
  else if (routeId !== target.current.routeId) target.current = { routeId, generation: target.current.generation + 1 };
  return target.current.generation;
}

function FormLoader({ userId, routeId, query }: LoaderProps) {
  const { route } = useLocation();
  const [reloads, setReloads] = useState(0);
  const editorRef = useRef<DraftEditor | null>(null);
  const generation = useFormTarget(routeId, editorRef.current);

  // the one loading hook: a newer address aborts this read and its late answer is dropped
  const [state] = useResource(
    async (signal): Promise<FormState> => {
      editorRef.current?.dispose();
      editorRef.current = null;
      // renames the address only while the person is still on the new form (not after a link away)
      const onCreated = (id: number) => {
        if (location.pathname === NEW_IDEA_PATH) replaceKeepingFocus(route, editIdeaPath(id));
      };
      const edit = (editor: DraftEditor, isNew: boolean): FormState => {
        editorRef.current = editor;
        return { kind: "editing", editor, isNew };
      };
      if (routeId === null) {
        // a new idea typed on this device and not sent yet carries on, unless another is asked for
        const replicatesId = idOf(query.replikasi);
        const kept = replicatesId === null ? takeDeviceDraft(userId, (d) => d.ideaId === null) : null;
        const initial = kept?.values ?? { ...EMPTY_DRAFT, replicatesId };
        return edit(new DraftEditor(initial, null, onCreated, { userId, kept }), true);
      }
      try {
        const idea = await getIdea(routeId, signal);
        signal.throwIfAborted();
        if (idea.status !== "draft" || !idea.viewer.isAuthor) return { kind: "locked", idea };
        const kept = takeDeviceDraft(userId, (d) => d.ideaId === routeId);
        return edit(new DraftEditor(kept?.values ?? valuesOf(idea), idea, onCreated, { userId, kept }), false);
      } catch (error) {
        signal.throwIfAborted();
        // offline: the changes kept on this device can still be read and edited
        const offline = toApiProblem(error).code === NETWORK_UNREACHABLE;
        const kept = offline ? takeDeviceDraft(userId, (d) => d.ideaId === routeId) : null;
        if (kept) return edit(new DraftEditor(kept.values, null, onCreated, { userId, kept, ideaId: routeId }), false);
        throw error;
      }
    },
    [generation, reloads],
  );
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    void loadCampaigns();
    // back online: what could not be loaded is asked for again
    const stop = onReconnect(() => {
      if (campaignsState.peek().kind === "problem") void loadCampaigns(true);
      const current = stateRef.current;
      if (current.kind === "problem" && current.problem.code === NETWORK_UNREACHABLE) setReloads((n) => n + 1);
    });
    return () => {
      stop();
      editorRef.current?.dispose();
    };
  }, []);

  // A new idea goes to the campaign named in the address, or Kotak Ide, once the campaigns are here.
  const campaigns = campaignsState.value;
  const form = state.kind === "ready" ? state.value : null;
  useEffect(() => {
    if (form?.kind !== "editing" || campaigns.kind !== "ready") return;
    if (form.editor.values.value.campaignId === null)
      form.editor.prefill({ campaignId: defaultCampaignId(idOf(query.kampanye)) });
  }, [form, campaigns.kind]);

  useLeaveWarning(form?.kind === "editing" ? form.editor : null);

  if (state.kind === "loading") return <Loading />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} />;
  }
  const view = state.value;
  if (view.kind === "locked") {
    return (
      <div class="notice">
        <p>{t("ideaForm.notEditable")}</p>
        <a href={ideaPath(view.idea.id)}>{t("ideaForm.viewIdea")}</a>
      </div>
    );
  }
  return (
    <>
      <PageHead isNew={view.isNew} />
      <IdeaForm editor={view.editor} />
    </>
  );
}

function PageHead({ isNew }: { isNew: boolean }) {
  const key = isNew ? "ideaForm.newTitle" : "ideaForm.editTitle";
  usePageTitle(key);
  return (
    <div class="form-head">
      <h1>{t(key)}</h1>
      <p class="lead">{t("ideaForm.lead")}</p>
    </div>
  );
}

/**
 * `/ide/baru` (`?kampanye=`, `?replikasi=`) and `/ide/:id/ubah`: writing a draft, saved as the
 * person types, and submitting it.
 */
export default function IdeaFormPage() {
  const { params, query } = useRoute();
  const routeId = params.id === undefined ? null : idOf(params.id);
  if (params.id !== undefined && routeId === null) return <NotFoundPage />;
  return (
    <div class="idea-form-page">
      <RequireSignIn>{(user) => <FormLoader userId={user.id} routeId={routeId} query={query} />}</RequireSignIn>
    </div>
  );
}
