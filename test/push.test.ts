import { env } from "cloudflare:test";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client";
import { enqueueDeliveryStatements } from "../src/db/queries/deliveries.queries";
import { deliveries, notifications, pushSubscriptions } from "../src/db/schema";
import { MAX_ATTEMPTS, RETRY_BASE_MS } from "../src/domain/deliveries";
import { drainDeliveries } from "../src/jobs/deliveries";
import { createPersonas, createUser, signIn, type TestUser } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertIdea, insertVote, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { newBrowserSubscription, pushArrivals, type BrowserSubscription } from "./fixtures/loopback";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, client, fieldErrors } from "./fixtures/client";
import { z } from "@hono/zod-openapi";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

const db = () => createDb(env.DB);

async function subscribe(cookie: string, browser: BrowserSubscription) {
  return client(cookie).api.v1.push.subscriptions.$put({
    json: { endpoint: browser.endpoint, keys: browser.keys, expirationTime: null },
  });
}

/** A notification for `user`, written with its deliveries as every notifying batch writes them. */
async function notify(
  user: TestUser,
  kind = "badge_earned",
  payload: Record<string, unknown> = { badgeKey: "pelopor" },
) {
  const key = `test:${crypto.randomUUID()}`;
  await runBatch(db(), [
    db()
      .insert(notifications)
      .values({
        agencyId: user.agencyId,
        userId: user.id,
        kind,
        payload: JSON.stringify(payload),
        dedupeKey: key,
        createdAt: Date.now(),
      }),
    ...enqueueDeliveryStatements(db()),
  ]);
  const row = await db()
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.dedupeKey, key))
    .get();
  return row!.id;
}

async function deliveriesOf(notificationId: number) {
  return db()
    .select({
      id: deliveries.id,
      channel: deliveries.channel,
      state: deliveries.state,
      attempts: deliveries.attempts,
      nextAttemptAt: deliveries.nextAttemptAt,
      lastStatus: deliveries.lastStatus,
      lastError: deliveries.lastError,
    })
    .from(deliveries)
    .where(eq(deliveries.notificationId, notificationId));
}

describe("GET /api/v1/push/config", () => {
  it("gives a signed-in person the VAPID public key to subscribe with", async () => {
    const res = await api("GET", "/api/v1/push/config", { cookie: p.asn.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ publicKey: env.VAPID_PUBLIC_KEY });
  });
});

describe("PUT /api/v1/push/subscriptions", () => {
  it("saves this browser once, however often it subscribes, and lists it as mine", async () => {
    const user = await createUser(p.unit);
    const cookie = await signIn(user);
    const browser = await newBrowserSubscription();
    expect((await subscribe(cookie, browser)).status).toBe(200);
    expect((await subscribe(cookie, browser)).status).toBe(200);
    const list = await bodyOf(await client(cookie).api.v1.push.subscriptions.$get(), 200);
    expect(list.items.map((s) => s.endpoint)).toEqual([browser.endpoint]);
  });

  it("answers 422 push.endpoint_invalid for plain HTTP to another machine and 422 for a malformed key", async () => {
    const browser = await newBrowserSubscription();
    const res = await api("PUT", "/api/v1/push/subscriptions", {
      cookie: p.asn.cookie,
      body: { endpoint: "http://push.example.com/x", keys: browser.keys },
    });
    expect(res.status).toBe(422);
    expect((await fieldErrors(res))[0]!.code).toBe("push.endpoint_invalid");
    // HTTPS, but not a push service: the Worker would POST wherever a person pointed it
    const elsewhere = await api("PUT", "/api/v1/push/subscriptions", {
      cookie: p.asn.cookie,
      body: { endpoint: "https://attacker.example.com/collect", keys: browser.keys },
    });
    expect(elsewhere.status).toBe(422);
    const bad = await api("PUT", "/api/v1/push/subscriptions", {
      cookie: p.asn.cookie,
      body: { endpoint: browser.endpoint, keys: { p256dh: "abc", auth: browser.keys.auth } },
    });
    expect(bad.status).toBe(422);
  });

  it("moves a browser to the person who subscribes it next, dropping what was queued for the one before", async () => {
    const [first, second] = [await createUser(p.unit), await createUser(p.unit)];
    const browser = await newBrowserSubscription();
    await subscribe(await signIn(first), browser);
    const queued = await notify(first);
    expect(await deliveriesOf(queued)).toHaveLength(1);
    await subscribe(await signIn(second), browser);
    expect(await deliveriesOf(queued)).toEqual([]);
    const mine = await db()
      .select({ userId: pushSubscriptions.userId })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, browser.endpoint))
      .get();
    expect(mine!.userId).toBe(second.id);
  });

  it("keeps a person's ten newest browsers: an eleventh drops the oldest", async () => {
    const cookie = await signIn(await createUser(p.unit));
    const browsers: BrowserSubscription[] = [];
    for (let i = 0; i < 11; i++) {
      browsers.push(await newBrowserSubscription());
      expect((await subscribe(cookie, browsers[i]!)).status).toBe(200);
    }
    const list = await bodyOf(await client(cookie).api.v1.push.subscriptions.$get(), 200);
    expect(list.items.map((s) => s.endpoint)).toEqual(browsers.slice(1).map((b) => b.endpoint));
  });
});

