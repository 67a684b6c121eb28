/**
 * The API's operations as its OpenAPI document lists them, and which one a request the browser made
 * is. The shared browser helper (`browser.ts`) writes every `/api` request the SPA makes to the run's
 * call log; `api-coverage.test.ts` reads it back at the end of the run.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { z } from "@hono/zod-openapi";

/** `GET /api/v1/ideas/{id}`: the method and the path template, as the document spells them. */
export type OperationId = string;

type Operation = { id: OperationId; method: string; pattern: RegExp; parameters: number };

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** The operations of the document `/api/openapi.json` serves, most specific path first. */
export async function loadOperations(baseUrl: string): Promise<Operation[]> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/openapi.json: ${res.status}`);
  const doc = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }).parse(await res.json());
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("");
    for (const method of METHODS) {
      if (!item[method]) continue;
      operations.push({
        id: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        parameters: template.split("{").length - 1,
      });
    }
  }
  // `/ideas/similar` before `/ideas/{id}`: a fixed segment wins over a parameter
  return operations.sort((a, b) => a.parameters - b.parameters);
}

/** The operation a request is, or undefined when the document has none for it. */
export function operationOf(operations: Operation[], method: string, pathname: string): OperationId | undefined {
  return operations.find((op) => op.method === method && op.pattern.test(pathname))?.id;
}

const written = new Set<string>();

/**
 * Appends `METHOD /path` to the run's call log, once per test file and line.
 * @param log the file (`inject("apiCallLog")`), shared by every e2e file of the run
 */
export function recordApiCall(log: string, method: string, pathname: string): void {
  const line = `${method} ${pathname}`;
  if (written.has(line)) return;
  written.add(line);
  appendFileSync(log, `${line}\n`);
}

/** The calls the log holds: `{ method, pathname }`, each once. */
export function readApiCalls(log: string): { method: string; pathname: string }[] {
  if (!existsSync(log)) return [];
  const lines = new Set(readFileSync(log, "utf8").split("\n").filter(Boolean));
  return [...lines].map((line) => {
    const [method, pathname] = line.split(" ", 2) as [string, string];
    return { method, pathname };
  });
}
