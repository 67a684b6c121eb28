import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, transformWithOxc, type Plugin } from "vite";

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Files of `frontend/public/` a phone needs to open the app offline and install it. */
const PUBLIC_SHELL = [
  "/manifest.webmanifest",
  "/favicon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
];

/**
 * Writes `sw.js` (from `frontend/sw/service-worker.ts`) next to the build: the list of files it
 * precaches (`/` for index.html, every hashed script and style of this build, {@link PUBLIC_SHELL})
 * and a version hashed from their contents, so a new build installs a new cache and drops the old.
 */
function serviceWorker(): Plugin {
  let publicDir = "";
  return {
    name: "gagas:service-worker",
    apply: "build",
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const built = Object.keys(bundle)
        .filter((file) => /\.(js|css)$/.test(file))
        .sort();
      const hash = createHash("sha256");
      hash.update(await readFile(path.join(outDir, "index.html")));
      for (const file of built) hash.update(file);
      for (const url of PUBLIC_SHELL) hash.update(await readFile(path.join(publicDir, url)));
      const source = await readFile(fromRoot("./frontend/sw/service-worker.ts"), "utf8");
      hash.update(source);

      const precache = ["/", ...built.map((file) => `/${file}`), ...PUBLIC_SHELL];
      const { code } = await transformWithOxc(source, "service-worker.ts", { lang: "ts" });
      const header = [
        `const PRECACHE = ${JSON.stringify(precache)};`,
        `const VERSION = ${JSON.stringify(hash.digest("hex").slice(0, 16))};`,
      ].join("\n");
      await writeFile(path.join(outDir, "sw.js"), `${header}\n${code}`);
    },
  };
}

/** The SPA: sources in `frontend/`, served by the Worker as static assets from `dist/client`. */
export default defineConfig({
  root: fromRoot("./frontend"),
  plugins: [preact(), serviceWorker()],
  build: {
    outDir: fromRoot("./dist/client"),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: {
      output: {
        // Each page stays its own chunk, but the small modules pages share (components, models, api)
        // go in one "shared" chunk instead of a dozen 1 KB files: on a slow connection every extra
        // request costs a round trip (measured with `npm run audit:web`). What the first visit
        // needs stays one chunk of its own, so the shared one never joins the initial download.
        codeSplitting: {
          groups: [
            { name: "app", tags: ["$initial"], priority: 2 },
            { name: "shared", minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:8787",
    },
  },
});
