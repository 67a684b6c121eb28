import { useEffect } from "preact/hooks";
import { locale, t, type PlainKey } from "../i18n";

/**
 * Sets `<title>` to "<page> · Gagas" in the current language (WCAG 2.4.2), and follows a
 * language switch.
 * @example usePageTitle("about.title")
 */
export function usePageTitle(key: PlainKey): void {
  const current = locale.value;
  useEffect(() => {
    document.title = `${t(key)} · ${t("app.name")}`;
  }, [key, current]);
}
