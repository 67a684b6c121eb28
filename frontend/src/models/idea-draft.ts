import { signal } from "@preact/signals";
import { createIdea, patchIdea, type DraftFields, type IdeaDetail } from "../api/ideas";
import { NETWORK_UNREACHABLE, toApiProblem, type ApiProblem } from "../api/problem";
import { online, onReconnect } from "./connection";
import {
  claimDeviceDraft,
  dropDeviceDraft,
  keepDeviceDraft,
  newDraftKey,
  releaseDeviceDraft,
  type DeviceDraft,
} from "./device-drafts";
import { ideaList } from "./idea-list";

export type DraftValues = DraftFields & { campaignId: number | null; replicatesId: number | null };
export type DraftField = keyof DraftValues;

export type SaveState =
  | { kind: "idle" }
  /** typed, but a draft needs a title of 5 characters before the server takes it */
  | { kind: "needs-title" }
  | { kind: "pending" }
  | { kind: "saving" }
  /** `fromDevice`: what had been kept on this device (offline, or a failed save) is on the server now */
  | { kind: "saved"; at: Date; fromDevice?: true }
  /** the device is offline: what was typed is kept on it and sent once the connection returns */
  | { kind: "offline" }
  /** a passing failure (offline, server busy): tried again by itself */
  | { kind: "failed"; problem: ApiProblem }
  /** refused (not editable any more, fields invalid): a new edit tries again, except `locked` */
  | { kind: "stopped"; problem: ApiProblem; locked: boolean };

export const EMPTY_DRAFT: DraftValues = {
  title: "",
  problem: "",
  solution: "",
  benefit: "",
  targetService: "",
  category: "",
  campaignId: null,
  replicatesId: null,
};

/** Quiet time after the last keystroke before saving. */
export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
export const TITLE_MIN = 5;

const TEXT_FIELDS = ["title", "problem", "solution", "benefit", "targetService", "category"] as const;

/** A failure that may pass (no network, server busy): the draft is kept and sent again. */
export const isTransient = (problem: ApiProblem) =>
  problem.status === 0 || problem.status >= 500 || problem.status === 429 || problem.code === "internal";

/** Only what the person filled in, so the server's defaults hold for the rest. */
export function createBodyOf(values: DraftValues) {
  return {
    title: values.title,
    ...(values.problem ? { problem: values.problem } : {}),
    ...(values.solution ? { solution: values.solution } : {}),
    ...(values.benefit ? { benefit: values.benefit } : {}),
    ...(values.targetService ? { targetService: values.targetService } : {}),
    ...(values.category ? { category: values.category } : {}),
    ...(values.campaignId !== null ? { campaignId: values.campaignId } : {}),
    ...(values.replicatesId !== null ? { replicatesId: values.replicatesId } : {}),
  };
}

/** A PATCH body from changed fields (a campaign can be changed, not removed). */
export function patchBodyOf(patch: Partial<DraftValues>) {
  const { campaignId, ...rest } = patch;
  return { ...rest, ...(campaignId !== null && campaignId !== undefined ? { campaignId } : {}) };
}

export type EditorOptions = {
  /** whose device keeps the draft while the server does not have it */
  userId: number;
  /** a draft kept on this device to carry on with, already claimed (`takeDeviceDraft`) */
  kept?: DeviceDraft | null;
  /** the draft's id when it could not be loaded (offline): every field is sent once back online */
  ideaId?: number;
};

/** The draft's values as the server keeps them (it trims). */
export function valuesOf(idea: IdeaDetail): DraftValues {
  return {
    title: idea.title,
    problem: idea.problem,
    solution: idea.solution,
    benefit: idea.benefit,
    targetService: idea.targetService,
    category: idea.category,
    campaignId: idea.campaign.id,
    replicatesId: idea.replicates?.id ?? null,
  };
}

/**
 * A draft being written, saved as the person types: created on the first input with a usable
 * title, then only the changed fields PATCHed after {@link AUTOSAVE_DELAY_MS} of quiet. One request
 * at a time; what was typed meanwhile goes in the next. Passing failures are retried with backoff.
 * Until the server has everything, the values are also kept on this device (`device-drafts.ts`):
 * offline nothing is sent, a reload keeps them, and the returning connection sends them.
 * @example const editor = new DraftEditor(EMPTY_DRAFT, null, (id) => replaceKeepingFocus(route, editIdeaPath(id)), { userId })
 */
