import { t } from "../i18n";

/** First focusable element: keyboard users jump past the header straight to the page. */
export function SkipLink() {
  return (
    <a class="skip-link" href="#main">
      {t("a11y.skipToContent")}
    </a>
  );
}
