/**
 * Lighthouse (its node API) on Debian's Chromium, launched by chrome-launcher with the flags of
 * DESIGN.md §8: the default configuration, i.e. a mobile phone with simulated slow 4G and a 4× slower
 * CPU. Each page is measured several times and the median run reported, as Lighthouse advises.
 */
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import type { Result } from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.ts";

/** chrome-launcher starts Chromium itself: headless is one more flag. */
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
} as const;

export type LighthouseFigures = {
  url: string;
  /** 0–100, of the median run */
  performance: number;
  accessibility: number;
  /** the performance score of every run, for the spread */
  runs: number[];
  /** displayed values of the median run: "1.2 s", "60 ms", "0" */
  metrics: Record<keyof typeof METRICS, string>;
  /** accessibility audits that failed, by id */
  failedAccessibility: string[];
  warnings: string[];
};

export type LighthouseSession = {
  audit: (url: string, options?: { cookie?: string; runs?: number }) => Promise<LighthouseFigures>;
  close: () => Promise<void>;
};

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/**
 * Starts one Chromium for a series of audits.
 * @example const lh = await startLighthouse(); const figures = await lh.audit(url, { cookie }); await lh.close();
 */
export async function startLighthouse(): Promise<LighthouseSession> {
  const chrome: LaunchedChrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  async function audit(url: string, { cookie, runs = 3 }: { cookie?: string; runs?: number } = {}) {
    const lhrs: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
      lhrs.push(result.lhr);
    }
    const median = computeMedianRun(lhrs);
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, median.audits[id]?.displayValue ?? "?"]),
    ) as LighthouseFigures["metrics"];
    const accessibilityRefs: { id: string; weight: number }[] = median.categories.accessibility?.auditRefs ?? [];
    return {
      url,
      performance: score(median, "performance"),
      accessibility: score(median, "accessibility"),
      runs: lhrs.map((lhr) => score(lhr, "performance")),
      metrics,
      failedAccessibility: accessibilityRefs
        .filter((ref) => ref.weight > 0 && (median.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id),
      warnings: median.runWarnings,
    };
  }
  return { audit, close: async () => chrome.kill() };
}
