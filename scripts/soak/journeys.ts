/**
 * What the people of the soak do, mixed at random: browse and read ideas, search, write and submit
 * an idea, vote and take votes back, comment, read and clear their notifications, look at the
 * leaderboard. Only routes the API has; each journey reads what it acts on from earlier answers.
 */
import type { SoakClient } from "./client.ts";

/** A small seeded generator (mulberry32): the same seed gives the same mix. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Person = {
  client: SoakClient;
  nip: string;
  rand: () => number;
  /** listed ideas of their agency seen so far */
  ideas: number[];
  /** ideas they voted for (as far as they know) */
  voted: Set<number>;
  /** how many ideas they wrote in this soak */
  written: number;
};

type IdeaPage = { items?: { id: number; status: string }[] };
type NotificationPage = { items?: { id: number; readAt: string | null }[] };

const pick = <T>(p: Person, items: readonly T[]): T | undefined => items[Math.floor(p.rand() * items.length)];

const SORTS = ["new", "votes", "trending", "discussed", "score"];
const WORDS = ["antrean", "layanan", "digital", "warga", "sampah", "kesehatan", "izin", "sekolah"];

function remember(p: Person, page: unknown) {
  for (const idea of (page as IdeaPage | null)?.items ?? []) {
    if (!p.ideas.includes(idea.id)) p.ideas.push(idea.id);
  }
}

async function browse(p: Person) {
  const list = await p.client.send("GET", `/api/v1/ideas?sort=${pick(p, SORTS)}&limit=20`);
  remember(p, list.body);
  const id = pick(p, p.ideas);
  if (id === undefined) return;
  await p.client.send("GET", `/api/v1/ideas/${id}`);
  await p.client.send("GET", `/api/v1/ideas/${id}/comments`);
}

async function search(p: Person) {
  const found = await p.client.send("GET", `/api/v1/ideas?q=${encodeURIComponent(pick(p, WORDS)!)}`);
  remember(p, found.body);
}

async function writeAndSubmit(p: Person) {
  p.written++;
  const created = await p.client.send("POST", "/api/v1/ideas", {
    title: `Uji ketahanan: ide ${p.nip.slice(-4)}-${p.written} (${Date.now().toString(36)})`,
    problem: "Warga menunggu terlalu lama di loket pelayanan karena semua berkas masih diperiksa secara manual.",
    solution: "Formulir daring dengan pemeriksaan berkas otomatis dan jadwal kedatangan yang dipilih warga sendiri.",
    benefit: "Waktu tunggu di loket turun dari dua jam menjadi lima belas menit.",
    targetService: "Pelayanan terpadu",
    category: "Pelayanan Publik",
  });
  const id = (created.body as { id?: number } | null)?.id;
  if (created.status !== 201 || id === undefined) return;
  const submitted = await p.client.send("POST", `/api/v1/ideas/${id}/transitions`, { action: "submit" });
  if (submitted.status === 200) p.ideas.push(id);
}

async function voteOrRetract(p: Person) {
  const id = pick(p, p.ideas);
  if (id === undefined) return browse(p);
  const retract = p.voted.has(id) && p.rand() < 0.6;
  const res = await p.client.send(retract ? "DELETE" : "PUT", `/api/v1/ideas/${id}/vote`);
  const voted = (res.body as { voted?: boolean } | null)?.voted;
  if (res.status === 200 && voted) p.voted.add(id);
  if (res.status === 200 && voted === false) p.voted.delete(id);
}

async function comment(p: Person) {
  const id = pick(p, p.ideas);
  if (id === undefined) return browse(p);
  await p.client.send("POST", `/api/v1/ideas/${id}/comments`, {
    body: pick(p, ["Setuju, layak diuji coba.", "Bagaimana dengan biaya perawatannya?", "Mari libatkan kelurahan. 👍"]),
  });
}

async function notifications(p: Person) {
  const page = await p.client.send("GET", "/api/v1/notifications?limit=20");
  const unread = ((page.body as NotificationPage | null)?.items ?? [])
    .filter((n) => n.readAt === null)
    .map((n) => n.id);
  if (unread.length > 0 && p.rand() < 0.5) {
    await p.client.send("POST", "/api/v1/notifications/read", { ids: unread.slice(0, 5) });
  } else if (p.rand() < 0.3) {
    await p.client.send("POST", "/api/v1/notifications/read", { all: true });
  }
  await p.client.send("GET", "/api/v1/notifications/unread-count");
}

async function standings(p: Person) {
  await p.client.send(
    "GET",
    `/api/v1/leaderboards?scope=${pick(p, ["users", "units"])}&period=${pick(p, ["month", "all"])}`,
  );
  await p.client.send("GET", "/api/v1/rewards/me");
}

/** The mix: weights out of 100. */
const JOURNEYS: [weight: number, journey: (p: Person) => Promise<unknown>][] = [
  [26, browse],
  [10, search],
  [8, writeAndSubmit],
  [26, voteOrRetract],
  [14, comment],
  [10, notifications],
  [6, standings],
];

/** One journey, chosen by the mix. */
export function nextJourney(p: Person): Promise<unknown> {
  let roll = p.rand() * 100;
  for (const [weight, journey] of JOURNEYS) {
    if ((roll -= weight) < 0) return journey(p);
  }
  return browse(p);
}
