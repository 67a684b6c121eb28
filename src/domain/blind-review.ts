/**
 * Blind review. While an idea is under review, a committee reviewer of a blind campaign (and
 * anyone scoring it, the chair included) reads it without learning who proposed it: not from the
 * idea, nor from its discussion, history, notifications or exports. Whatever shows people or free
 * text with such an idea passes through the reader's {@link Blindfold} for that idea.
 */
import type { IdeaStatus } from "./idea-status";
import { isUnderReview } from "./review";

/** What a blind reader sees in place of a member of the proposing team (and of their unit). */
export const PROPOSING_TEAM = "Tim pengusul";
export const PROPOSING_UNIT = "unit pengusul";

/**
 * In a blind campaign a committee reviewer (not a chair) sees an idea under review without its
 * authors, their unit or its vote count; so does a chair who scores it (`scoring`). The team
 * itself is never blind to its own idea.
 */
export function isBlindFor(input: {
  blindReview: boolean;
  status: IdeaStatus;
  seat: "reviewer" | "chair" | null;
  isAuthor: boolean;
  /** the reader is scoring the idea: their own assignment's form */
  scoring?: boolean;
}): boolean {
  const reads = input.seat === "reviewer" || input.scoring === true;
  return input.blindReview && reads && !input.isAuthor && isUnderReview(input.status);
}

/** Who proposed an idea: what a blind reader must not learn. */
export type Proposers = {
  people: readonly { id: number; name: string; nip?: string; email?: string }[];
  unitNames: readonly string[];
};

/**
 * The proposers of an idea from its accepted team members and the idea's unit.
 * @example proposersOf([{ id: 7, name: "Dewi", unitName: "Disdukcapil" }], "Disdukcapil")
 */
export function proposersOf(
  members: readonly { id: number; name: string; nip?: string; email?: string; unitName: string }[],
  ideaUnitName: string,
): Proposers {
  return {
    people: members.map(({ id, name, nip, email }) => ({ id, name, nip, email })),
    unitNames: [...new Set([ideaUnitName, ...members.map((m) => m.unitName)])],
  };
}

/** How one reader sees the people and the words around one idea. */
export type Blindfold = {
  readonly blind: boolean;
  /** whether this person is one the reader may not learn of (by id, or by name where no id is known) */
  hides(person: { id?: number | null; name?: string | null }): boolean;
  /** the text with the team's handles, names, NIPs and e-mails, and their units' names, replaced */
  text(text: string): string;
};

/** The reader sees everything: the idea is not blind to them. */
export const OPEN_EYES: Blindfold = { blind: false, hides: () => false, text: (text) => text };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `s` as a whole word (not inside a longer name or number), any case. */
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, "giu");

/**
 * @example blindfold({ people: [{ id: 7, name: "Dewi Anggraini" }], unitNames: ["Disdukcapil"] }).text("Setuju @[Dewi Anggraini]")
 * // "Setuju @[Tim pengusul]"
 */
export function blindfold(proposers: Proposers): Blindfold {
  const ids = new Set(proposers.people.map((p) => p.id));
  const names = new Set(proposers.people.map((p) => p.name.toLocaleLowerCase("id")));
  const known = (s: string | undefined) => (s && s.trim().length >= 2 ? [s.trim()] : []);
  const replacements: [RegExp, string][] = [
    // a handle, bare or qualified by the unit: @[Name] or @[Name (Unit)]
    ...proposers.people.flatMap((p) =>
      known(p.name).map((n): [RegExp, string] => [
        new RegExp(`@\\[${escape(n)}(?: \\([^()\\]]*\\))?\\]`, "giu"),
        `@[${PROPOSING_TEAM}]`,
      ]),
    ),
    ...proposers.people.flatMap((p) =>
      [...known(p.name), ...known(p.nip), ...known(p.email)].map((s): [RegExp, string] => [word(s), PROPOSING_TEAM]),
    ),
    ...proposers.unitNames.flatMap(known).map((u): [RegExp, string] => [word(u), PROPOSING_UNIT]),
  ];
  return {
    blind: true,
    hides: (person) =>
      person.id != null ? ids.has(person.id) : names.has((person.name ?? "").toLocaleLowerCase("id")),
    text: (text) => replacements.reduce((out, [pattern, by]) => out.replace(pattern, by), text),
  };
}
