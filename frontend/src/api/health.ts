import { api } from "./client";

/**
 * Whether the service and its database answer. Both the 200 and the 503 carry a Health body,
 * so this reads either; only a problem or no answer throws.
 */
export async function getHealth() {
  const response = await api.api.v1.health.$get();
  return response.json();
}

export type Health = Awaited<ReturnType<typeof getHealth>>;
