import { describe, expect, inject, it } from "vitest";
import { AGENCIES } from "../../scripts/seed/organisation-data.ts";
import { queryD1 } from "./d1.ts";
import { seedQuietly } from "./seed.ts";

type Counts = { agencies: number; units: number; users: number };

const countRows = async (persistTo: string) =>
  (
    await queryD1<Counts>(
      persistTo,
      "select (select count(*) from agencies) as agencies, (select count(*) from units) as units, (select count(*) from users) as users",
    )
  )[0];

describe("demo seed", () => {
  it("adds nothing when it runs again on a seeded database", async () => {
    const persistTo = inject("persistTo");
    const before = await countRows(persistTo);
    expect(before?.agencies).toBeGreaterThanOrEqual(AGENCIES.length);
    expect(before?.users).toBeGreaterThanOrEqual(AGENCIES.reduce((n, a) => n + a.users.length, 0));

    await seedQuietly(persistTo);

    expect(await countRows(persistTo)).toEqual(before);
  });
});
