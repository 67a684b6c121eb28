import { queryD1 } from "./d1.ts";
import type { Persona } from "./personas.ts";

const KIPP = "Kompetisi Inovasi Pelayanan Publik 2026";
const sql = (text: string) => `'${text.replaceAll("'", "''")}'`;
const userId = (p: Persona) => `(SELECT id FROM users WHERE nip = '${p.nip}')`;

/**
 * An idea of `author` in their agency, with its author on the team: `submitted` in the Kotak Ide
 * (the agency's open campaign) or `in_review` in its KIPP 2026. Its own title, so a journey that
 * changes it leaves every idea another journey relies on alone.
 * @returns the idea's id
 */
export async function insertIdea(
  persistTo: string,
  author: Persona,
  title: string,
  status: "submitted" | "in_review",
): Promise<number> {
  const now = Date.now();
  const agency = `(SELECT agency_id FROM users WHERE nip = '${author.nip}')`;
  const campaign =
    status === "submitted"
      ? `(SELECT id FROM campaigns WHERE agency_id = ${agency} AND kind = 'open')`
      : `(SELECT id FROM campaigns WHERE agency_id = ${agency} AND title = ${sql(KIPP)})`;
  const idea = `(SELECT id FROM ideas WHERE title = ${sql(title)})`;
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, status, listed, submitted_at, created_at, updated_at)
       SELECT ${agency}, ${campaign}, u.unit_id, u.id, ${sql(title)},
         'Berkas permohonan dikirim ulang lewat surel karena formulir daring tidak menyimpan lampiran.',
         'Formulir daring menyimpan lampiran dan mengirim tanda terima otomatis.', 'Pemohon tidak perlu mengirim ulang berkas.',
         '${status}', 1, ${now}, ${now}, ${now}
       FROM users u WHERE u.nip = '${author.nip}';
     INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at) VALUES (${idea}, ${userId(author)}, 'author', ${now}, ${now});
     SELECT ${idea} AS id;`,
  );
  return row!.id;
}

/**
 * `reviewer` reviewed idea `ideaId` and submitted it (assigned by `chair`).
 * @returns the assignment's id
 */
export async function insertSubmittedReview(
  persistTo: string,
  ideaId: number,
  reviewer: Persona,
  chair: Persona,
): Promise<number> {
  const now = Date.now();
  const scores = JSON.stringify({ urgensi: 4, kebaruan: 3, efektivitas: 4, kemanfaatan: 5, replikasi: 3 });
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO review_assignments (agency_id, campaign_id, idea_id, reviewer_id, due_at, assigned_by, created_at)
       SELECT agency_id, campaign_id, id, ${userId(reviewer)}, ${now + 7 * 86_400_000}, ${userId(chair)}, ${now}
       FROM ideas WHERE id = ${ideaId};
     INSERT INTO reviews (assignment_id, agency_id, campaign_id, idea_id, reviewer_id, scores, score, note, recommendation, state, submitted_at, updated_at)
       SELECT ra.id, ra.agency_id, ra.campaign_id, ra.idea_id, ra.reviewer_id, ${sql(scores)}, 76, 'Layak diteruskan.', 'shortlist', 'submitted', ${now}, ${now}
       FROM review_assignments ra WHERE ra.idea_id = ${ideaId} AND ra.reviewer_id = ${userId(reviewer)};
     UPDATE ideas SET review_score = 76 WHERE id = ${ideaId};
     SELECT id FROM review_assignments WHERE idea_id = ${ideaId} AND reviewer_id = ${userId(reviewer)};`,
  );
  return row!.id;
}

/**
 * `chair` assigned idea `ideaId` to `reviewer`, due in a week; nothing scored yet.
 * @returns the assignment's id
 */
export async function insertOpenAssignment(
  persistTo: string,
  ideaId: number,
  reviewer: Persona,
  chair: Persona,
): Promise<number> {
  const now = Date.now();
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO review_assignments (agency_id, campaign_id, idea_id, reviewer_id, due_at, assigned_by, created_at)
       SELECT agency_id, campaign_id, id, ${userId(reviewer)}, ${now + 7 * 86_400_000}, ${userId(chair)}, ${now}
       FROM ideas WHERE id = ${ideaId};
     SELECT id FROM review_assignments WHERE idea_id = ${ideaId} AND reviewer_id = ${userId(reviewer)};`,
  );
  return row!.id;
}

/** The author of idea `ideaId` invited `invitee` to co-author it; they have not answered yet. */
export async function insertInvitation(persistTo: string, ideaId: number, invitee: Persona): Promise<void> {
  await queryD1(
    persistTo,
    `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
     VALUES (${ideaId}, ${userId(invitee)}, 'coauthor', ${Date.now()}, NULL);`,
  );
}
