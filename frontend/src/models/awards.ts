import { signal } from "@preact/signals";
import { certificateUrl, getHallOfFame, listAwards, type Award, type HallOfFame } from "../api/awards";
import { ideaPath } from "../lib/idea-paths";
import type { TimeZone } from "./agency-clock";
import { createPagedList, type Page } from "./paged-list";

/** A recipient as the pages show it; `certificate` only for whoever may download it. */
export type ShownRecipient = {
  key: string;
  kind: "person" | "unit";
  name: string;
  /** a person's position (jabatan); null for a unit */
  position: string | null;
  unitName: string;
  certificate: { href: string; code: string | null } | null;
};

/**
 * An award as the Hall of Fame and the award page show it, whether it came from the agency's own
 * list (signed in: ids, idea links, certificates) or from the public Hall of Fame (names only).
 */
export type ShownAward = {
  id: number;
  title: string;
  citation: string;
  periodLabel: string;
  announcedAt: string;
  announcedBy: { name: string; position: string };
  /** null in the public view, which does not say it */
  bonusPoints: number | null;
  /** the awarding agency's clock, for a public view of another agency (mine: my agency's) */
  timeZone?: TimeZone;
  recipients: ShownRecipient[];
  ideas: { key: string; title: string; href: string | null }[];
  /** when, by whom and why it was revoked (my agency's view only); null while in force */
  revoked: { at: string; byName: string; reason: string } | null;
};

/** An award of my agency, with the certificates I may download and links to its ideas. */
export function fromAward(award: Award): ShownAward {
  return {
    id: award.id,
    title: award.title,
    citation: award.citation,
    periodLabel: award.periodLabel,
    announcedAt: award.announcedAt,
    announcedBy: { name: award.announcedBy.name, position: award.announcedBy.position },
    bonusPoints: award.bonusPoints,
    recipients: award.recipients.map((r) => ({
      key: String(r.id),
      kind: r.kind,
      name: r.user ? r.user.name : r.unit.name,
      position: r.user ? r.user.position : null,
      unitName: r.unit.name,
      certificate:
        r.canDownloadCertificate && !award.revoked
          ? { href: certificateUrl(award.id, r.id), code: r.certificateCode }
          : null,
    })),
    ideas: award.ideas.map((idea) => ({ key: String(idea.id), title: idea.title, href: ideaPath(idea.id) })),
    revoked: award.revoked
      ? { at: award.revoked.at, byName: award.revoked.by.name, reason: award.revoked.reason }
      : null,
  };
}

type PublicItem = HallOfFame["items"][number];

/** An entry of a public Hall of Fame: names and titles, nothing to download or open. */
export function fromHallOfFame(item: PublicItem): ShownAward {
  return {
    ...item,
    bonusPoints: null,
    recipients: item.recipients.map((r, i) => ({ ...r, key: String(i), certificate: null })),
    ideas: item.ideas.map((idea, i) => ({ key: String(i), title: idea.title, href: null })),
    revoked: null,
  };
}

/** Whose Hall of Fame: my agency's (signed in) or an agency's public one, by its slug. */
export type HallSource = { kind: "mine" } | { kind: "public"; slug: string };

/** The name and region of the agencies whose public Hall of Fame was shown, by slug. */
export const publicAgencies = signal<ReadonlyMap<string, { name: string; region: string; timeZone: TimeZone }>>(
  new Map(),
);

async function hallPage(source: HallSource, cursor?: string): Promise<Page<ShownAward>> {
  if (source.kind === "mine") {
    const page = await listAwards(cursor);
    // a revoked award leaves the Hall of Fame (its own page still says what happened)
    return { items: page.items.filter((a) => !a.revoked).map(fromAward), nextCursor: page.nextCursor };
  }
  const page = await getHallOfFame(source.slug, cursor);
  if (!publicAgencies.value.has(source.slug))
    publicAgencies.value = new Map(publicAgencies.value).set(source.slug, page.agency);
  return {
    items: page.items.map((award) => ({ ...fromHallOfFame(award), timeZone: page.agency.timeZone })),
    nextCursor: page.nextCursor,
  };
}

/** The Hall of Fame shown at `/galeri-penghargaan`, kept while the person opens an award and comes back. */
export const hallOfFame = createPagedList<ShownAward, HallSource>(hallPage, (source) => JSON.stringify(source));

/** The award just announced on this device, for its page to confirm it once. */
export const justAnnounced = signal<number | null>(null);
