import { API_SCOPES, requiredScope, TOKEN_PREFIX } from "../domain/api-scopes";
import { SESSION_COOKIE } from "./session-cookie";

type Operation = { responses?: Record<string, unknown>; security?: Record<string, string[]>[] };
type Document = {
  paths?: object;
  components?: object & { securitySchemes?: object };
};

const METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);

export const SECURITY_SCHEMES = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The browser's session after `POST /api/v1/auth/login` (state-changing requests also need a same-origin `Origin`).",
  },
  bearerToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: `${TOKEN_PREFIX}…`,
    description: `A personal or service API token (docs/api-tokens.md): \`Authorization: Bearer ${TOKEN_PREFIX}…\`. Each operation names the one scope it needs (${API_SCOPES.map((s) => `\`${s}\``).join(", ")}); an operation that lists no bearer scope is for the browser only (signing in, passwords, tokens). 401 \`token.unknown\` / \`token.expired\` / \`token.revoked\` / \`token.account_inactive\` / \`token.malformed\`; 403 \`token.scope_missing.<scope>\` or \`token.browser_only\`. A personal token never goes beyond its person's own permissions.`,
  },
} as const;

/**
 * Declares how each operation of the document is authenticated: the session cookie, and the API
 * token's scope from the one rule the token middleware enforces (domain/api-scopes). An operation
 * that answers no 401 may also be called anonymously (`{}`).
 * @example app.get("/api/openapi.json", (c) => c.json(withSecurity(app.getOpenAPI31Document(config))))
 */
export function withSecurity<D extends Document>(doc: D): D {
  doc.components = { ...doc.components, securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES } };
  for (const [path, operations] of Object.entries(doc.paths ?? {}) as [string, object][]) {
    for (const [method, value] of Object.entries(operations)) {
      if (!METHODS.has(method) || !path.startsWith("/api/v1/")) continue;
      const operation = value as Operation;
      const anonymous = !Object.hasOwn(operation.responses ?? {}, "401");
      const need = requiredScope(method, path.slice("/api/v1".length));
      const ways: Record<string, string[]>[] =
        need.kind === "public"
          ? [{}]
          : need.kind === "browser_only"
            ? [{ session: [] }]
            : [{ session: [] }, { bearerToken: [need.scope] }];
      operation.security = anonymous && need.kind !== "public" ? [{}, ...ways] : ways;
    }
  }
  return doc;
}
