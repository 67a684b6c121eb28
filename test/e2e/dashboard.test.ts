/**
 * The innovation dashboard in the browser: the Binjai leader opens it from the navigation; the
 * figures are the API's; every SVG chart is an image named by a sentence with its numbers and has
 * a table of the same data; a campaign narrows it; axe finds nothing. Bahasa Indonesia on a phone
 * and a desktop, and once in English.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { textIn, type Lang } from "./i18n.ts";
import { expectPath, expectTitle, mainNavLink, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, LEADER_BINJAI } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";
import type { z } from "@hono/zod-openapi";
import { DashboardAnswer } from "./answers.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  // the dashboard reads counters the Cron Trigger keeps: run it once, as Cloudflare would every minute
  await runScheduler(inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

type Dashboard = z.infer<typeof DashboardAnswer>;

async function dashboardOf(page: Page, query = ""): Promise<Dashboard> {
  // the counters are written in the scheduler's `waitUntil`: wait until they are there
  let data: Dashboard | null = null;
  await expect
    .poll(
      async () => {
        const answer = DashboardAnswer.parse(await (await page.request.get(`/api/v1/stats/dashboard${query}`)).json());
        data = answer;
        return answer.funnel.submitted;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  return data!;
}

/** A chart: the figure captioned `title`, its SVG image and the sentence that names it. */
async function chart(page: Page, title: string) {
  const figure = page.getByRole("figure", { name: title, exact: true });
  await figure.waitFor();
  const image = figure.getByRole("img");
  expect(await image.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
  const summaryId = await image.getAttribute("aria-labelledby");
  const summary = (await page.locator(`[id="${summaryId}"]`).textContent()) ?? "";
  return { figure, image, summary };
}

const VARIANTS: readonly { lang: Lang; viewport: ViewportName }[] = [
  { lang: "id", viewport: "phone" },
  { lang: "id", viewport: "desktop" },
  { lang: "en", viewport: "desktop" },
];

describe.each(VARIANTS)("dashboard ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);
  const number = (value: number) => new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID").format(value);

  it("draws the agency's figures as SVG charts with text alternatives", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: LEADER_BINJAI.nip, password: DEMO_PASSWORD }, "/ide");
    await expectPath(page, "/ide");
    await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.dashboard"))).click();
    await expectPath(page, "/dasbor");
    await page.getByRole("heading", { level: 1, name: t("dashboard.title") }).waitFor();
    await expectTitle(page, `${t("dashboard.title")} · Gagas`);
    const data = await dashboardOf(page);

    const stats = page.locator(".stats");
    await stats.waitFor();
    expect(await stats.innerText()).toContain(number(data.participation.asnTotal));
    expect(await stats.innerText()).toContain(number(data.funnel.submitted));

    const funnel = await chart(page, t("dashboard.funnelTitle"));
    for (const step of ["submitted", "in_review", "shortlisted", "approved", "implemented", "rejected"] as const) {
      expect(funnel.summary).toContain(`${t(`funnel.${step}`)} ${number(data.funnel[step])}`);
    }
    // one bar per step, drawn to scale
    expect(await funnel.image.locator("rect.chart-bar").count()).toBe(6);

    const months = await chart(page, t("dashboard.monthsTitle"));
    expect(data.ideasPerMonth).toHaveLength(12);
    const busiest = data.ideasPerMonth.reduce((a, b) => (b.count > a.count ? b : a));
    expect(months.summary).toContain(number(busiest.count));
    expect(await months.image.locator("rect.chart-bar").count()).toBe(
      data.ideasPerMonth.filter((m) => m.count > 0).length,
    );

    const categories = await chart(page, t("dashboard.categoriesTitle"));
    for (const c of data.ideasPerCategory) expect(categories.summary).toContain(`${c.category} ${number(c.count)}`);
    const units = await chart(page, t("dashboard.unitsTitle"));
    for (const u of data.ideasPerUnit) expect(units.summary).toContain(`${u.unitName} ${number(u.count)}`);
    await chart(page, t("dashboard.participationTitle"));

    // the same numbers as a table, on request
    await funnel.figure.getByText(t("chart.showData"), { exact: true }).click();
    const table = funnel.figure.getByRole("table", { name: t("dashboard.funnelTitle") });
    await table.waitFor();
    expect(await table.getByRole("row", { name: new RegExp(`^${t("funnel.submitted")}`) }).innerText()).toContain(
      number(data.funnel.submitted),
    );
    await expectNoAxeViolations(page);

    // narrowed to the KIPP competition: the address and the figures follow
    const scope = page.getByLabel(t("dashboard.scope"), { exact: true });
    await scope.selectOption({ label: "Kompetisi Inovasi Pelayanan Publik 2026" });
    await page.waitForURL((url) => url.searchParams.has("kampanye"));
    const campaignId = new URL(page.url()).searchParams.get("kampanye")!;
    const narrowed = await dashboardOf(page, `?campaignId=${campaignId}`);
    await expect
      .poll(async () => (await chart(page, t("dashboard.funnelTitle"))).summary)
      .toContain(`${t("funnel.submitted")} ${number(narrowed.funnel.submitted)}`);
    await expectNoAxeViolations(page);
  });
});

describe("dashboard for everyone else", () => {
  it("tells an ASN it is for leaders and admins", async () => {
    const t = textIn("id");
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: "199611032020121001", password: DEMO_PASSWORD }, "/dasbor");
    await expectPath(page, "/dasbor");
    await page.getByText(t("dashboard.forbidden"), { exact: true }).waitFor();
    // and the navigation does not offer it
    const nav = page.getByRole("navigation", { name: t("a11y.mainNav") });
    await nav.getByRole("button", { name: t("nav.menu"), exact: true }).click();
    await nav.getByRole("link", { name: t("nav.ideas"), exact: true }).waitFor();
    expect(await nav.getByRole("link", { name: t("nav.dashboard"), exact: true }).count()).toBe(0);
  });
});
