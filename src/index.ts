import { createApp, type App } from "./app";
import { runScheduledJobs } from "./jobs/scheduler";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runScheduledJobs(env, controller.scheduledTime).then((report) =>
        console.log(JSON.stringify({ msg: "scheduler", ...report })),
      ),
    );
  },
} satisfies ExportedHandler<Env>;

/** The typed contract shared with the SPA (`hc<AppType>`). */
export type AppType = App;
