import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { formatRelative, isoOf } from "../lib/relative-time";
import { onReconnect } from "../models/connection";

type Props = {
  savedAt: number;
  /** asks the server again; called when the connection returns */
  onRefresh: () => void;
};

/**
 * "Anda offline. Ini salinan yang disimpan di perangkat ini, disimpan 2 jam yang lalu": said above a
 * list or an idea shown from this device instead of the server, so nobody takes old figures for
 * today's. When the connection returns the page asks the server again by itself.
 */
export function SavedCopyNotice({ savedAt, onRefresh }: Props) {
  useEffect(() => onReconnect(onRefresh), [onRefresh]);
  return (
    <p class="notice" role="status">
      {t("offline.savedCopy")}{" "}
      <time dateTime={isoOf(savedAt) ?? undefined}>{t("offline.savedAgo", { ago: formatRelative(savedAt) })}</time>
    </p>
  );
}
