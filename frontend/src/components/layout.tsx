import type { ComponentChildren } from "preact";
import { ConnectionStatus } from "./connection-status";
import { DraftSyncNotice } from "./draft-sync-notice";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";
import { SkipLink } from "./skip-link";

/** The frame around every page. `#main` takes focus on navigation (see app.tsx). */
export function Layout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <ConnectionStatus />
      <DraftSyncNotice />
      <main id="main" tabIndex={-1} class="container">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
