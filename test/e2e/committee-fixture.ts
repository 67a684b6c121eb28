import { queryD1 } from "./d1.ts";

const DAY = 86_400_000;

/** People of one committee journey: fresh accounts, so no other journey sees them change. */
export type CommitteeCast = {
  campaignId: number;
  campaignTitle: string;
  chair: { name: string; nip: string };
  reviewers: { name: string; nip: string }[];
  candidate: { name: string; nip: string };
  rallied: { id: number; title: string };
  other: { id: number; title: string };
};

/** An 18-digit NIP whose parts are valid (birth 1985-01-01, appointed 2010-01), sequence from `n`. */
const nipOf = (gender: 1 | 2, n: number) => `19850101201001${gender}${String(n).padStart(3, "0")}`;

/**
 * A competition of the agency of admin `adminNip` in its review phase without a committee, with
 * fresh people to appoint (a chair and three reviewers who can sign in with the demo password,
 * someone without the reviewer role), two ideas under review by a Setda author, and six Setda
 * colleagues' votes on the first one within minutes: a vote burst.
 * @param tag tells this run's people and campaign apart ("Ponsel", "Layar")
 */
export async function insertCommitteeCampaign(
  persistTo: string,
  adminNip: string,
  tag: string,
  seq: number,
): Promise<CommitteeCast> {
  const now = Date.now();
  const start = now - 31 * DAY;
  const agency = `(SELECT agency_id FROM users WHERE nip = '${adminNip}')`;
  const unit = (code: string) => `(SELECT id FROM units WHERE agency_id = ${agency} AND code = '${code}')`;
  const title = `Lomba Inovasi Komite ${tag}`;
  const campaign = `(SELECT id FROM campaigns WHERE title = '${title}')`;
  const hash = `(SELECT password_hash FROM users WHERE nip = '${adminNip}')`;
  const base = seq * 100;
  const person = (name: string, code: string, roles: string, n: number, gender: 1 | 2 = 1) => ({
    name,
    nip: nipOf(gender, base + n),
    sql: `INSERT INTO users (agency_id, unit_id, nip, name, email, position, roles, password_hash)
      VALUES (${agency}, ${unit(code)}, '${nipOf(gender, base + n)}', '${name}', 'komite${base + n}@uji.go.id', 'Analis Kebijakan', '${roles}', ${hash});`,
  });
  const chair = person(`Ketua Komite ${tag}`, "DISKOMINFO", "asn,reviewer", 1, 2);
  const reviewers = [
    person(`Penilai Satu ${tag}`, "DINKES", "asn,reviewer", 2),
    person(`Penilai Dua ${tag}`, "DISDUKCAPIL", "asn,reviewer", 3, 2),
    person(`Penilai Tiga ${tag}`, "DPMPTSP", "asn,reviewer", 4),
  ];
  const candidate = person(`Calon Penilai ${tag}`, "BKPSDM", "asn", 5, 2);
  const author = person(`Pengusul Komite ${tag}`, "SETDA", "asn", 6);
  const healthAuthor = person(`Pengusul Dinkes ${tag}`, "DINKES", "asn", 7);
  const voters = Array.from({ length: 6 }, (_, i) => person(`Pendukung ${i + 1} ${tag}`, "SETDA", "asn", 10 + i));
  const ideaTitles = [`Antrean daring puskesmas ${tag}`, `Arsip surat digital ${tag}`];
  const idea = (t: string) => `(SELECT id FROM ideas WHERE title = '${t}')`;
  const authorId = `(SELECT id FROM users WHERE nip = '${author.nip}')`;

  await queryD1(
    persistTo,
    [
      ...[chair, ...reviewers, candidate, author, healthAuthor, ...voters].map((p) => p.sql),
      `INSERT INTO campaigns (agency_id, kind, title, categories, vote_budget, reviewers_per_idea,
         submission_start, submission_end, voting_start, voting_end, review_start, review_end, announcement_at)
       VALUES (${agency}, 'competition', '${title}', '["Pelayanan Publik"]', 5, 2,
         ${start}, ${start + 10 * DAY}, ${start + 10 * DAY}, ${start + 30 * DAY}, ${start + 30 * DAY}, ${start + 60 * DAY}, ${start + 60 * DAY});`,
      ...ideaTitles.flatMap((t) => [
        `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, status, listed, submitted_at, created_at, updated_at)
         VALUES (${agency}, ${campaign}, ${unit("SETDA")}, ${authorId}, '${t}', 'Warga menunggu lama tanpa kepastian.',
           'Layanan daring dengan nomor antrean.', 'Waktu tunggu turun.', 'in_review', 1, ${start + 2 * DAY}, ${start + 2 * DAY}, ${now});`,
        `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at) VALUES (${idea(t)}, ${authorId}, 'author', ${start}, ${start});`,
      ]),
      ...voters.map(
        (v, i) =>
          `INSERT INTO votes (agency_id, campaign_id, idea_id, user_id, unit_id, created_at)
           SELECT ${agency}, ${campaign}, ${idea(ideaTitles[0]!)}, id, unit_id, ${start + 15 * DAY + i * 120_000} FROM users WHERE nip = '${v.nip}';`,
      ),
      `UPDATE ideas SET vote_count = 6 WHERE id = ${idea(ideaTitles[0]!)};`,
      // a submitted idea of Dinkes with the third reviewer on its team: two conflicts to show
      `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, status, listed, submitted_at, created_at, updated_at)
       SELECT ${agency}, ${campaign}, unit_id, id, 'Jadwal imunisasi lewat pesan singkat ${tag}', 'Orang tua lupa jadwal.', 'Pengingat otomatis.', 'Cakupan naik.',
         'submitted', 1, ${start + 3 * DAY}, ${start + 3 * DAY}, ${now} FROM users WHERE nip = '${healthAuthor.nip}';`,
      `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
       SELECT i.id, u.id, CASE WHEN u.nip = '${healthAuthor.nip}' THEN 'author' ELSE 'coauthor' END, ${start}, ${start}
       FROM ideas i, users u WHERE i.title = 'Jadwal imunisasi lewat pesan singkat ${tag}' AND u.nip IN ('${healthAuthor.nip}', '${reviewers[2]!.nip}');`,
    ].join("\n"),
  );
  const [ids] = await queryD1<{ campaign: number; rallied: number; other: number }>(
    persistTo,
    `SELECT ${campaign} AS campaign, ${idea(ideaTitles[0]!)} AS rallied, ${idea(ideaTitles[1]!)} AS other;`,
  );
  const strip = ({ name, nip }: { name: string; nip: string }) => ({ name, nip });
  return {
    campaignId: ids!.campaign,
    campaignTitle: title,
    chair: strip(chair),
    reviewers: reviewers.map(strip),
    candidate: strip(candidate),
    rallied: { id: ids!.rallied, title: ideaTitles[0]! },
    other: { id: ids!.other, title: ideaTitles[1]! },
  };
}

