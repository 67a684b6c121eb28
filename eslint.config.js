import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".wrangler/",
      "worker-configuration.d.ts",
      "frontend/public/vendor/",
      "migrations/meta/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // domain/ is pure: no HTTP framework, no database, no platform.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["hono", "hono/*", "@hono/*"], message: "src/domain is pure: no Hono here." },
            { group: ["drizzle-orm", "drizzle-orm/*"], message: "src/domain is pure: no drizzle here." },
            { group: ["cloudflare:*"], message: "src/domain is pure: no Cloudflare runtime here." },
            { group: ["../*", "!./*"], message: "src/domain imports nothing outside itself." },
          ],
        },
      ],
    },
  },
  {
    // the SPA reaches the Worker only through its typed contract, and the enums and limits of
    // src/domain/contract.ts through frontend/src/api/contract.ts
    files: ["frontend/src/**/*.{ts,tsx}"],
    ignores: ["frontend/src/api/contract.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/*", "!**/src/index"],
              message: "Import only `type AppType` from src/index, and enums and limits from api/contract.",
            },
          ],
        },
      ],
    },
  },
);
