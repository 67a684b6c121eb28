import { t } from "../i18n";

/**
 * A polite "please wait": announced once by screen readers, spinner hidden from them.
 * @param label what is loading, already translated; "Memuat…" by default
 */
export function Loading({ label }: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label ?? t("loading.label")}
    </p>
  );
}
