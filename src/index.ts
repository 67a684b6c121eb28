import { createApp, type App } from "./app";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;

/** The typed contract shared with the SPA (`hc<AppType>`). */
export type AppType = App;
