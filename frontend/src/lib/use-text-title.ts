import { useLayoutEffect } from "preact/hooks";
import { t } from "../i18n";

/**
 * Sets `<title>` to "<text> · Gagas" for pages named by their content (an idea, a campaign);
 * see `usePageTitle` for pages named by a message key.
 * @param text already translated, or user content; nothing while it is still loading
 */
export function useTextTitle(text: string | null): void {
  const app = t("app.name");
  // before the paint that shows the page's heading, so the title never lags behind it
  useLayoutEffect(() => {
    if (text) document.title = `${text} · ${app}`;
  }, [text, app]);
}
