import { expect } from "vitest";

/**
 * Runs the Cron Trigger's work once, as Cloudflare does every minute: `wrangler dev` serves it at
 * `/cdn-cgi/handler/scheduled` (its `/__scheduled` needs `--test-scheduled` and, with static
 * assets in front, never reaches the Worker). The handler finishes in `waitUntil`, so callers wait
 * for its effect rather than for this answer.
 * @param baseUrl the test server, `inject("baseUrl")`
 */
export async function runScheduler(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`);
  expect(response.status).toBe(200);
}
