/**
 * A real OpenID Connect provider (`oidc-provider`) on loopback: the agency's identity provider as
 * the Worker tests, the browser tests and `npm start` meet it (docs/sign-in-oidc.md).
 *
 * - Accounts: any 18-digit NIP as the user name, with the password {@link IDP_PASSWORD}; its ID
 *   token carries the claim `nip` (scope `profile`). The user name `tanpa-nip` signs in without one.
 * - Clients (secret {@link IDP_CLIENT_SECRET}, client_secret_basic, PKCE required; `gagas-demo` is public):
 *   `gagas` is honest; for `gagas-forged-signature` the token endpoint's ID token is re-signed by a
 *   key that is not the provider's (same `kid`); for `gagas-wrong-audience` it is signed by the
 *   provider's own key but issued to another client. Real attacks, for the tests that refuse them.
 * - The login page is its own (in Indonesian), consent is implied.
 *
 * @example const idp = await startLoopbackIdp({ redirectUris: ["https://gagas.test/masuk/oidc"] }); … await idp.stop();
 */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import Provider from "oidc-provider";
import { IDP_CLIENT_SECRET, IDP_CLIENTS, IDP_PASSWORD, IDP_USER_WITHOUT_NIP } from "./loopback-idp-accounts.ts";

export { IDP_CLIENT_SECRET, IDP_CLIENTS, IDP_PASSWORD, IDP_USER_WITHOUT_NIP };

export type LoopbackIdp = { issuer: string; stop: () => Promise<void> };

type Options = {
  /** the redirect URIs every client accepts (`<PUBLIC_ORIGIN>/masuk/oidc`) */
  redirectUris: string[];
  /** a fixed port (npm start); default: one the OS picks */
  port?: number;
  /** display names for some NIPs (the demo's) */
  names?: Record<string, string>;
};

const KID = "loopback-idp-1";
const b64u = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(createSign("RSA-SHA256").update(input).sign(key))}`;
}

/** The attacks of the two test clients, applied to the token endpoint's answer. */
function tamper(idToken: string, real: KeyObject, attacker: KeyObject): string {
  const [header, payload] = idToken
    .split(".")
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
  if (payload.aud === IDP_CLIENTS.forgedSignature) return signJwt(header, payload, attacker);
  if (payload.aud === IDP_CLIENTS.wrongAudience) return signJwt(header, { ...payload, aud: "another-client" }, real);
  return idToken;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function loginPage(uid: string, error: string | null, username = ""): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>SSO Instansi (uji)</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#eef2f6;color:#1b2733}
main{max-width:22rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}
h1{font-size:1.3rem;margin:0 0 .25rem}p{margin:.25rem 0 1rem;color:#44515e}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;box-sizing:border-box;font:inherit;font-size:1rem;padding:.6rem;border:1px solid #8a96a3;border-radius:4px}
button{margin-top:1.25rem;width:100%;font:inherit;font-size:1rem;padding:.7rem;border:0;border-radius:4px;background:#0b5cad;color:#fff}
.error{color:#a4161a;font-weight:600}</style></head><body><main>
<h1>SSO Instansi</h1><p>Penyedia identitas uji di loopback. Nama pengguna: NIP Anda.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Nama pengguna (NIP)</label><input id="username" name="username" autocomplete="username" value="${escapeHtml(username)}" required>
<label for="password">Kata sandi</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Masuk</button></form></main></body></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const isAccount = (username: string) => /^\d{18}$/.test(username) || username === IDP_USER_WITHOUT_NIP;

export async function startLoopbackIdp({ redirectUris, port = 0, names = {} }: Options): Promise<LoopbackIdp> {
  const real = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const sockets = new Set<Socket>();
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: Object.values(IDP_CLIENTS).map((clientId) => ({
      client_id: clientId,
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      ...(clientId === IDP_CLIENTS.demo
        ? { token_endpoint_auth_method: "none" }
        : { client_secret: IDP_CLIENT_SECRET, token_endpoint_auth_method: "client_secret_basic" }),
    })),
    jwks: { keys: [{ ...real.privateKey.export({ format: "jwk" }), kid: KID, alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], profile: ["name", "nip"] },
    // the scope's claims in the ID token itself, as most government IdPs are set up
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) =>
      isAccount(id)
        ? {
            accountId: id,
            claims: async () => ({
              sub: `pegawai-${id}`,
              name: names[id] ?? `Pegawai ${id}`,
              ...(id === IDP_USER_WITHOUT_NIP ? {} : { nip: id }),
            }),
          }
        : undefined,
    // consent is implied: the agency's own people signing in to the agency's own tool
    loadExistingGrant: async (ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string; grantIdFor(id: string): string | undefined };
        params: { scope?: string };
        result?: { consent?: { grantId?: string } };
        provider: Provider;
      };
    }) => {
      const { client, session, params, result, provider: op } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await op.Grant.find(grantId) : undefined;
      const grant = existing ?? new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(params.scope ?? "openid");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && typeof body?.id_token === "string") {
      ctx.body = { ...body, id_token: tamper(body.id_token, real.privateKey, attacker.privateKey) };
    }
  });

  const callback = provider.callback();
  handle = (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return callback(req, res);
    void interact(req, res, match[1]!, Boolean(match[2])).catch((error: unknown) => {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`Interaksi gagal: ${String(error)}`);
    });
  };

  async function interact(req: IncomingMessage, res: ServerResponse, uid: string, submitted: boolean) {
    const details = await provider.interactionDetails(req, res);
    const html = (status: number, page: string) =>
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(page);
    if (!submitted || req.method !== "POST") return html(200, loginPage(details.uid ?? uid, null));
    const form = await formOf(req);
    const username = (form.get("username") ?? "").trim();
    if (!isAccount(username) || form.get("password") !== IDP_PASSWORD) {
      return html(200, loginPage(uid, "Nama pengguna atau kata sandi salah.", username));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: username } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close").catch(() => undefined);
    },
  };
}
