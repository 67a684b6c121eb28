/**
 * What a first visit downloads before the SPA can start, measured on a build: the entry script and
 * every `modulepreload` chunk the built index.html names, gzip-compressed (zlib's default level, as
 * Vite reports it). Shared by `npm run audit:web` and test/e2e/bundle.test.ts, so both report the
 * same figure.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * DESIGN.md §7 asks for initial JavaScript ≤ 60 KB gzip (1 KB = 1,000 bytes, as Vite prints sizes).
 * The first download carries only the frame's Indonesian strings (`frontend/src/i18n/shell.id.ts`);
 * the pages' strings arrive with the first page.
 */
export const INITIAL_JS_BUDGET_KB = 60;

export type MeasuredFile = { file: string; bytes: number; gzipBytes: number };

export type InitialJs = {
  files: MeasuredFile[];
  bytes: number;
  gzipBytes: number;
  /** `gzipBytes` in KB, one decimal */
  gzipKb: number;
};

/** The built index.html's entry script and `modulepreload` chunks, as paths from the site root. */
export function initialScriptsOf(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const urls: string[] = [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith("<script") && attr("type") === "module" && attr("src")) urls.push(attr("src")!);
    if (tag.startsWith("<link") && attr("rel") === "modulepreload" && attr("href")) urls.push(attr("href")!);
  }
  return [...new Set(urls)];
}

/**
 * @param clientDir the build's output directory (`dist/client`, or a test's own)
 * @example const { gzipKb } = await measureInitialJs("dist/client")
 */
export async function measureInitialJs(clientDir: string): Promise<InitialJs> {
  const html = await readFile(path.join(clientDir, "index.html"), "utf8");
  const urls = initialScriptsOf(html);
  if (urls.length === 0) throw new Error(`no module script in ${path.join(clientDir, "index.html")}`);
  const files = await Promise.all(
    urls.map(async (url): Promise<MeasuredFile> => {
      const content = await readFile(path.join(clientDir, url.replace(/^\//, "")));
      return { file: url, bytes: content.length, gzipBytes: gzipSync(content).length };
    }),
  );
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes,
    gzipKb: Math.round(gzipBytes / 100) / 10,
  };
}

/** Scripts of the build that the first visit does not load: the chunks `lazy()` fetches on demand. */
export async function lazyChunksOf(clientDir: string): Promise<string[]> {
  const initial = new Set(initialScriptsOf(await readFile(path.join(clientDir, "index.html"), "utf8")));
  const assets = await readdir(path.join(clientDir, "assets"));
  return assets
    .filter((file) => file.endsWith(".js"))
    .map((file) => `/assets/${file}`)
    .filter((url) => !initial.has(url));
}
