import { queryD1 } from "./d1.ts";
import type { Persona } from "./personas.ts";

/**
 * A shortlisted idea by `author` in the competition `chair` chairs: the chair can approve it and
 * then mark it implemented, without touching an idea another journey relies on.
 * @returns the idea's id
 */
export async function insertShortlistedIdea(
  persistTo: string,
  author: Persona,
  chair: Persona,
  title: string,
): Promise<number> {
  const now = Date.now();
  const who = `(SELECT id FROM users WHERE nip = '${author.nip}')`;
  const agency = `(SELECT agency_id FROM users WHERE nip = '${author.nip}')`;
  const campaign = `(SELECT m.campaign_id FROM campaign_members m JOIN users u ON u.id = m.user_id
    WHERE u.nip = '${chair.nip}' AND m.role = 'chair' ORDER BY m.campaign_id LIMIT 1)`;
  const idea = `(SELECT id FROM ideas WHERE title = '${title}')`;
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, target_service, category, status, listed, submitted_at, created_at, updated_at)
       SELECT ${agency}, ${campaign}, u.unit_id, u.id, '${title}',
         'Warga menunggu berhari-hari untuk surat keterangan pindah.', 'Surat pindah diajukan dan ditandatangani secara elektronik.',
         'Surat selesai dalam satu hari.', 'Surat keterangan pindah', 'Pelayanan publik', 'shortlisted', 1, ${now}, ${now}, ${now}
       FROM users u WHERE u.nip = '${author.nip}';
     INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at) VALUES (${idea}, ${who}, 'author', ${now}, ${now});
     SELECT ${idea} AS id;`,
  );
  return row!.id;
}