describe("DELETE /api/v1/push/subscriptions/{id}", () => {
  it("removes my browser, and answers 404 for another person's", async () => {
    const user = await createUser(p.unit);
    const cookie = await signIn(user);
    const saved = await bodyOf(await subscribe(cookie, await newBrowserSubscription()), 200);
    expect((await api("DELETE", `/api/v1/push/subscriptions/${saved.id}`, { cookie: p.asn.cookie })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/push/subscriptions/${saved.id}`, { cookie })).status).toBe(204);
    expect((await api("DELETE", `/api/v1/push/subscriptions/${saved.id}`, { cookie })).status).toBe(404);
  });
});

describe("Web Push delivery", () => {
  it("queues a notification in its own batch and sends it encrypted and VAPID-signed to the push service", async () => {
    const user = await createUser(p.unit);
    const browser = await newBrowserSubscription();
    await subscribe(await signIn(user), browser);
    const idea = await insertIdea(kotak, user);
    await insertVote(idea, kotak, p.reviewer.user);
    // the scheduler derives the vote's notification, queues its push in the same batch, then sends it
    await runScheduler();
    const arrivals = await pushArrivals(browser.id);
    expect(arrivals.map((a) => a.error ?? "ok")).toEqual(["ok"]);
    const message = z.record(z.string(), z.unknown()).parse(JSON.parse(arrivals[0]!.plaintext!));
    expect(message).toMatchObject({
      title: "Ide Anda mendapat dukungan",
      body: "Antrean daring layanan KTP elektronik",
      url: `/ide/${idea.id}`,
    });
    expect(arrivals[0]!.claims).toMatchObject({
      aud: new URL(browser.endpoint).origin,
      sub: "mailto:admin@gagas.test",
    });
    const [notification] = await db()
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "vote_on_my_idea")));
    expect(await deliveriesOf(notification!.id)).toMatchObject([
      { channel: "push", state: "sent", attempts: 1, lastStatus: 201 },
    ]);
    // another run sends nothing twice
    await runScheduler();
    expect(await pushArrivals(browser.id)).toHaveLength(1);
  });

  it("sends to every browser of the person and to no one else", async () => {
    const [user, colleague] = [await createUser(p.unit), await createUser(p.unit)];
    const [phone, laptop, theirs] = [
      await newBrowserSubscription(),
      await newBrowserSubscription(),
      await newBrowserSubscription(),
    ];
    const cookie = await signIn(user);
    await subscribe(cookie, phone);
    await subscribe(cookie, laptop);
    await subscribe(await signIn(colleague), theirs);
    await notify(user);
    await drainDeliveries(env, db(), Date.now());
    expect((await pushArrivals(phone.id)).filter((a) => a.ok)).toHaveLength(1);
    expect((await pushArrivals(laptop.id)).filter((a) => a.ok)).toHaveLength(1);
    expect(await pushArrivals(theirs.id)).toEqual([]);
  });

  it("forgets a subscription the push service answers 410 for", async () => {
    const user = await createUser(p.unit);
    const expired = await newBrowserSubscription(410);
    await subscribe(await signIn(user), expired);
    const id = await notify(user);
    const report = await drainDeliveries(env, db(), Date.now());
    expect(report.gone).toBeGreaterThanOrEqual(1);
    expect(await deliveriesOf(id)).toEqual([]);
    const left = await db()
      .select({ n: count() })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, expired.endpoint))
      .get();
    expect(left!.n).toBe(0);
  });

  it("retries a push service that is down with exponential backoff, and gives up after the last try", async () => {
    const user = await createUser(p.unit);
    await subscribe(await signIn(user), await newBrowserSubscription(503));
    const id = await notify(user);
    let now = Date.now();
    await drainDeliveries(env, db(), now, () => 0);
    let [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastStatus: 503, nextAttemptAt: now + RETRY_BASE_MS });
    // not due yet: nothing is tried
    await drainDeliveries(env, db(), now + RETRY_BASE_MS - 1, () => 0);
    expect((await deliveriesOf(id))[0]!.attempts).toBe(1);
    now += RETRY_BASE_MS;
    await drainDeliveries(env, db(), now, () => 0);
    [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "pending", attempts: 2, nextAttemptAt: now + 2 * RETRY_BASE_MS });
    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await deliveriesOf(id))[0]!.nextAttemptAt;
      await drainDeliveries(env, db(), now, () => 0);
    }
    [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS, lastStatus: 503 });
  });
});
