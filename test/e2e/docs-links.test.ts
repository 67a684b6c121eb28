/**
 * The README and the notes under docs/ travel with the repository: every relative link and picture
 * they name is a file inside it (a link to a folder beside the checkout works on one machine only).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./dev-server.ts";

const documents = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Targets of Markdown links and images and of HTML `src`/`href` attributes, without their fragment. */
function localTargetsOf(text: string): string[] {
  const markdown = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  const html = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return [...markdown, ...html]
    .filter((target) => !/^(?:[a-z]+:|#|\/)/i.test(target))
    .map((target) => decodeURI(target.split("#")[0]!))
    .filter((target) => target.length > 0);
}

describe("the documentation's links", () => {
  it.each(documents)("%s links only files inside the repository", (document) => {
    const text = readFileSync(path.join(ROOT, document), "utf8");
    const base = path.dirname(path.join(ROOT, document));
    const outside: string[] = [];
    const missing: string[] = [];
    for (const target of localTargetsOf(text)) {
      const resolved = path.resolve(base, target);
      if (!resolved.startsWith(ROOT + path.sep)) outside.push(target);
      else if (!existsSync(resolved)) missing.push(target);
    }
    expect(outside, "links leaving the repository").toEqual([]);
    expect(missing, "links to files that do not exist").toEqual([]);
  });
});
