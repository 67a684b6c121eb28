/**
 * The SMTP submission server and the sender, from the Worker's configuration: `SMTP_HOST`,
 * `SMTP_PORT`, `SMTP_USER`, `SMTP_FROM`, `SMTP_FROM_NAME`, `SMTP_STARTTLS` and `PUBLIC_ORIGIN`
 * (wrangler.toml `[vars]`) and the `SMTP_PASSWORD` secret. No host: nothing is sent and the
 * outbox keeps its messages until one is configured.
 */
export type MailConfig = {
  host: string;
  port: number;
  startTls: boolean;
  user?: string;
  password?: string;
  from: string;
  fromName: string;
  /** Where links in messages point (never taken from a request's Host header). */
  origin: string;
};

type MailVars = {
  SMTP_HOST?: string;
  SMTP_PORT?: string;
  SMTP_USER?: string;
  SMTP_PASSWORD?: string;
  SMTP_FROM?: string;
  SMTP_FROM_NAME?: string;
  SMTP_STARTTLS?: string;
  PUBLIC_ORIGIN?: string;
};

/** @returns null when no SMTP host is configured */
export function mailConfigOf(env: unknown): MailConfig | null {
  const vars = env as MailVars;
  if (!vars.SMTP_HOST) return null;
  return {
    host: vars.SMTP_HOST,
    port: Number(vars.SMTP_PORT ?? "587") || 587,
    startTls: vars.SMTP_STARTTLS === "1" || vars.SMTP_STARTTLS === "true",
    ...(vars.SMTP_USER ? { user: vars.SMTP_USER, password: vars.SMTP_PASSWORD ?? "" } : {}),
    from: vars.SMTP_FROM ?? "noreply@gagas.local",
    fromName: vars.SMTP_FROM_NAME ?? "Gagas",
    origin: publicOriginOf(env),
  };
}

/** The address people reach the app at, for links in messages. */
export function publicOriginOf(env: unknown): string {
  return ((env as MailVars).PUBLIC_ORIGIN ?? "http://localhost:8787").replace(/\/+$/, "");
}
