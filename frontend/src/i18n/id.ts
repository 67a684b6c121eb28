import { pagesId } from "./pages.id.ts";
import { shellId } from "./shell.id.ts";

/**
 * Bahasa Indonesia: the default language and the source of truth for keys (`MessageKey`).
 * `{name}` marks a parameter; `t()` asks for exactly the parameters a string names. The app loads
 * it in two parts: the frame's (`shell.id.ts`) at once, the pages' (`pages.id.ts`) with the first page.
 */
export const id = { ...shellId, ...pagesId } as const;
