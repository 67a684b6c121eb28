import { effect, signal } from "@preact/signals";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = "gagas.locale";

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : "id";
  } catch {
    // Storage can be blocked (privacy mode, policy): fall back to the default language.
    return "id";
  }
}

/** The language the person chose; Bahasa Indonesia until they pick another. */
export const locale = signal<Locale>(readStoredLocale());

effect(() => {
  const current = locale.value;
  document.documentElement.lang = current;
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // Not persisting is fine: the choice still holds for this visit.
  }
});
