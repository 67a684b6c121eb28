import { useLocation } from "preact-iso";
import { t, type PlainKey } from "../i18n";
import { CAMPAIGNS_PATH, IDEAS_PATH, LIBRARY_PATH } from "../lib/idea-paths";
import { session, type SessionState } from "../models/session";

/** `short`: the label on phones, where the entries share a row with the language switch. */
type NavItem = { href: string; label: PlainKey; short?: PlainKey };

/** Only pages that exist; later features add their own entries. */
const ITEMS: readonly NavItem[] = [
  { href: "/", label: "nav.home" },
  { href: "/tentang", label: "nav.about" },
];

/** Signed in, the work comes first (the brand still leads home); admins also see where campaigns are made. */
const MEMBER_ITEMS: readonly NavItem[] = [
  { href: IDEAS_PATH, label: "nav.ideas" },
  { href: CAMPAIGNS_PATH, label: "nav.campaigns" },
  { href: LIBRARY_PATH, label: "nav.library", short: "nav.libraryShort" },
];
// one entry for the admin's pages (users, units, import, new competition): the header stays short on phones
const ADMIN_ITEMS: readonly NavItem[] = [{ href: "/admin", label: "nav.admin" }];

function itemsFor(state: SessionState): readonly NavItem[] {
  if (state.kind === "loading") return [];
  if (state.kind !== "signed-in") return ITEMS;
  return state.user.roles.includes("admin") ? [...MEMBER_ITEMS, ...ADMIN_ITEMS] : MEMBER_ITEMS;
}

export function MainNav() {
  const { path } = useLocation();
  // nothing until the server said who this is, so the entries do not flash from guest to member
  const items = itemsFor(session.value);
  return (
    <nav class="main-nav" aria-label={t("a11y.mainNav")}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={path === item.href ? "page" : undefined}>
              {item.short ? (
                <>
                  <span class="nav-label-full">{t(item.label)}</span>
                  <span class="nav-label-short">{t(item.short)}</span>
                </>
              ) : (
                t(item.label)
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
