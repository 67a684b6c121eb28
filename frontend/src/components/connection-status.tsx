import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import { online } from "../models/connection";
import "../styles/connection.css";

/** How long "the connection is back" stays on screen. */
const BACK_ONLINE_MS = 6_000;

/**
 * A bar under the header while the device is offline, and briefly once it is back. The live
 * region is always in the page (empty while online), so screen readers announce the change.
 */
export function ConnectionStatus() {
  const isOnline = online.value;
  const [backOnline, setBackOnline] = useState(false);
  const wasOnline = useRef(isOnline);

  useEffect(() => {
    const returned = isOnline && !wasOnline.current;
    wasOnline.current = isOnline;
    if (!returned) {
      setBackOnline(false);
      return;
    }
    setBackOnline(true);
    const timer = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [isOnline]);

  return (
    <div class={`connection-status${isOnline ? (backOnline ? " is-back" : "") : " is-offline"}`} role="status">
      {!isOnline && (
        <p class="connection-offline container">
          <span class="connection-icon" aria-hidden="true" />
          {t("offline.banner")}
        </p>
      )}
      {isOnline && backOnline && <p class="connection-back container">{t("offline.backOnline")}</p>}
    </div>
  );
}
