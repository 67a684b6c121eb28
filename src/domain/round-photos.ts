/**
 * Photos on a checklist round's items (KIPP's field verification: the reviewer stands at the
 * counter and photographs what each item asks to see). They reuse the attachments' size limit and
 * content detection, narrowed to pictures; what may be added when follows the sheet's own rules.
 */
import type { FileType } from "./file-type";
import type { RoundItem, RoundKind } from "./competition";

/** A photo is a picture: the image types the attachments accept (recognised from the bytes). */
export const PHOTO_TYPES = ["png", "jpeg", "webp", "gif"] as const satisfies readonly FileType[];

export const isPhotoType = (type: FileType) => (PHOTO_TYPES as readonly FileType[]).includes(type);

/** Photos per checklist item of one sheet: enough to show a place from a few sides. */
export const MAX_PHOTOS_PER_ITEM = 4;

export type PhotoRefusal =
  | { status: 409; code: "round.not_open" | "round.submitted" | "round.conflict_undeclared" | "round.stepped_aside" }
  | { status: 409; code: "photo.not_checklist" }
  | { status: 422; code: "photo.unknown_item" };

/**
 * Whether a photo may be added to (or removed from) a sheet now: the round open, the sheet not
 * submitted, its reviewer free of conflict, a checklist round, and (when adding) one of its items.
 * @returns null when it may, else the refusal
 * @example photoRefusal({ roundState: "open", state: "draft", conflict: "none", kind: "rubric", items: [] }, "a") // { status: 409, code: "photo.not_checklist" }
 */
export function photoRefusal(
  sheet: {
    roundState: "draft" | "open" | "closed";
    state: "draft" | "submitted";
    conflict: "undeclared" | "none" | "conflict";
    kind: RoundKind;
    items: readonly RoundItem[];
  },
  itemKey: string | null,
): PhotoRefusal | null {
  if (sheet.roundState !== "open") return { status: 409, code: "round.not_open" };
  if (sheet.state === "submitted") return { status: 409, code: "round.submitted" };
  if (sheet.conflict === "undeclared") return { status: 409, code: "round.conflict_undeclared" };
  if (sheet.conflict === "conflict") return { status: 409, code: "round.stepped_aside" };
  if (sheet.kind !== "checklist") return { status: 409, code: "photo.not_checklist" };
  if (itemKey !== null && !sheet.items.some((i) => i.key === itemKey))
    return { status: 422, code: "photo.unknown_item" };
  return null;
}
