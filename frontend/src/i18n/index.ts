import { id } from "./id";
import { locale, type Locale } from "./locale";
import type { MessageKey, Messages, ParamsOf, Placeholders, SameParams } from "./messages";

export { LOCALES, locale, type Locale } from "./locale";
export type { MessageKey, PlainKey } from "./messages";

/**
 * Indonesian, the default, ships with the app; English is fetched when someone picks it, since the
 * dictionaries are most of the first download. Until it has arrived `t()` answers in Indonesian.
 */
const dictionaries: Partial<Record<Locale, Messages>> = { id };

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  id: () => Promise.resolve(id),
  en: () => import("./en").then(({ en }) => en satisfies SameParams<typeof en>),
};

/**
 * Fetches the strings of `next` (once).
 * @returns once `t()` can answer in that language
 * @example await loadMessages(locale.peek()) // before the first render
 */
export async function loadMessages(next: Locale): Promise<void> {
  dictionaries[next] ??= await LOADERS[next]();
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
  const text = (dictionaries[locale.value] ?? id)[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String((params as Record<string, string | number>)[name]) : match,
  );
}

/** Whether `key` is a known message, for keys built at run time (problem codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
