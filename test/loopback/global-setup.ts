/**
 * Worker tests: the loopback push service and webhook receiver (./receiver.ts) run in Node beside
 * workerd for the whole run; tests reach it at `inject("loopbackOrigin")`.
 */
import type { TestProject } from "vitest/node";
import { startReceiver } from "./receiver.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the loopback push service and webhook receiver */
    loopbackOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const { origin, server } = await startReceiver();
  project.provide("loopbackOrigin", origin);
  return async function teardown() {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
}
