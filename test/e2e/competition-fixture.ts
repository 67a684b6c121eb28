import { queryD1 } from "./d1.ts";

const DAY = 86_400_000;

/** A competition of the admin's agency in its review phase, an internal reviewer on its committee, two approved ideas. */
export type CompetitionCast = {
  campaignId: number;
  reviewer: { name: string; nip: string };
  /** the ideas' author, on their team (signs in with the demo password) */
  author: { name: string; nip: string };
  ideas: [string, string];
  /** the first idea's id: its profile, evidence and dossier are the journey's */
  firstIdeaId: number;
};

/**
 * Fresh rows for one competition journey (`tag` tells runs apart): the campaign, an internal
 * reviewer seated on its committee (signs in with the demo password), a Setda author and two of
 * their ideas, approved.
 */
export async function insertCompetitionCampaign(
  persistTo: string,
  adminNip: string,
  tag: string,
): Promise<CompetitionCast> {
  const now = Date.now();
  const start = now - 40 * DAY;
  const agency = `(SELECT agency_id FROM users WHERE nip = '${adminNip}')`;
  const unit = (code: string) => `(SELECT id FROM units WHERE agency_id = ${agency} AND code = '${code}')`;
  const hash = `(SELECT password_hash FROM users WHERE nip = '${adminNip}')`;
  const title = `Kompetisi Inovasi Berjenjang ${tag}`;
  const campaign = `(SELECT id FROM campaigns WHERE title = '${title}')`;
  const reviewer = { name: `Penilai Internal ${tag}`, nip: "198702022012011901" };
  const author = { name: `Pengusul Berjenjang ${tag}`, nip: "198702022012011902" };
  const ideas: [string, string] = [`Antrean daring Puskesmas ${tag}`, `KTP keliling kecamatan ${tag}`];
  const person = (p: { name: string; nip: string }, code: string, roles: string) =>
    `INSERT INTO users (agency_id, unit_id, nip, name, email, position, roles, password_hash)
     VALUES (${agency}, ${unit(code)}, '${p.nip}', '${p.name}', '${p.nip}@uji.go.id', 'Analis Kebijakan', '${roles}', ${hash});`;
  const userId = (nip: string) => `(SELECT id FROM users WHERE nip = '${nip}')`;
  await queryD1(
    persistTo,
    [
      person(reviewer, "DISKOMINFO", "asn,reviewer"),
      person(author, "SETDA", "asn"),
      `INSERT INTO campaigns (agency_id, kind, title, categories, vote_budget, reviewers_per_idea,
         submission_start, submission_end, voting_start, voting_end, review_start, review_end, announcement_at)
       VALUES (${agency}, 'competition', '${title}', '["Pelayanan Publik"]', 5, 2,
         ${start}, ${start + 10 * DAY}, ${start + 10 * DAY}, ${start + 30 * DAY}, ${start + 30 * DAY}, ${start + 60 * DAY}, ${start + 60 * DAY});`,
      `INSERT INTO campaign_members (campaign_id, user_id, role) VALUES (${campaign}, ${userId(reviewer.nip)}, 'reviewer');`,
      ...ideas.flatMap((t) => [
        `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, status, listed, submitted_at, decided_at, created_at, updated_at)
         VALUES (${agency}, ${campaign}, ${unit("SETDA")}, ${userId(author.nip)}, '${t}', 'Warga menunggu lama; usulan ${author.name}.',
           'Layanan daring dengan nomor antrean.', 'Waktu tunggu turun separuh.', 'approved', 1, ${start + DAY}, ${start + 35 * DAY}, ${start}, ${now});`,
        `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
         SELECT id, ${userId(author.nip)}, 'author', ${start}, ${start} FROM ideas WHERE title = '${t}';`,
      ]),
    ].join("\n"),
  );
  const [row] = await queryD1<{ id: number; ideaId: number }>(
    persistTo,
    `SELECT ${campaign} AS id, (SELECT id FROM ideas WHERE title = '${ideas[0]}') AS ideaId;`,
  );
  return { campaignId: row!.id, reviewer, author, ideas, firstIdeaId: row!.ideaId };
}
