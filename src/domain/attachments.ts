/**
 * Files on an idea: who may add and remove them, when, and how many. The team shapes its proposal
 * while it is a draft or submitted; once a committee approves it, chairs and admins file the
 * evidence of its implementation.
 */
import type { Capacity, IdeaStatus } from "./idea-status";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_IDEA = 10;

export const ATTACHMENT_KINDS = ["attachment", "evidence"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

type Rule = { kinds: readonly AttachmentKind[]; by: readonly Capacity[]; statuses: readonly IdeaStatus[] };

const UPLOAD_RULES: readonly Rule[] = [
  { kinds: ["attachment", "evidence"], by: ["author"], statuses: ["draft", "submitted"] },
  { kinds: ["evidence"], by: ["chair", "admin"], statuses: ["approved"] },
];

/** Statuses in which the team may remove files. */
export const REMOVABLE_STATUSES = ["draft", "submitted"] as const satisfies readonly IdeaStatus[];

export type AttachmentRefusal = "attachment.not_permitted" | "attachment.closed";

/**
 * @param input `capacities`: how the person relates to the idea (author = accepted team member)
 * @returns on success, the statuses the idea must still be in when the row is written (the guard
 *   of the insert), so a status change in between refuses the upload instead of slipping past
 * @example planUpload({ status: "approved", capacities: ["chair"], kind: "evidence" }) // { ok: true, statuses: ["approved"] }
 */
export function planUpload(input: {
  status: IdeaStatus;
  capacities: readonly Capacity[];
  kind: AttachmentKind;
}): { ok: true; statuses: IdeaStatus[] } | { ok: false; code: AttachmentRefusal } {
  const { status, capacities, kind } = input;
  const rules = UPLOAD_RULES.filter((r) => r.kinds.includes(kind) && r.by.some((c) => capacities.includes(c)));
  if (rules.length === 0) return { ok: false, code: "attachment.not_permitted" };
  const statuses = [...new Set(rules.flatMap((r) => r.statuses))];
  if (!statuses.includes(status)) return { ok: false, code: "attachment.closed" };
  return { ok: true, statuses };
}

/** The uploader or an author removes a file while the team may still change the proposal. */
export function planRemoval(input: {
  status: IdeaStatus;
  capacities: readonly Capacity[];
  actorId: number;
  uploadedBy: number;
}): { ok: true } | { ok: false; code: AttachmentRefusal } {
  const { status, capacities, actorId, uploadedBy } = input;
  if (actorId !== uploadedBy && !capacities.includes("author")) return { ok: false, code: "attachment.not_permitted" };
  if (!(REMOVABLE_STATUSES as readonly IdeaStatus[]).includes(status)) return { ok: false, code: "attachment.closed" };
  return { ok: true };
}
