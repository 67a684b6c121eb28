import path from "node:path";
import { pathToFileURL } from "node:url";

export type Lang = "id" | "en";
type Dictionary = Record<string, string>;

// Loaded at run time: the SPA's dictionaries belong to the frontend's TypeScript project, which
// the node project (these tests) may not pull files from.
const load = async (lang: Lang): Promise<Dictionary> => {
  const file = path.join(import.meta.dirname, "..", "..", "frontend", "src", "i18n", `${lang}.ts`);
  const module = (await import(pathToFileURL(file).href)) as Record<Lang, Dictionary>;
  return module[lang];
};
const DICTIONARIES: Record<Lang, Dictionary> = { id: await load("id"), en: await load("en") };

/**
 * What the SPA shows for `key` in `lang`, from its own dictionaries, so the tests follow a
 * reworded string instead of breaking on it.
 * @example text("id", "signIn.submit") // "Masuk"
 */
export function text(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[lang][key];
  if (template === undefined) throw new Error(`no message "${key}" in frontend/src/i18n/${lang}.ts`);
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** `text` bound to one language. */
export const textIn =
  (lang: Lang) =>
  (key: string, params?: Record<string, string | number>): string =>
    text(lang, key, params);