export class DraftEditor {
  readonly values = signal<DraftValues>(EMPTY_DRAFT);
  readonly id = signal<number | null>(null);
  readonly save = signal<SaveState>({ kind: "idle" });
  /** The draft as the server last answered it (team, campaign, replicated idea). */
  readonly saved = signal<IdeaDetail | null>(null);

  /** what the server holds; null when the draft could not be loaded (offline) */
  private stored: DraftValues | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private disposed = false;
  private readonly onCreated: (id: number) => void;
  private readonly userId: number;
  private readonly deviceKey: string;
  /** something typed waited on this device (offline, a failed save) since the last save */
  private keptOnDevice: boolean;
  private readonly stopListening: () => void;

  /**
   * @param initial the values to start from (a loaded draft's, or prefilled ones)
   * @param idea the loaded draft; none for a new one
   * @param onCreated told the new draft's id, once
   * @param options whose draft it is, and the copy kept on this device to carry on with
   */
  constructor(
    initial: DraftValues,
    idea: IdeaDetail | null,
    onCreated: (id: number) => void,
    { userId, kept = null, ideaId }: EditorOptions,
  ) {
    this.values.value = initial;
    this.stored = idea ? valuesOf(idea) : ideaId === undefined ? EMPTY_DRAFT : null;
    this.id.value = idea?.id ?? ideaId ?? null;
    this.saved.value = idea;
    this.onCreated = onCreated;
    this.userId = userId;
    this.deviceKey = kept?.key ?? newDraftKey();
    if (!kept) claimDeviceDraft(this.deviceKey);
    this.keptOnDevice = kept !== null;
    this.stopListening = onReconnect(() => this.reconnected());
    // a kept copy is newer than the server's: send it (or forget it, if the server has it all)
    if (kept && this.hasUnsaved()) this.schedule(0);
    else if (kept) dropDeviceDraft(userId, kept.key);
  }

  /** Fills in a default (the campaign chosen for the person) without counting it as an edit. */
  prefill(patch: Partial<DraftValues>): void {
    this.values.value = { ...this.values.value, ...patch };
  }

  /** Takes what the person typed and saves it after a quiet moment. */
  update(patch: Partial<DraftValues>): void {
    this.values.value = { ...this.values.value, ...patch };
    const state = this.save.value;
    if (state.kind === "stopped" && state.locked) return;
    this.keep();
    this.attempt = 0;
    this.schedule(AUTOSAVE_DELAY_MS);
  }

