/* global URL, console */
// The npm registry this project is installed from serves workerd's Linux builds only, so `npm install`
// leaves its macOS and Windows builds out of package-lock.json — and `npm ci` then refuses the lock
// ("Missing: @cloudflare/workerd-darwin-64@ from lock file"). This records each missing optional
// platform package with its os/cpu, which `npm ci` skips on Linux without fetching anything.
// Run after `npm install` changes the lock: node scripts/lib/lock-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS = {
  "darwin-64": { os: ["darwin"], cpu: ["x64"] },
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "linux-64": { os: ["linux"], cpu: ["x64"] },
  "linux-arm64": { os: ["linux"], cpu: ["arm64"] },
  "windows-64": { os: ["win32"], cpu: ["x64"] },
};

const file = new URL("../../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  if (!location.endsWith("node_modules/workerd") || !entry.optionalDependencies) continue;
  const parent = location.slice(0, -"workerd".length); // where its dependencies are installed
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const key = `${parent}${name}`;
    if (lock.packages[key] || lock.packages[`node_modules/${name}`]?.version === version) continue;
    const platform = PLATFORMS[name.replace("@cloudflare/workerd-", "")];
    if (!platform) continue;
    lock.packages[key] = { version, license: "Apache-2.0", optional: true, ...platform, engines: { node: ">=16" } };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: ${added} platform entries added`);
