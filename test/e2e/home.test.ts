/**
 * The personal home: signing in lands on "/", which shows each person what waits for them by role
 * (an ASN, a reviewer, a committee chair, a leader, an admin of the demo), the running campaigns,
 * their points and the recognition feed; signed out, "/" stays the page about Gagas.
 * Phone screenshots of each role's home go to docs/screenshots/ when asked:
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/home.test.ts
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { insertIdea, insertOpenAssignment } from "./housekeeping-fixture.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import {
  CHAIR_BINJAI,
  DEMO_PASSWORD,
  DEWI,
  LEADER_BINJAI,
  REVIEWER_BINJAI,
  SRI_ADMIN,
  type Persona,
} from "./personas.ts";

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  // a review due of this file's own: other journeys hand in the demo's open reviews, in any order
  const persistTo = inject("persistTo");
  const idea = await insertIdea(persistTo, DEWI, "Loket antrean daring untuk dinilai dari beranda", "in_review");
  await insertOpenAssignment(persistTo, idea, REVIEWER_BINJAI, CHAIR_BINJAI);
}, 60_000);
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const t = textIn("id");
const OUT = path.join(ROOT, "docs", "screenshots");

/** Each role and the line of the to-do list only that role sees (none: the ASN's own lines). */
const ROLES: { role: string; who: Persona; expects: (string | RegExp)[] }[] = [
  { role: "asn", who: DEWI, expects: [] },
  // the reviewer has the review this file assigns; the chair decides on the KIPP's ideas in review
  { role: "reviewer", who: REVIEWER_BINJAI, expects: [t("myHome.reviewsDue")] },
  { role: "chair", who: CHAIR_BINJAI, expects: [new RegExp(`^${t("myHome.decisions", { title: "" }).trim()}`)] },
  { role: "leader", who: LEADER_BINJAI, expects: [] },
  { role: "admin", who: SRI_ADMIN, expects: [t("myHome.notActivated")] },
];

async function openHome(viewport: ViewportName, who: Persona) {
  const page = await pages.open(viewport);
  await signInThroughForm(page, "id", { identifier: who.nip, password: DEMO_PASSWORD });
  await expectPath(page, "/");
  const first = who.name.replace(/^(dr\.|drs\.|h\.|hj\.|ir\.)\s+/i, "").split(/\s+/)[0]!;
  await page.getByRole("heading", { level: 1, name: t("myHome.greeting", { name: first }) }).waitFor();
  await page.getByRole("heading", { level: 2, name: t("myHome.feedTitle") }).waitFor();
  return page;
}

describe("the home page", () => {
  it("stays the page about Gagas for someone signed out", async () => {
    const page = await pages.open("phone");
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: t("home.title") }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: t("myHome.todoTitle") }).count()).toBe(0);
  });

  for (const viewport of ["phone", "desktop"] as const) {
    for (const { role, who, expects } of ROLES) {
      it(`shows the ${role} what waits for them after signing in (${viewport})`, async () => {
        const page = await openHome(viewport, who);
        const todo = page.locator("section", { has: page.getByRole("heading", { name: t("myHome.todoTitle") }) });
        await todo.waitFor();
        for (const line of expects) await todo.getByRole("link", { name: line }).first().waitFor();
        await page.getByRole("heading", { level: 2, name: t("myHome.campaignsTitle") }).waitFor();
        await page.getByRole("heading", { level: 2, name: t("myHome.pointsTitle") }).waitFor();
        // the recognition feed names the leader with their position
        const feed = page.locator(".feed-item");
        if ((await feed.count()) > 0)
          expect(await feed.first().locator(".feed-leader").innerText()).toMatch(/^oleh .+, .+/);
        await expectNoAxeViolations(page);
      });
    }
  }

  it("names the leader and their position in the recognition feed", async () => {
    const page = await openHome("phone", DEWI);
    const byLeader = `oleh ${LEADER_BINJAI.name}, ${LEADER_BINJAI.position}`;
    await page.locator(".feed-leader", { hasText: byLeader }).first().waitFor();
  });

  it("takes a reviewer from a review due on the home straight to its scoring form", async () => {
    const page = await openHome("phone", REVIEWER_BINJAI);
    const review = page.locator(".todo-details a[href^='/penilaian/']").first();
    await review.click();
    await page.waitForURL(/\/penilaian\/\d+$/);
  });

  it("returns to the page that asked for sign-in", async () => {
    const page = await pages.open("phone");
    await page.goto("/poin");
    await expectPath(page, "/masuk?next=/poin");
    const form = page.locator("form");
    await form.getByLabel(t("signIn.identifier")).fill(DEWI.nip);
    await form.getByLabel(t("signIn.password"), { exact: true }).fill(DEMO_PASSWORD);
    await form.getByRole("button", { name: t("signIn.submit") }).click();
    await expectPath(page, "/poin");
  });
});

describe.runIf(process.env.E2E_SCREENSHOTS)("home screenshots", () => {
  for (const { role, who } of ROLES) {
    it(`photographs the ${role}'s home on a phone`, async () => {
      const page = await openHome("phone", who);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: path.join(OUT, `home-${role}-phone.png`), fullPage: true });
    });
  }
});
