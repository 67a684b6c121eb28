import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "..", "..");

/**
 * The `vite build` of `npm run build:web`, on the project's Node, into `outDir` (a throwaway
 * directory: `dist/client` belongs to whoever works in the tree). Swagger UI, the script's second
 * step, is left out: nothing run against such a build opens `/api/docs`.
 * @example await buildSpa(path.join(tmp, "client"))
 */
export async function buildSpa(outDir: string): Promise<void> {
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  await run(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: ROOT,
    // a production build whoever asks: under vitest NODE_ENV is "test", which would make Vite
    // build with `import.meta.env.PROD` false (no service worker, development-only code kept)
    env: { ...process.env, NODE_ENV: "production" },
    maxBuffer: 16 * 1024 * 1024,
  });
}
