import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env";
import { validationError, type FieldError } from "./problem";

/**
 * zod issues → one problem `errors[]` entry per bad field. A custom check names its own stable
 * code in `params.code` (e.g. `nip.birth_date`); other issues keep zod's (`invalid_type`, …).
 */
export function toFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
    code: issue.code === "custom" && typeof issue.params?.code === "string" ? issue.params.code : issue.code,
  }));
}

/**
 * A feature router. Validation failures never reach a handler: the one `defaultHook` throws
 * a 422 with an `errors[]` entry per bad field, which `onError` renders as problem+json.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) throw validationError(toFieldErrors(result.error, result.target));
    },
  });
}

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
