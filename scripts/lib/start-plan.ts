/**
 * What `npm start` may skip on a second run: the build when none of its inputs changed and its
 * output is still there, the migrations and the seed when none of theirs changed and the local D1
 * is still there. Inputs are fingerprinted by content (SHA-256 of every file's path and bytes), so
 * touching a file without changing it skips too, and switching branches rebuilds. The hashing and
 * the record on disk are in `fingerprint.ts`; this file is the decision alone.
 */

/** Files and folders whose content the build reads. */
export const BUILD_INPUTS = [
  "frontend",
  "src",
  "scripts/copy-vendor.ts",
  "vite.config.ts",
  "wrangler.toml",
  "package-lock.json",
  "tsconfig.base.json",
  "tsconfig.json",
];
/** Files and folders whose content the migrations and the seed read (the seed imports `src/domain` and the schema). */
export const DATA_INPUTS = [
  "migrations",
  "scripts/seed",
  "scripts/wrangler.ts",
  "src/domain",
  "src/db/schema.ts",
  "src/db/hot.ts",
  "wrangler.toml",
];

export type Fingerprints = { build: string; data: string };
/** What is on disk from earlier runs. */
export type Present = { buildOutput: boolean; database: boolean };
export type StartPlan = { build: boolean; data: boolean };

/**
 * The decision, pure: a step runs when its output is missing, when there is no record of an
 * earlier run, or when its inputs' fingerprint differs from the one recorded after that run.
 * @example planStart({ build: "a", data: "b" }, { build: "a", data: "c" }, { buildOutput: true, database: true }) // { build: false, data: true }
 */
export function planStart(previous: Fingerprints | null, current: Fingerprints, present: Present): StartPlan {
  return {
    build: !present.buildOutput || previous?.build !== current.build,
    data: !present.database || previous?.data !== current.data,
  };
}
