import { ROUND_REVIEWS_PATH } from "../lib/competition-paths";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { t, type PlainKey } from "../i18n";
import { PLATFORM_PATH } from "../lib/admin-paths";
import { HALL_OF_FAME_PATH, NEW_AWARD_PATH } from "../lib/award-paths";
import { DASHBOARD_PATH } from "../lib/dashboard-paths";
import { CAMPAIGNS_PATH, IDEAS_PATH, LIBRARY_PATH } from "../lib/idea-paths";
import { PROBLEMS_PATH } from "../lib/problem-paths";
import { REVIEWS_PATH } from "../lib/review-paths";
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
  { href: PROBLEMS_PATH, label: "nav.problems" },
  { href: LIBRARY_PATH, label: "nav.library", short: "nav.libraryShort" },
  { href: "/peringkat", label: "nav.leaderboard" },
  { href: "/poin", label: "nav.points", short: "nav.pointsShort" },
  { href: HALL_OF_FAME_PATH, label: "nav.hallOfFame" },
];
// one entry for the admin's pages (users, units, import, new competition): the header stays short on phones
const ADMIN_ITEMS: readonly NavItem[] = [{ href: "/admin", label: "nav.admin" }];
// the platform admin's page of agencies
const PLATFORM_ITEMS: readonly NavItem[] = [{ href: PLATFORM_PATH, label: "nav.platform" }];

// reviewers score ideas; leaders and admins watch the dashboard
const REVIEWER_ITEMS: readonly NavItem[] = [{ href: REVIEWS_PATH, label: "nav.reviews" }];
const DASHBOARD_ITEMS: readonly NavItem[] = [{ href: DASHBOARD_PATH, label: "nav.dashboard" }];
// leaders announce awards (the Hall of Fame offers it too)
const LEADER_ITEMS: readonly NavItem[] = [{ href: NEW_AWARD_PATH, label: "nav.announceAward" }];

const GUEST_ITEMS: readonly NavItem[] = [{ href: ROUND_REVIEWS_PATH, label: "nav.roundReviews" }];

function itemsFor(state: SessionState): readonly NavItem[] {
  if (state.kind === "loading") return [];
  if (state.kind !== "signed-in") return ITEMS;
  // what the server says this person may do (`/auth/me` `can`), not a reading of their roles
  const can = state.user.can;
  // an external reviewer reaches their round assignments and nothing else
  if (!can.participate) return GUEST_ITEMS;
  return [
    ...MEMBER_ITEMS,
    ...(can.reviewIdeas ? REVIEWER_ITEMS : []),
    ...(can.readStats ? DASHBOARD_ITEMS : []),
    ...(can.announceAwards ? LEADER_ITEMS : []),
    ...(can.configureAgency ? ADMIN_ITEMS : []),
    ...(can.manageAgencies ? PLATFORM_ITEMS : []),
  ];
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" class="nav-toggle-icon">
      <path d={open ? "M5 5l10 10M15 5L5 15" : "M3 5.5h14M3 10h14M3 14.5h14"} />
    </svg>
  );
}

/**
 * On phones a signed-in person's entries sit behind a "Menu" button (a disclosure: Escape, a click
 * elsewhere or a new page closes it); from 48rem they are always shown.
 */
function useMenu(path: string) {
  const [open, setOpen] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return { open, setOpen, nav, toggle, onKeyDown };
}

export function MainNav() {
  const { path } = useLocation();
  // nothing until the server said who this is, so the entries do not flash from guest to member
  const items = itemsFor(session.value);
  const menu = useMenu(path);
  const collapsible = session.value.kind === "signed-in";
  return (
    <nav
      ref={menu.nav}
      class={collapsible ? "main-nav main-nav-collapsible" : "main-nav"}
      aria-label={t("a11y.mainNav")}
      onKeyDown={menu.onKeyDown}
    >
      {collapsible && (
        <button
          ref={menu.toggle}
          type="button"
          class="nav-toggle"
          aria-expanded={menu.open}
          aria-controls="main-nav-list"
          onClick={() => menu.setOpen(!menu.open)}
        >
          <MenuIcon open={menu.open} />
          {t("nav.menu")}
        </button>
      )}
      <ul id="main-nav-list" class={menu.open ? "nav-list-open" : undefined}>
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
