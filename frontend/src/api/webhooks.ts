import { api, signalled } from "./client";
import { readJson } from "./read-json";

const webhooks = api.api.v1.webhooks;

/** The agency's webhooks with how their deliveries stand. */
export async function listWebhooks(signal?: AbortSignal) {
  return (await readJson(await webhooks.$get(undefined, signalled(signal)))).items;
}

export type Webhook = Awaited<ReturnType<typeof listWebhooks>>[number];
export type WebhookKind = Webhook["kinds"][number];

/** Registers a webhook; the answer carries its signing secret, this once. @throws ApiProblem 422 `webhook.url_not_https` */
export async function createWebhook(input: { name: string; url: string; kinds: WebhookKind[] }) {
  return readJson(await webhooks.$post({ json: input }));
}

export async function deleteWebhook(id: number): Promise<void> {
  const res = await webhooks[":id"].$delete({ param: { id: String(id) } });
  if (!res.ok) await readJson(res as never);
}

/** A page of a webhook's delivery log, newest first. */
export async function listWebhookDeliveries(id: number, cursor?: string, signal?: AbortSignal) {
  return readJson(
    await webhooks[":id"].deliveries.$get(
      { param: { id: String(id) }, query: cursor ? { cursor } : {} },
      signalled(signal),
    ),
  );
}

export type WebhookDelivery = Awaited<ReturnType<typeof listWebhookDeliveries>>["items"][number];
