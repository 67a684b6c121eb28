import type { D1Migration } from "@cloudflare/vitest-plugin/types";
import type * as main from "../src/index";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      D1_STRICT_COLUMNS: string;
    }
    interface GlobalProps {
      mainModule: typeof main;
    }
  }
}
