import { api, signalled } from "./client";
import { readJson } from "./read-json";

const personal = api.api.v1["api-tokens"];
const service = api.api.v1["service-tokens"];

/** Whose tokens a page manages: my personal ones, or the agency's service tokens (admin). */
export type TokenKind = "personal" | "service";

/** The live tokens of that kind, and what a new one may carry. */
export async function listTokens(kind: TokenKind, signal?: AbortSignal) {
  const init = signalled(signal);
  return readJson(await (kind === "personal" ? personal.$get(undefined, init) : service.$get(undefined, init)));
}

export type TokenList = Awaited<ReturnType<typeof listTokens>>;
export type ApiToken = TokenList["items"][number];
export type ApiScope = TokenList["grantableScopes"][number];
export type ServiceScope = Parameters<typeof service.$post>[0]["json"]["scopes"][number];

/**
 * Makes a token; the answer carries its secret, this once.
 * @throws ApiProblem 422 `token.scope_not_permitted`, 409 `token.limit_reached`
 */
export async function createToken(kind: TokenKind, input: { name: string; scopes: ApiScope[]; expiresInDays: number }) {
  if (kind === "personal") return readJson(await personal.$post({ json: input }));
  return readJson(await service.$post({ json: { ...input, scopes: input.scopes as ServiceScope[] } }));
}

export async function revokeToken(kind: TokenKind, id: number): Promise<void> {
  const target = kind === "personal" ? personal : service;
  const res = await target[":id"].$delete({ param: { id: String(id) } });
  if (!res.ok) await readJson(res as never);
}