/** Review has started: the first reviewer carries both ideas, the second the first one. */
export async function insertOpenAssignments(persistTo: string, cast: CommitteeCast): Promise<void> {
  const now = Date.now();
  const user = (nip: string) => `(SELECT id FROM users WHERE nip = '${nip}')`;
  const assign = (ideaId: number, nip: string) =>
    `INSERT INTO review_assignments (agency_id, campaign_id, idea_id, reviewer_id, due_at, created_at)
     SELECT agency_id, id, ${ideaId}, ${user(nip)}, ${now + 7 * DAY}, ${now} FROM campaigns WHERE id = ${cast.campaignId};`;
  const [one, two] = cast.reviewers;
  await queryD1(
    persistTo,
    [assign(cast.rallied.id, one!.nip), assign(cast.other.id, one!.nip), assign(cast.rallied.id, two!.nip)].join("\n"),
  );
}

/** Who reviews what now, and what the people concerned were told. */
export async function committeeOutcome(persistTo: string, cast: CommitteeCast) {
  const assignments = await queryD1<{ idea_id: number; name: string }>(
    persistTo,
    `SELECT a.idea_id, u.name FROM review_assignments a JOIN users u ON u.id = a.reviewer_id
     WHERE a.campaign_id = ${cast.campaignId} ORDER BY a.idea_id, u.name`,
  );
  const notices = await queryD1<{ name: string; kind: string }>(
    persistTo,
    `SELECT u.name, n.kind FROM notifications n JOIN users u ON u.id = n.user_id
     WHERE n.kind IN ('committee_removed', 'review_assigned') AND json_extract(n.payload, '$.campaignId') = ${cast.campaignId}
     ORDER BY u.name, n.kind`,
  );
  return { assignments, notices };
}
