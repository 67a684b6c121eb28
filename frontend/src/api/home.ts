import { api, signalled } from "./client";
import { readJson } from "./read-json";

/** What waits for me by role, the running campaigns, my points and the agency's recognition: one request. */
export async function getHome(signal?: AbortSignal) {
  return readJson(await api.api.v1.me.home.$get(undefined, signalled(signal)));
}
export type Home = Awaited<ReturnType<typeof getHome>>;
export type HomeTodo = Home["todo"];
export type HomeFeedEntry = Home["feed"][number];
