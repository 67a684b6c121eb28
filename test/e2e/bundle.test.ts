/**
 * The SPA's budget on a phone (DESIGN.md §7): the JavaScript of the first visit — the entry script
 * and every `modulepreload` chunk of the built index.html — stays within INITIAL_JS_BUDGET_KB (60 KB, as DESIGN.md asks) gzip, and pages
 * arrive as their own chunks (`lazy()` in app.tsx). Measured on the build the journeys are served
 * from, with the same function as `npm run audit:web`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { pagesId } from "../../frontend/src/i18n/pages.id.ts";
import { shellId } from "../../frontend/src/i18n/shell.id.ts";
import { INITIAL_JS_BUDGET_KB, lazyChunksOf, measureInitialJs } from "../../scripts/lib/bundle-size.ts";
import { z } from "@hono/zod-openapi";

/** app.tsx has ~30 routes; shared components add chunks of their own. */
const MIN_LAZY_CHUNKS = 25;

describe("the built SPA", () => {
  it(`loads at most ${INITIAL_JS_BUDGET_KB} KB gzip of JavaScript on the first visit`, async () => {
    const initial = await measureInitialJs(inject("assets"));
    const detail = initial.files.map((f) => `${f.file} ${(f.gzipBytes / 1000).toFixed(1)} KB`).join(", ");
    expect(initial.gzipKb, `initial JavaScript: ${detail}`).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB);
    // the entry itself is among the measured files
    expect(initial.files.some((f) => /^\/assets\/index-[\w-]+\.js$/.test(f.file))).toBe(true);
  });

  it("carries the Indonesian strings of every key its first download names; the pages' strings come with the pages", async () => {
    const assets = inject("assets");
    const initial = await measureInitialJs(assets);
    const code = (
      await Promise.all(initial.files.map((f) => readFile(path.join(assets, f.file.slice(1)), "utf8")))
    ).join("\n");
    const named = new Set([...code.matchAll(/"([a-zA-Z]+\.[\w.]+)"/g)].map((m) => m[1]!));
    // a key of the frame's code whose string only arrives with a page would show as the bare key
    const missing = Object.keys(pagesId).filter((key) => named.has(key) && !Object.hasOwn(shellId, key));
    expect(missing, "move these keys to frontend/src/i18n/shell.id.ts (and en.ts)").toEqual([]);
    // and the pages' dictionary is not in the first download: its long sentences are absent from it
    const sentences = Object.values(pagesId).filter((text: string) => text.length > 80 && !text.includes("\n"));
    expect(sentences.length).toBeGreaterThan(10);
    expect(sentences.filter((text) => code.includes(text))).toEqual([]);
    expect(Object.keys(shellId).length).toBeLessThan(Object.keys(pagesId).length / 4);
  });

  it(`splits the pages into more than ${MIN_LAZY_CHUNKS} chunks fetched on demand`, async () => {
    const lazy = await lazyChunksOf(inject("assets"));
    expect(lazy.length).toBeGreaterThan(MIN_LAZY_CHUNKS);
    // the heavy pages are not in the first download
    for (const page of ["idea-form", "dashboard", "admin-import", "leaderboard"]) {
      expect(
        lazy.some((url) => url.startsWith(`/assets/${page}-`)),
        `${page} chunk`,
      ).toBe(true);
    }
  });

  it("reads Excel files with code of its own, fetched by the import page only when an .xlsx is chosen", async () => {
    const assets = inject("assets");
    const lazy = await lazyChunksOf(assets);
    const xlsx = lazy.filter((url) => url.startsWith("/assets/xlsx-rows-"));
    expect(xlsx).toHaveLength(1);
    const code = await readFile(path.join(assets, xlsx[0]!), "utf8");
    // fflate's inflate is in it, and it is small
    expect(code).toContain("sharedStrings");
    expect(gzipSync(code).length).toBeLessThan(8_000);
    // no other chunk carries the spreadsheet reader
    for (const url of lazy.filter((u) => u !== xlsx[0])) {
      expect(await readFile(path.join(assets, url), "utf8"), url).not.toContain("sharedStrings.xml");
    }
  });

  it("ships a service worker that precaches the shell of this very build", async () => {
    const assets = inject("assets");
    const sw = await readFile(path.join(assets, "sw.js"), "utf8");
    const precache = z.array(z.string()).parse(JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(sw)![1]!));
    const initial = await measureInitialJs(assets);
    expect(precache).toContain("/");
    for (const file of initial.files) expect(precache).toContain(file.file);
    for (const file of await lazyChunksOf(assets)) expect(precache).toContain(file);
    expect(precache.some((url) => url.startsWith("/api"))).toBe(false);
    expect(/^const VERSION = "[0-9a-f]{16}";$/m.test(sw)).toBe(true);
  });

  it("serves the service worker uncached and an installable manifest whose icons exist", async () => {
    const baseUrl = inject("baseUrl");
    const sw = await fetch(`${baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/javascript/);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect(sw.headers.get("content-security-policy")).toMatch(/worker-src 'self'/);

    const html = await (await fetch(`${baseUrl}/`)).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(html).toMatch(/<meta name="theme-color" content="#0b4f5c"/);
    const res = await fetch(`${baseUrl}/manifest.webmanifest`);
    expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = z
      .object({
        name: z.string(),
        lang: z.string(),
        start_url: z.string(),
        display: z.string(),
        icons: z.array(
          z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.string().optional() }),
        ),
      })
      .parse(await res.json());
    expect(manifest).toMatchObject({ name: "Gagas", lang: "id", start_url: "/", display: "standalone" });
    for (const size of ["192x192", "512x512"]) {
      expect(manifest.icons.some((i) => i.sizes === size && i.type === "image/png")).toBe(true);
    }
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of manifest.icons) {
      const answer = await fetch(`${baseUrl}${icon.src}`);
      expect(answer.status, icon.src).toBe(200);
      expect(answer.headers.get("content-type"), icon.src).toContain(icon.type);
    }
  });
});
