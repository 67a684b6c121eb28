import { queryD1 } from "./d1.ts";
import type { Persona } from "./personas.ts";

/**
 * A submitted idea with one comment, both by `author`, in their agency's Kotak Ide: something a
 * colleague can report and an admin can hide, without touching an idea another journey relies on.
 * @returns the idea's id
 */
export async function insertReportableIdea(persistTo: string, author: Persona, title: string): Promise<number> {
  const now = Date.now();
  const who = `(SELECT id FROM users WHERE nip = '${author.nip}')`;
  const agency = `(SELECT agency_id FROM users WHERE nip = '${author.nip}')`;
  const idea = `(SELECT id FROM ideas WHERE title = '${title}')`;
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, status, listed, submitted_at, created_at, updated_at)
       SELECT ${agency}, (SELECT id FROM campaigns WHERE agency_id = ${agency} AND kind = 'open'), u.unit_id, u.id, '${title}',
         'Jual beli pulsa dan paket data di grup kantor, hubungi nomor pribadi.', 'Promosi usaha pribadi.', '-', 'submitted', 1, ${now}, ${now}, ${now}
       FROM users u WHERE u.nip = '${author.nip}';
     INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at) VALUES (${idea}, ${who}, 'author', ${now}, ${now});
     INSERT INTO comments (agency_id, idea_id, author_id, body, created_at) VALUES (${agency}, ${idea}, ${who}, 'Yang tidak setuju silakan keluar dari grup!', ${now});
     UPDATE ideas SET comment_count = 1 WHERE id = ${idea};
     SELECT ${idea} AS id;`,
  );
  return row!.id;
}
