/**
 * Fingerprints of `npm start`'s inputs, and the record of the last good run (see start-plan.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Fingerprints } from "./start-plan.ts";

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.name !== "node_modules" && !d.name.startsWith("."))
    .flatMap((d) => filesUnder(root, path.join(entry, d.name)));
}

/**
 * @param root the repository
 * @param entries files and folders relative to it
 * @returns a hex digest of every file's relative path and content, in a stable order
 */
export function fingerprint(root: string, entries: readonly string[]): string {
  const hash = createHash("sha256");
  const files = [...new Set(entries.flatMap((e) => filesUnder(root, e)))].sort();
  for (const file of files) {
    hash.update(file.split(path.sep).join("/")).update("\0");
    hash.update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

/** Where the fingerprints of the last good run are kept: inside `.wrangler/`, so deleting the local state forgets them too. */
export const RECORD = path.join(".wrangler", "gagas-start.json");

export function readRecord(root: string): Fingerprints | null {
  try {
    const value = JSON.parse(readFileSync(path.join(root, RECORD), "utf8")) as Partial<Fingerprints>;
    return typeof value.build === "string" && typeof value.data === "string"
      ? { build: value.build, data: value.data }
      : null;
  } catch {
    return null;
  }
}
