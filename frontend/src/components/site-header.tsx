import { t } from "../i18n";
import { currentUser } from "../models/session";
import { AccountNav } from "./account-nav";
import { LanguageSwitch } from "./language-switch";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { NotificationBell } from "./notification-bell";

/** The signed-in person's agency's emblem, when it set one: whose Gagas this is. */
function AgencyEmblem() {
  const agency = currentUser.value?.agency;
  if (!agency?.emblemUrl) return null;
  return (
    <img
      class="agency-emblem"
      src={agency.emblemUrl}
      alt={t("agencySettings.emblemAlt", { name: agency.name })}
      title={agency.name}
      width={32}
      height={32}
    />
  );
}

export function SiteHeader() {
  return (
    <header class="site-header">
      <div class="container site-header-inner">
        <AgencyEmblem />
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
