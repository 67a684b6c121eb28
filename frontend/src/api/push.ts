import { api } from "./client";
import { readJson } from "./read-json";

const push = api.api.v1.push;

/** The VAPID public key to subscribe with, or null when this deployment sends no push. */
export async function getPushConfig(): Promise<string | null> {
  return (await readJson(await push.config.$get())).publicKey;
}

/** My browsers that receive push. */
export async function listPushSubscriptions() {
  return (await readJson(await push.subscriptions.$get())).items;
}

export type SavedPushSubscription = Awaited<ReturnType<typeof listPushSubscriptions>>[number];

/** Tells the server this browser's subscription (`PushSubscription.toJSON()`). */
export async function savePushSubscription(subscription: PushSubscriptionJSON) {
  const { endpoint, keys } = subscription;
  return readJson(
    await push.subscriptions.$put({
      json: { endpoint: endpoint ?? "", keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" } },
    }),
  );
}

export async function deletePushSubscription(id: number): Promise<void> {
  const res = await push.subscriptions[":id"].$delete({ param: { id: String(id) } });
  if (!res.ok) await readJson(res as never);
}
