import { LOCALES, locale, setLocale, t, type Locale } from "../i18n";

const LABELS = {
  id: { short: "language.id", name: "language.idName" },
  en: { short: "language.en", name: "language.enName" },
} as const satisfies Record<Locale, { short: string; name: string }>;

/** ID / EN toggle. The visible code stays in the accessible name (WCAG 2.5.3 label in name). */
export function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t("a11y.language")}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={locale.value === code}
          // the language changes once its strings have arrived; offline, it stays as it was
          onClick={() => void setLocale(code).catch(() => undefined)}
        >
          {t(LABELS[code].short)}
          <span class="visually-hidden"> ({t(LABELS[code].name)})</span>
        </button>
      ))}
    </div>
  );
}
