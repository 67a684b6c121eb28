/**
 * Votes are secret: who supports which idea is the voter's alone. A vote pays the voter under the
 * rule `vote_cast` (and takes it back when the vote is withdrawn); those ledger rows show their
 * idea to the voter only. To anyone else — the agency admin reading a person's ledger, the
 * ledger export — they are folded per person and day ("Dukungan diberikan"), without the idea,
 * the time or the row's id, which would tie them to the idea's own rows.
 */
export const SECRET_RULE = "vote_cast";

/** Whether `viewerId` may see what `ownerId` voted for: only the owner. */
export const seesVotesOf = (viewerId: number, ownerId: number) => viewerId === ownerId;
