import { t } from "../i18n";
import { AccountNav } from "./account-nav";
import { LanguageSwitch } from "./language-switch";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { NotificationBell } from "./notification-bell";

export function SiteHeader() {
  return (
    <header class="site-header">
      <div class="container site-header-inner">
        <a class="brand" href="/" aria-label={t("a11y.home")}>
          <Logo />
          <span class="brand-name">{t("app.name")}</span>
        </a>
        <MainNav />
        <NotificationBell />
        <AccountNav />
        <LanguageSwitch />
      </div>
    </header>
  );
}
