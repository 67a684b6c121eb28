import { webhooks } from "../../src/db/schema";
import { testDb } from "../fixtures/db";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** The agency's admin manages its webhooks; another agency's admin finds none of them (404). */
const admins = statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403);
const ownAdmin = (ok: number) => statuses({ anonymous: 401, admin: ok, otherAdmin: 404 }, 403);

/** A webhook of the personas' agency, written directly (never sent to: the matrix runs no scheduler). */
async function webhookOf(fx: MatrixFixtures): Promise<number> {
  const row = await testDb
    .insert(webhooks)
    .values({
      agencyId: fx.agency.id,
      name: "Matrix",
      url: "https://hooks.example.com/m",
      kinds: JSON.stringify(["mention"]),
      secret: "whsec_matrix",
      createdBy: fx.admin.user.id,
      createdAt: Date.now(),
    })
    .returning({ id: webhooks.id })
    .get();
  return row.id;
}

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/webhooks", request: () => ({ path: "/api/v1/webhooks" }), expect: admins },
  {
    route: "POST /api/v1/webhooks",
    request: () => ({
      path: "/api/v1/webhooks",
      body: { name: "Gateway WhatsApp", url: "https://hooks.example.com/gagas", kinds: ["award_received"] },
    }),
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 201 }, 403),
  },
  {
    route: "DELETE /api/v1/webhooks/{id}",
    request: async (fx) => ({ path: `/api/v1/webhooks/${await webhookOf(fx)}` }),
    expect: ownAdmin(204),
  },
  {
    route: "GET /api/v1/webhooks/{id}/deliveries",
    request: async (fx) => ({ path: `/api/v1/webhooks/${await webhookOf(fx)}/deliveries` }),
    expect: ownAdmin(200),
  },
];
