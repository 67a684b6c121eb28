/**
 * After `vite build`: copies Swagger UI's assets into `dist/client/vendor/swagger/`, so `/api/docs`
 * loads nothing from another origin (its CSP allows only 'self'). `init.js` comes from
 * `frontend/public/vendor/swagger/` through the vite build.
 *
 * Run: node scripts/copy-vendor.ts
 */
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const FILES = ["swagger-ui.css", "swagger-ui-bundle.js"] as const;

const root = path.join(import.meta.dirname, "..");
const source = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const target = path.join(root, "dist", "client", "vendor", "swagger");

await mkdir(target, { recursive: true });
for (const file of FILES) {
  await copyFile(path.join(source, file), path.join(target, file));
  console.log(`copied ${path.relative(root, path.join(target, file))}`);
}
