import { useEffect } from "preact/hooks";
import { t } from "../i18n";

/**
 * Sets `<title>` to "<text> · Gagas" for pages named by their content (an idea, a campaign);
 * see `usePageTitle` for pages named by a message key.
 * @param text already translated, or user content; nothing while it is still loading
 */
export function useTextTitle(text: string | null): void {
  const app = t("app.name");
  useEffect(() => {
    if (text) document.title = `${text} · ${app}`;
  }, [text, app]);
}
