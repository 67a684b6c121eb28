/**
 * The short form of `npm run soak`: for 15 seconds the demo people of Pangkalpinang (an agency no
 * other journey uses) browse, write, vote, comment and read notifications side by side against the
 * test server; then no answer was a 5xx and every invariant holds in D1 (vote and comment counts,
 * ledger and totals, idea states and histories, foreign keys).
 */
import { describe, expect, inject, it } from "vitest";
import { AGENCIES } from "../../scripts/seed/organisation-data.ts";
import { runSoak } from "../../scripts/soak/run.ts";
import { DEMO_PASSWORD } from "./personas.ts";

const SECONDS = 15;

describe("soak (short form)", () => {
  it(`keeps every invariant through ${SECONDS} s of mixed journeys, with no 5xx`, { timeout: 180_000 }, async () => {
    const report = await runSoak({
      baseUrl: inject("baseUrl"),
      persistTo: inject("persistTo"),
      seconds: SECONDS,
      people: AGENCIES.find((a) => a.slug === "pangkalpinang")!.users,
      password: DEMO_PASSWORD,
    });
    console.log(report.lines.join("\n"));
    expect(report.requests).toBeGreaterThan(50);
    expect(report.errors).toEqual([]);
    expect(report.unexpected).toEqual({});
    expect(report.invariants.filter((r) => r.violations > 0)).toEqual([]);
  });
});
