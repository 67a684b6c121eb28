// Lets Node (which runs .ts natively) import Worker modules that use extensionless relative imports
// (`./schema`), as the bundler does: `node --import ./scripts/lib/resolve-ts.mjs scripts/x.ts`.
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier))
        return nextResolve(`${specifier}.ts`, context);
      throw error;
    }
  },
});
