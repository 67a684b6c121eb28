import { describe, expect, it } from "vitest";
import { demoAccountLines, roleOf } from "../scripts/lib/demo-accounts";
import { planStart } from "../scripts/lib/start-plan";
import { AGENCIES } from "../scripts/seed/organisation-data";

const both = { buildOutput: true, database: true };
const last = { build: "b1", data: "d1" };

describe("planStart (npm start on a second run)", () => {
  it("skips the build, the migrations and the seed when no input changed and their outputs are there", () => {
    expect(planStart(last, { build: "b1", data: "d1" }, both)).toEqual({ build: false, data: false });
  });

  it("builds again when a build input changed, and seeds again only when a data input changed", () => {
    expect(planStart(last, { build: "b2", data: "d1" }, both)).toEqual({ build: true, data: false });
    expect(planStart(last, { build: "b1", data: "d2" }, both)).toEqual({ build: false, data: true });
  });

  it("runs every step on a first run, when there is no record of an earlier one", () => {
    expect(planStart(null, { build: "b1", data: "d1" }, both)).toEqual({ build: true, data: true });
  });

  it("runs a step whose output was deleted (dist/ or the local D1) even with unchanged inputs", () => {
    expect(planStart(last, last, { buildOutput: false, database: true })).toEqual({ build: true, data: false });
    expect(planStart(last, last, { buildOutput: true, database: false })).toEqual({ build: false, data: true });
  });
});

describe("the demo accounts npm start prints", () => {
  const binjai = AGENCIES.find((a) => a.slug === "binjai")!;
  const person = (name: string) => binjai.users.find((u) => u.name.includes(name))!;

  it("says who chairs the KIPP committee and who sits on it", () => {
    expect(roleOf(binjai, person("Nurhayati"))).toBe(
      "reviewer, chairs the committee of Kompetisi Inovasi Pelayanan Publik 2026",
    );
    expect(roleOf(binjai, person("Budi Santoso"))).toBe(
      "reviewer, member of the committee of Kompetisi Inovasi Pelayanan Publik 2026",
    );
  });

  it("names the leader's office, the admins' reach and an ASN's unit", () => {
    expect(roleOf(binjai, person("Irwansyah"))).toMatch(/^leader .*; Sekretaris Daerah$/);
    expect(roleOf(binjai, person("Rahmat"))).toMatch(/^platform admin/);
    expect(roleOf(binjai, person("Dewi"))).toBe("ASN (DUKCAPIL)");
  });

  it("lists every person of every agency with NIP and e-mail", () => {
    const text = demoAccountLines(AGENCIES).join("\n");
    for (const user of AGENCIES.flatMap((a) => a.users)) {
      expect(text).toContain(`NIP ${user.nip}   ${user.email}`);
    }
  });
});
