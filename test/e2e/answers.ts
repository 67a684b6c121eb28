/**
 * The parts of the answers the browser tests read, as zod schemas: a test parses what it reads
 * instead of casting it. The contract's own schemas (src/routes) belong to the Worker's project and
 * pull in its D1 types, so these restate only the fields the tests use; a renamed or retyped field
 * fails the parse, so the test fails where it reads it.
 */
import { z } from "@hono/zod-openapi";

export const IdRef = z.object({ id: z.number().int() });

/** A refusal (problem+json): its stable code. */
export const ProblemAnswer = z.object({ code: z.string() });

/** `GET /api/v1/auth/me` */
export const SessionAnswer = z.object({ user: z.object({ id: z.number().int(), nip: z.string() }) });

/** `GET /api/v1/ideas` */
export const IdeaListAnswer = z.object({
  items: z.array(IdRef.extend({ title: z.string(), author: IdRef.nullable() })),
  nextCursor: z.string().nullable(),
});

/** `GET /api/v1/ideas/{id}` */
export const IdeaAnswer = IdRef.extend({ title: z.string(), problem: z.string(), status: z.string() });

/** `GET /api/v1/users` */
export const UserPageAnswer = z.object({
  items: z.array(z.object({ nip: z.string().optional(), roles: z.array(z.string()) })),
});

/** `GET /api/v1/stats/dashboard` */
export const DashboardAnswer = z.object({
  participation: z.object({ asnTotal: z.number(), any: z.number() }),
  funnel: z.object({
    submitted: z.number(),
    in_review: z.number(),
    shortlisted: z.number(),
    approved: z.number(),
    implemented: z.number(),
    rejected: z.number(),
  }),
  ideasPerMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  ideasPerCategory: z.array(z.object({ category: z.string(), count: z.number() })),
  ideasPerUnit: z.array(z.object({ unitName: z.string(), count: z.number() })),
});

/** `GET /api/v1/notifications/unread-count` */
export const UnreadCountAnswer = z.object({ count: z.number().int() });

/** `GET /api/v1/notifications/preferences` */
export const PreferencesAnswer = z.object({ kinds: z.array(z.object({ kind: z.string(), enabled: z.boolean() })) });

/** `GET /api/v1/push/subscriptions` */
export const PushSubscriptionsAnswer = z.object({ items: z.array(IdRef.extend({ endpoint: z.string() })) });

/** `GET /api/v1/round-assignments` */
export const MySheetsAnswer = z.object({
  items: z.array(IdRef.extend({ title: z.string(), state: z.string() })),
});

/** `GET /api/v1/round-assignments/{id}` */
export const SheetAnswer = z.object({ round: z.object({ items: z.array(z.object({ key: z.string() })) }) });

/** `GET /api/v1/reviews/mine` */
export const ReviewQueueAnswer = z.object({
  counts: z.object({ assigned: z.number().int(), submitted: z.number().int() }),
});

/** `GET /api/v1/assignments/{id}` */
export const AssignmentAnswer = z.object({ review: z.object({ note: z.string() }).nullable() });

/** `GET /api/v1/campaigns/{id}/ranking` */
export const RankingAnswer = z.object({
  items: z.array(
    z.object({
      idea: z.object({ title: z.string() }),
      score: z.number().nullable(),
      reviews: z.object({ submitted: z.number().int(), assigned: z.number().int() }),
    }),
  ),
});

/** An e-mail as the test mail sink (`/messages`) holds it: the part the tests read. */
export const CaughtMailSchema = z.object({ envelopeTo: z.array(z.string()), subject: z.string(), text: z.string() });
export type CaughtMail = z.infer<typeof CaughtMailSchema>;

/** Every e-mail the test mail sink at `sink` caught so far. */
export async function caughtMails(sink: string): Promise<CaughtMail[]> {
  return z.array(CaughtMailSchema).parse(await (await fetch(`${sink}/messages`)).json());
}

/** A webhook URL at the loopback receiver (`POST /hooks`). */
export const HookUrlSchema = z.object({ id: z.string(), url: z.string() });

/** What reached the loopback receiver (`/hooks/{id}/messages`). */
export const ArrivalSchema = z.object({ ok: z.boolean(), error: z.string().optional() });
