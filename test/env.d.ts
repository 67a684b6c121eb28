import type { D1Migration } from "@cloudflare/vitest-plugin/types";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      D1_STRICT_COLUMNS: string;
    }
  }
}
