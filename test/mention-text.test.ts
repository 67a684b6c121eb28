/**
 * The comment box shows mentions as `@Name` and the posted comment as a name: what the SPA sends
 * must still be what the server resolves (src/domain/mentions.ts), and back.
 */
import { describe, expect, it } from "vitest";
import { bodyOf, bodyParts, draftOf, shownHandle } from "../frontend/src/lib/mention-text";
import { handleOf, resolveMentions, type MentionCandidate } from "../src/domain/mentions";

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

describe("the comment box shows names, the server reads handles", () => {
  it("shows each handle as @Name and sends the handle back, which the server resolves", () => {
    const body = `Cc ${handleOf(SITI)} dan ${handleOf(BUDI_B)}, mohon data.`;
    const draft = draftOf(body);
    expect(draft.text).toBe("Cc @Siti Rahmawati dan @Budi Santoso (Dinas Dukcapil), mohon data.");
    expect(draft.text).not.toContain("[");
    expect(bodyOf(draft)).toBe(body);
    expect(resolveMentions(bodyOf(draft), [SITI, BUDI_A, BUDI_B], 9).userIds).toEqual([1, 3]);
  });

  it("turns a picked colleague typed on into the handle", () => {
    const shown = shownHandle(handleOf(SITI));
    expect(shown).toBe("@Siti Rahmawati");
    const body = bodyOf({ text: `Setuju, ${shown} bisa bantu?`, picked: { [shown]: handleOf(SITI) } });
    expect(body).toBe("Setuju, @[Siti Rahmawati] bisa bantu?");
    expect(resolveMentions(body, [SITI], 9).userIds).toEqual([1]);
  });

  it("reads the longest picked name first and leaves a name edited away as plain text", () => {
    const picked = { "@Siti Rahmawati": "@[Siti Rahmawati]", "@Siti Rahmawati Putri": "@[Siti Rahmawati Putri]" };
    expect(bodyOf({ text: "@Siti Rahmawati Putri, @Siti Rahmawati.", picked })).toBe(
      "@[Siti Rahmawati Putri], @[Siti Rahmawati].",
    );
    expect(bodyOf({ text: "@Siti Rahmawatinya", picked })).toBe("@Siti Rahmawatinya");
    expect(bodyOf({ text: "@Siti saja", picked })).toBe("@Siti saja");
    expect(bodyOf({ text: "tanpa sebutan", picked: {} })).toBe("tanpa sebutan");
  });

  it("cuts a stored body into text and mentions", () => {
    expect(bodyParts("Setuju @[Siti Rahmawati]!")).toEqual([
      { kind: "text", text: "Setuju " },
      { kind: "mention", name: "Siti Rahmawati", handle: "@[Siti Rahmawati]" },
      { kind: "text", text: "!" },
    ]);
    expect(bodyParts("@[Siti Rahmawati]")).toEqual([
      { kind: "mention", name: "Siti Rahmawati", handle: "@[Siti Rahmawati]" },
    ]);
    expect(bodyParts("tanpa @ sebutan, @198503152010012003 tetap teks")).toEqual([
      { kind: "text", text: "tanpa @ sebutan, @198503152010012003 tetap teks" },
    ]);
    expect(bodyParts("")).toEqual([]);
  });
});
