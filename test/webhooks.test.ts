import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { RETRY_BASE_MS } from "../src/domain/deliveries";
import { drainDeliveries } from "../src/jobs/deliveries";
import { auditLog } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { createPersonas, createUser } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertIdea, insertVote, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { giveHookSecret, hookArrivals, newHookUrl } from "./fixtures/loopback";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, byId, client, problemOf } from "./fixtures/client";
import { z } from "@hono/zod-openapi";

type HookInput = NonNullable<Parameters<ReturnType<typeof client>["api"]["v1"]["webhooks"]["$post"]>[0]>["json"];

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

/** A webhook at the loopback receiver, registered by the admin, the receiver given its secret. */
async function register(kinds: HookInput["kinds"], failTimes = 0) {
  const receiver = await newHookUrl(failTimes);
  const res = await client(p.admin.cookie).api.v1.webhooks.$post({
    json: { name: "Gateway WhatsApp", url: receiver.url, kinds },
  });
  const hook = await bodyOf(res, 201);
  await giveHookSecret(receiver.id, hook.secret);
  return { hook, receiver };
}

async function deliveriesOf(hookId: number) {
  const res = await client(p.admin.cookie).api.v1.webhooks[":id"].deliveries.$get({ ...byId(hookId), query: {} });
  return (await bodyOf(res, 200)).items;
}

async function deleteAll() {
  const list = await bodyOf(await client(p.admin.cookie).api.v1.webhooks.$get(), 200);
  for (const h of list.items) await api("DELETE", `/api/v1/webhooks/${h.id}`, { cookie: p.admin.cookie });
}

describe("POST /api/v1/webhooks", () => {
  it("shows the signing secret once: the list never shows it again, and the audit log records it", async () => {
    const { hook } = await register(["award_received"]);
    expect(hook.secret).toMatch(/^whsec_[\w-]{43}$/);
    const list = await (await api("GET", "/api/v1/webhooks", { cookie: p.admin.cookie })).text();
    expect(list).toContain(`"id":${hook.id}`);
    expect(list).not.toContain(hook.secret);
    const audit = await testDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, "webhook.create"), eq(auditLog.subjectId, hook.id)))
      .get();
    expect(audit!.detail).not.toContain(hook.secret);
    await deleteAll();
  });

  it("answers 422 webhook.url_not_https for plain HTTP to another machine", async () => {
    const res = await api("POST", "/api/v1/webhooks", {
      cookie: p.admin.cookie,
      body: { name: "Slack", url: "http://hooks.example.com/x", kinds: ["mention"] },
    });
    expect(res.status).toBe(422);
    expect((await problemOf(res, 422)).errors).toEqual([
      expect.objectContaining({ path: "url", code: "webhook.url_not_https" }),
    ]);
  });

  it("answers 422 for an unknown kind or none", async () => {
    for (const kinds of [[], ["everything"]]) {
      const res = await api("POST", "/api/v1/webhooks", {
        cookie: p.admin.cookie,
        body: { name: "Slack", url: "https://hooks.example.com/x", kinds },
      });
      expect(res.status).toBe(422);
    }
  });
});

describe("webhook delivery", () => {
  it("POSTs the agency's notifications of its kinds, signed, and logs each delivery", async () => {
    const { hook, receiver } = await register(["vote_on_my_idea"]);
    const author = await createUser(p.unit, { name: "Rina Marlina" });
    const idea = await insertIdea(kotak, author);
    await insertVote(idea, kotak, p.reviewer.user);
    await runScheduler();
    const arrivals = await hookArrivals(receiver.id);
    expect(arrivals.map((a) => a.error ?? "ok")).toEqual(["ok"]);
    const event = z.record(z.string(), z.unknown()).parse(JSON.parse(arrivals[0]!.plaintext!));
    expect(event).toMatchObject({
      kind: "vote_on_my_idea",
      agency: { id: p.agency.id, slug: p.agency.slug },
      recipient: { id: author.id, name: "Rina Marlina", email: author.email },
      data: { ideaId: idea.id },
      url: `/ide/${idea.id}`,
    });
    expect(arrivals[0]!.headers["x-gagas-delivery"]).toBe(event.id);
    expect(arrivals[0]!.headers["x-gagas-event"]).toBe("vote_on_my_idea");
    expect(await deliveriesOf(hook.id)).toMatchObject([
      { kind: "vote_on_my_idea", state: "sent", attempts: 1, lastStatus: 200, lastError: null, nextAttemptAt: null },
    ]);
    await deleteAll();
  });

  it("sends no kind it was not registered for, and nothing of another agency", async () => {
    const { hook, receiver } = await register(["award_received"]);
    const author = await createUser(p.unit);
    const idea = await insertIdea(kotak, author);
    await insertVote(idea, kotak, p.reviewer.user);
    await runScheduler();
    expect(await hookArrivals(receiver.id)).toEqual([]);
    expect(await deliveriesOf(hook.id)).toEqual([]);
    await deleteAll();
  });

  it("retries an endpoint that is down with backoff, and the log shows the attempts and the last error", async () => {
    const { hook, receiver } = await register(["vote_on_my_idea"], 1);
    const author = await createUser(p.unit);
    await insertVote(await insertIdea(kotak, author), kotak, p.reviewer.user);
    const now = Date.now();
    await runScheduler(now);
    let [log] = await deliveriesOf(hook.id);
    expect(log).toMatchObject({ state: "pending", attempts: 1, lastStatus: 503 });
    expect(log!.lastError).toContain("down for a moment");
    expect(Date.parse(log!.nextAttemptAt!)).toBeGreaterThanOrEqual(now + RETRY_BASE_MS);
    await drainDeliveries(env, createDb(env.DB), Date.parse(log!.nextAttemptAt!));
    [log] = await deliveriesOf(hook.id);
    expect(log).toMatchObject({ state: "sent", attempts: 2, lastStatus: 200 });
    const arrivals = await hookArrivals(receiver.id);
    expect(arrivals.map((a) => a.ok)).toEqual([false, true]);
    // the same delivery key both times: the receiver can drop a duplicate
    expect(arrivals[0]!.headers["x-gagas-delivery"]).toBe(arrivals[1]!.headers["x-gagas-delivery"]);
    await deleteAll();
  });

  it("stops a deleted webhook: nothing more is sent and its log answers 404", async () => {
    const { hook, receiver } = await register(["vote_on_my_idea"]);
    expect((await api("DELETE", `/api/v1/webhooks/${hook.id}`, { cookie: p.admin.cookie })).status).toBe(204);
    await insertVote(await insertIdea(kotak, await createUser(p.unit)), kotak, p.reviewer.user);
    await runScheduler();
    expect(await hookArrivals(receiver.id)).toEqual([]);
    expect((await api("GET", `/api/v1/webhooks/${hook.id}/deliveries`, { cookie: p.admin.cookie })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/webhooks/${hook.id}`, { cookie: p.admin.cookie })).status).toBe(404);
  });

  it("keeps another agency's admin out of the log (404)", async () => {
    const { hook } = await register(["mention"]);
    const res = await api("GET", `/api/v1/webhooks/${hook.id}/deliveries`, { cookie: p.otherAdmin.cookie });
    expect(res.status).toBe(404);
    await deleteAll();
  });
});
