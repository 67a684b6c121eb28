import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { healthState, refreshHealth } from "../models/health";

export function SiteFooter() {
  useEffect(() => {
    void refreshHealth();
  }, []);
  const state = healthState.value;

  return (
    <footer class="site-footer">
      <div class="container site-footer-inner">
        <p>{t("footer.tagline")}</p>
        <ul class="footer-links">
          <li>
            <a href="/api/docs">{t("footer.apiDocs")}</a>
          </li>
          {state.kind === "ready" && <li>{t("footer.version", { version: state.health.version })}</li>}
        </ul>
      </div>
    </footer>
  );
}
