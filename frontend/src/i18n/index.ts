import { locale, type Locale } from "./locale";
import type { id } from "./id";
import type { MessageKey, Messages, ParamsOf, Placeholders, SameParams } from "./messages";
import { shellId } from "./shell.id";

export { LOCALES, locale, type Locale } from "./locale";
export type { MessageKey, PlainKey } from "./messages";

/**
 * The first download carries only the Indonesian strings of the frame (header, menu, footer):
 * the dictionaries are most of the app's script. The pages' strings arrive with the first page
 * (`loadMessages`, awaited by every lazy page), English as a whole when someone picks it. A key
 * not here yet answers in Indonesian if the frame has it, else as the key itself.
 */
const dictionaries: Partial<Record<Locale, Partial<Messages>>> = { id: shellId };
const complete = new Set<Locale>();
const pending: Partial<Record<Locale, Promise<void>>> = {};

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  id: () => import("./pages.id").then(({ pagesId }) => ({ ...shellId, ...pagesId })),
  en: () => import("./en").then(({ en }) => en satisfies SameParams<typeof en>),
};

/**
 * Fetches every string of `next` (once; a second call while one is pending joins it).
 * @returns once `t()` can answer any key in that language
 * @example await loadMessages(locale.peek()) // with the first page's code
 */
export function loadMessages(next: Locale): Promise<void> {
  if (complete.has(next)) return Promise.resolve();
  pending[next] ??= LOADERS[next]()
    .then((messages) => {
      dictionaries[next] = messages;
      complete.add(next);
    })
    .finally(() => {
      delete pending[next];
    });
  return pending[next];
}

/**
 * What the frame needs before its first paint: nothing more in Indonesian (its strings ship with
 * the app), the whole dictionary in English.
 */
export function loadShellMessages(next: Locale): Promise<void> {
  return next === "id" ? Promise.resolve() : loadMessages(next);
}

/**
 * Switches the language once its strings are here, so a page never shows half of each.
 * @throws when they cannot be fetched (offline): the language stays as it was
 */
export async function setLocale(next: Locale): Promise<void> {
  await loadMessages(next);
  locale.value = next;
}

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof id)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/**
 * The string for `key` in the current language. Reading it inside a component subscribes the
 * component to `locale`, so a language switch re-renders it.
 * @param key a message key from `id.ts`
 * @param params values for the `{placeholders}` the string names (required exactly when it names some)
 * @example t("footer.version", { version: "0.1.0" }) // "Versi 0.1.0"
 */
export function t<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string {
  const text = dictionaries[locale.value]?.[key] ?? shellId[key as keyof typeof shellId] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String((params as Record<string, string | number>)[name]) : match,
  );
}

/** Whether `key` is a known message (in the strings loaded so far), for keys built at run time (problem codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries.id ?? shellId, key);
}
