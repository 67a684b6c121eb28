import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createUser } from "./fixtures/builders";
import { api } from "./fixtures/http";

type Personas = Awaited<ReturnType<typeof createPersonas>>;
type Entry = {
  id: number;
  action: string;
  subjectId: number | null;
  actor: { id: number; name: string } | null;
  detail: object;
};
type Page = { items: Entry[]; nextCursor: string | null };

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

const read = async (cookie: string, query = "") => {
  const res = await api("GET", `/api/v1/audit-log?${query}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

describe("GET /api/v1/audit-log", () => {
  it("lists the agency's admin actions newest first, with who did them, a page at a time", async () => {
    const target = await createUser(p.unit);
    await api("PATCH", `/api/v1/users/${target.id}`, { cookie: p.admin.cookie, body: { position: "Satu" } });
    await api("PATCH", `/api/v1/users/${target.id}`, { cookie: p.admin.cookie, body: { position: "Dua" } });
    await api("POST", `/api/v1/users/${target.id}/reset-password`, { cookie: p.admin.cookie });

    const first = await read(p.admin.cookie, `subjectType=user&subjectId=${target.id}&limit=2`);
    expect(first.items.map((e) => e.action)).toEqual(["user.reset_password", "user.update"]);
    expect(first.items[0]!.actor).toEqual({ id: p.admin.user.id, name: "Persona admin" });
    const second = await read(
      p.admin.cookie,
      `subjectType=user&subjectId=${target.id}&limit=2&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((e) => e.detail)).toEqual([
      { changes: { position: { from: "Pranata Komputer", to: "Satu" } } },
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by action", async () => {
    const page = await read(p.admin.cookie, "action=user.reset_password");
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.action === "user.reset_password")).toBe(true);
  });

  it("shows the admin of another agency none of this agency's entries", async () => {
    const own = await read(p.admin.cookie, "limit=100");
    const theirs = await read(p.otherAdmin.cookie, "limit=100");
    const ownIds = new Set(own.items.map((e) => e.id));
    expect(theirs.items.some((e) => ownIds.has(e.id))).toBe(false);
  });

  it("answers 403 to a leader", async () => {
    expect((await api("GET", "/api/v1/audit-log", { cookie: p.leader.cookie })).status).toBe(403);
  });
});
