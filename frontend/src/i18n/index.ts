import { en } from "./en";
import { id } from "./id";
import { locale, type Locale } from "./locale";
import type { MessageKey, Messages, ParamsOf, Placeholders, SameParams } from "./messages";

export { LOCALES, locale, type Locale } from "./locale";
export type { MessageKey, PlainKey } from "./messages";

const dictionaries: Record<Locale, Messages> = {
  id,
  en: en satisfies SameParams<typeof en>,
};

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof id)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/**
 * The string for `key` in the current language. Reading it inside a component subscribes the
 * component to `locale`, so a language switch re-renders it.
 * @param key a message key from `id.ts`
 * @param params values for the `{placeholders}` the string names (required exactly when it names some)
 * @example t("footer.version", { version: "0.1.0" }) // "Versi 0.1.0"
 */
export function t<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string {
  const text = dictionaries[locale.value][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String((params as Record<string, string | number>)[name]) : match,
  );
}

/** Whether `key` is a known message, for keys built at run time (problem codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
