/** An ASN sees their points, level progress, badges and where each point came from, and the leaderboards. */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

describe.each(VARIANTS)("points and leaderboards ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);

  it("shows my level, badges and points history, then the leaderboards of people and units", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/poin");
    await page.getByRole("heading", { level: 1, name: t("points.title") }).waitFor();
    await page.locator("#level-progress").waitFor();
    await page.getByRole("heading", { level: 2, name: t("points.badges") }).waitFor();
    // the demo gives Dewi an implemented idea: she has points and holds at least one badge
    await page.locator(".ledger li").first().waitFor();
    expect(await page.locator(".badge-card.is-held").count()).toBeGreaterThan(0);
    // every badge has its own artwork, hidden from screen readers (its name says it), in colour once earned
    const cards = page.locator(".badge-card");
    const arts = await cards.evaluateAll((items) =>
      items.map((card) => {
        const art = card.querySelector("svg.badge-art");
        const disc = art?.querySelector(".badge-art-disc");
        return {
          hidden: art?.getAttribute("aria-hidden"),
          drawing: [...(art?.querySelectorAll("path") ?? [])].map((p) => p.getAttribute("d")).join(" "),
          disc: disc ? getComputedStyle(disc).fill : "",
          held: card.classList.contains("is-held"),
          name: card.querySelector("strong")?.textContent ?? "",
        };
      }),
    );
    expect(arts.length).toBeGreaterThan(5);
    expect(arts.every((a) => a.hidden === "true" && a.drawing !== "" && a.name !== "")).toBe(true);
    expect(new Set(arts.map((a) => a.drawing)).size).toBe(arts.length);
    const discs = (held: boolean) => new Set(arts.filter((a) => a.held === held).map((a) => a.disc));
    expect([...discs(true)]).toHaveLength(1);
    expect(discs(false).has([...discs(true)][0]!)).toBe(false);
    await expectNoAxeViolations(page);

    await page.goto("/peringkat");
    await page.getByRole("heading", { level: 1, name: t("board.title") }).waitFor();
    await page.getByLabel(t("board.period")).selectOption("all");
    // wait for the board of the chosen scope and period (its caption), not the one shown before
    const board = (scope: "users" | "units") =>
      page.locator("table.leaderboard", { has: page.getByText(`${t(`board.${scope}`)}, ${t("board.all")}`) });
    await board("users").locator("tbody tr").first().waitFor();
    expect(await board("users").innerText()).toContain(DEWI.name);
    // the totals are folded from the ledger each minute: the board says how current it is
    const asOf = page.locator(".leaderboard-page p.muted");
    expect(await asOf.innerText()).toContain(t("board.asOf", { time: "", zone: "" }).split(" ")[0]!);
    if (lang === "id" && viewport === "phone") {
      await page.screenshot({ path: path.join(ROOT, "docs", "screenshots", "leaderboard-phone.png"), fullPage: true });
    }
    await page.getByLabel(t("board.units"), { exact: true }).check();
    await board("units").locator("tbody tr").first().waitFor();
    expect(await board("units").locator("tbody tr").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});
