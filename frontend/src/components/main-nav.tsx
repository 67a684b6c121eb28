import { useLocation } from "preact-iso";
import { t, type PlainKey } from "../i18n";

type NavItem = { href: string; label: PlainKey };

/** Only pages that exist; later features add their own entries. */
const ITEMS: readonly NavItem[] = [
  { href: "/", label: "nav.home" },
  { href: "/tentang", label: "nav.about" },
];

export function MainNav() {
  const { path } = useLocation();
  return (
    <nav class="main-nav" aria-label={t("a11y.mainNav")}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={path === item.href ? "page" : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