  /**
   * Saves now and waits until everything typed so far is on the server (or a save failed).
   * @returns true when nothing typed is left unsaved
   */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (this.hasUnsaved()) await this.run();
    while (this.inFlight) await this.inFlight;
    return !this.hasUnsaved() && this.id.value !== null;
  }

  /**
   * Leaving the form: whatever is left is still saved once, in the background. What cannot be
   * saved now stays on this device for the next connection or visit.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.stopListening();
    const last = this.hasUnsaved() && this.canSave() && online.peek() ? this.run() : this.inFlight;
    void (last ?? Promise.resolve()).finally(() => releaseDeviceDraft(this.deviceKey));
  }

  /** Fields that differ from what the server has (all, if that is unknown); the title only once it is long enough. */
  private changes(values: DraftValues): Partial<DraftValues> {
    const stored = this.stored;
    const patch: Partial<DraftValues> = {};
    for (const field of TEXT_FIELDS) {
      if (!stored || values[field].trim() !== stored[field].trim()) patch[field] = values[field];
    }
    if (values.campaignId !== null && values.campaignId !== stored?.campaignId) patch.campaignId = values.campaignId;
    if (!stored || values.replicatesId !== stored.replicatesId) patch.replicatesId = values.replicatesId;
    return patch;
  }

  /** Keeps what was typed on this device until the server has it. */
  private keep(): void {
    const values = this.values.value;
    const blank = this.id.value === null && TEXT_FIELDS.every((field) => values[field].trim() === "");
    if (blank || !this.hasUnsaved()) dropDeviceDraft(this.userId, this.deviceKey);
    else keepDeviceDraft(this.userId, { key: this.deviceKey, ideaId: this.id.value, values, keptAt: Date.now() });
  }

  /** The connection is back: send what waited at once instead of at the next retry. */
  private reconnected(): void {
    if (this.disposed || !this.hasUnsaved() || !this.canSave()) return;
    this.attempt = 0;
    clearTimeout(this.timer);
    void this.run();
  }

  /** Whether something typed is not on the server yet (for a warning before leaving). */
  hasUnsaved(): boolean {
    return Object.keys(this.changes(this.values.value)).length > 0;
  }

  private titleUsable(values = this.values.value): boolean {
    return values.title.trim().length >= TITLE_MIN;
  }

  private canSave(): boolean {
    const state = this.save.value;
    return !(state.kind === "stopped" && state.locked) && (this.id.value !== null || this.titleUsable());
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.hasUnsaved()) {
      if (this.save.value.kind === "pending") this.save.value = { kind: "idle" };
      return;
    }
    if (this.id.value === null && !this.titleUsable()) {
      this.save.value = { kind: "needs-title" };
      return;
    }
    if (!online.peek()) {
      this.keptOnDevice = true;
      this.save.value = { kind: "offline" };
      return;
    }
    if (this.save.value.kind !== "failed") this.save.value = { kind: "pending" };
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async send(): Promise<void> {
    const values = this.values.value;
    const id = this.id.value;
    const patch = this.changes(values);
    if (Object.keys(patch).length === 0) return;
    if (id === null && !this.titleUsable(values)) {
      this.save.value = { kind: "needs-title" };
      return;
    }
    // A short title stays unsaved on an existing draft; the rest still saves.
    if (!this.titleUsable(values)) delete patch.title;
    if (Object.keys(patch).length === 0) {
      this.save.value = { kind: "needs-title" };
      return;
    }
    this.save.value = { kind: "saving" };
    try {
      const idea = id === null ? await createIdea(createBodyOf(values)) : await patchIdea(id, patchBodyOf(patch));
      this.stored = valuesOf(idea);
      this.saved.value = idea;
      this.attempt = 0;
      ideaList.invalidate();
      // the server chose the agency's Kotak Ide for a draft that named no campaign
      if (this.values.value.campaignId === null)
        this.values.value = { ...this.values.value, campaignId: idea.campaign.id };
      if (id === null) {
        this.id.value = idea.id;
        this.onCreated(idea.id);
      }
      // the device copy goes once the server has everything; otherwise it now knows the draft's id
      if (this.hasUnsaved()) this.keep();
      else dropDeviceDraft(this.userId, this.deviceKey);
      const fromDevice = this.keptOnDevice && !this.hasUnsaved();
      if (fromDevice) this.keptOnDevice = false;
      this.save.value = !this.titleUsable()
        ? { kind: "needs-title" }
        : fromDevice
          ? { kind: "saved", at: new Date(), fromDevice }
          : { kind: "saved", at: new Date() };
      // typed while this request was under way
      if (this.hasUnsaved() && !this.disposed) this.schedule(AUTOSAVE_DELAY_MS);
    } catch (error) {
      this.fail(toApiProblem(error));
    }
  }

  private fail(problem: ApiProblem): void {
    if (isTransient(problem)) {
      this.keptOnDevice = true;
      this.save.value =
        problem.code === NETWORK_UNREACHABLE && !online.peek() ? { kind: "offline" } : { kind: "failed", problem };
      // offline: the connection's return sends it (see `reconnected`)
      if (this.disposed || !online.peek()) return;
      const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)]!;
      this.attempt++;
      this.timer = setTimeout(() => void this.run(), delay);
      return;
    }
    const locked = problem.code === "idea.not_editable" || problem.status === 403 || problem.status === 404;
    this.save.value = { kind: "stopped", problem, locked };
    // refused, not lost in transit: the form shows why; a new edit keeps it on the device again
    dropDeviceDraft(this.userId, this.deviceKey);
    this.keptOnDevice = false;
  }
}
