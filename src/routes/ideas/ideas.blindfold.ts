/**
 * The blindfolds a reader wears for the ideas of one answer (see `domain/blind-review.ts`): read
 * once, then applied wherever the answer shows people or free text with an idea.
 */
import type { Database } from "../../db/client";
import { listBlindFacts, listProposers } from "../../db/queries/blind-review.queries";
import { blindfold, isBlindFor, OPEN_EYES, proposersOf, type Blindfold } from "../../domain/blind-review";
import type { Actor } from "../../env";

/** The reader's blindfold for an idea (open eyes for ideas they do not review blind). */
export type Blindfolds = (ideaId: number) => Blindfold;

const openEyes: Blindfolds = () => OPEN_EYES;

/**
 * Only someone with the reviewer role can sit on a committee, so nobody else pays a query; a
 * reviewer pays one, and one more when some of the ideas are blind to them.
 */
export async function blindfoldsFor(db: Database, actor: Actor, ideaIds: readonly number[]): Promise<Blindfolds> {
  const ids = [...new Set(ideaIds)];
  if (ids.length === 0 || !actor.roles.includes("reviewer")) return openEyes;
  const facts = await listBlindFacts(db, actor.agencyId, actor.userId, ids);
  const blind = facts
    .filter((f) =>
      isBlindFor({ blindReview: f.blindReview, status: f.status, seat: f.seat, isAuthor: Boolean(f.onTeam) }),
    )
    .map((f) => f.ideaId);
  if (blind.length === 0) return openEyes;
  const [members, ideaUnits] = await listProposers(db, blind);
  const folds = new Map(
    ideaUnits.map((idea) => [
      idea.ideaId,
      blindfold(
        proposersOf(
          members.filter((m) => m.ideaId === idea.ideaId),
          idea.unitName,
        ),
      ),
    ]),
  );
  return (ideaId) => folds.get(ideaId) ?? OPEN_EYES;
}

export async function blindfoldFor(db: Database, actor: Actor, ideaId: number): Promise<Blindfold> {
  return (await blindfoldsFor(db, actor, [ideaId]))(ideaId);
}
