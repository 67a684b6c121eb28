import { describe, expect, it } from "vitest";
import {
  handleOf,
  lookupKeys,
  MENTION_LIMIT,
  parseMentions,
  resolveMentions,
  type MentionCandidate,
} from "../../src/domain/mentions";

const SITI: MentionCandidate = {
  id: 1,
  nip: "198503152010012003",
  name: "Siti Rahmawati",
  unitName: "Dinas Kesehatan",
  namesakes: 1,
};
const BUDI_A: MentionCandidate = {
  id: 2,
  nip: "198001012005011001",
  name: "Budi Santoso",
  unitName: "Dinas Kesehatan",
  namesakes: 2,
};
const BUDI_B: MentionCandidate = { ...BUDI_A, id: 3, nip: "198001012005011002", unitName: "Dinas Dukcapil" };

describe("parseMentions", () => {
  it("finds NIPs and handles in order, once each", () => {
    const tokens = parseMentions("Cc @[Siti Rahmawati] dan @198503152010012003, juga @[Siti Rahmawati].");
    expect(tokens.map((t) => t.raw)).toEqual(["@[Siti Rahmawati]", "@198503152010012003"]);
  });

  it("ignores an e-mail address, a short number and a digit run longer than a NIP", () => {
    expect(parseMentions("kirim ke budi@dinkes.go.id atau @12345 atau @1985031520100120031")).toEqual([]);
  });

  it(`keeps at most ${MENTION_LIMIT} mentions`, () => {
    const body = Array.from({ length: 15 }, (_, i) => `@[Orang ${i}]`).join(" ");
    expect(parseMentions(body)).toHaveLength(MENTION_LIMIT);
  });
});

describe("lookupKeys", () => {
  it("looks a qualified handle up by its bare name too", () => {
    expect(lookupKeys(parseMentions("@[Budi Santoso (Dinas Dukcapil)] @198503152010012003"))).toEqual({
      nips: ["198503152010012003"],
      names: ["Budi Santoso (Dinas Dukcapil)", "Budi Santoso"],
    });
  });
});

describe("resolveMentions", () => {
  it("resolves a unique name and replaces a NIP by the handle", () => {
    expect(resolveMentions("Cc @198503152010012003 ya", [SITI], 9)).toEqual({
      body: "Cc @[Siti Rahmawati] ya",
      userIds: [1],
    });
    expect(resolveMentions("@[Siti Rahmawati] setuju?", [SITI], 9).userIds).toEqual([1]);
  });

  it("leaves a shared name unresolved and resolves it qualified by the unit", () => {
    expect(resolveMentions("@[Budi Santoso]", [BUDI_A, BUDI_B], 9).userIds).toEqual([]);
    expect(resolveMentions("@[Budi Santoso (Dinas Dukcapil)]", [BUDI_A, BUDI_B], 9).userIds).toEqual([3]);
  });

  it("does not mention the author, and counts a person named twice once", () => {
    expect(resolveMentions("@[Siti Rahmawati] @198503152010012003", [SITI], 9).userIds).toEqual([1]);
    expect(resolveMentions("@[Siti Rahmawati]", [SITI], 1).userIds).toEqual([]);
  });

  it("keeps a NIP nobody in the agency holds as typed", () => {
    expect(resolveMentions("@199001012015011001", [SITI], 9)).toEqual({ body: "@199001012015011001", userIds: [] });
  });
});

describe("handleOf", () => {
  it("qualifies the handle with the unit when colleagues share the name", () => {
    expect(handleOf(SITI)).toBe("@[Siti Rahmawati]");
    expect(handleOf(BUDI_B)).toBe("@[Budi Santoso (Dinas Dukcapil)]");
  });
});
