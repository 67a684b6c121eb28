import { bodyOf, client } from "../fixtures/client";
import { statuses, type MatrixEntry, type MatrixFixtures, type MatrixPersona } from "./matrix-entry";

const signedIn = statuses({ anonymous: 401, guest_reviewer: 403 }, 200);

/** A well-formed subscription of a browser of its own (never sent to: the matrix runs no scheduler). */
const browser = () => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`,
  keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) },
});

/** The persona's own subscription to remove (anonymous and the guest reviewer, who may not subscribe: someone's). */
async function ownSubscription(fx: MatrixFixtures, persona: MatrixPersona): Promise<number> {
  const cookie = fx[persona === "anonymous" || persona === "guest_reviewer" ? "asn" : persona].cookie;
  const res = await client(cookie).api.v1.push.subscriptions.$put({ json: browser() });
  return (await bodyOf(res, 200)).id;
}

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/push/config", request: () => ({ path: "/api/v1/push/config" }), expect: signedIn },
  {
    route: "GET /api/v1/push/subscriptions",
    request: () => ({ path: "/api/v1/push/subscriptions" }),
    expect: signedIn,
  },
  {
    route: "PUT /api/v1/push/subscriptions",
    request: () => ({ path: "/api/v1/push/subscriptions", body: browser() }),
    expect: signedIn,
  },
  {
    route: "DELETE /api/v1/push/subscriptions/{id}",
    request: async (fx, persona) => ({ path: `/api/v1/push/subscriptions/${await ownSubscription(fx, persona)}` }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 204),
  },
];
