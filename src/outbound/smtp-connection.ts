/**
 * A small SMTP submission client over Workers TCP sockets (`connect()` from `cloudflare:sockets`):
 * EHLO, STARTTLS when asked for, AUTH PLAIN or LOGIN, then per message MAIL FROM, RCPT TO and DATA
 * with dot-stuffing, and QUIT. Every reply is awaited with a timeout and a closed connection is an
 * error at once, so a server that hangs up or stalls never keeps the scheduler busy (the reason
 * this is not `worker-mailer`: see docs/notifications.md).
 */
import { connect } from "cloudflare:sockets";

export type SmtpOptions = {
  host: string;
  port: number;
  /** Upgrade with STARTTLS after EHLO (required for a server beyond loopback). */
  startTls: boolean;
  user?: string;
  password?: string;
  /** The name we greet with (EHLO). */
  helo: string;
  timeoutMs?: number;
};

/** A reply the server gave, or the connection failing; `permanent` for a 5xx reply. */
export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

type Reply = { code: number; lines: string[] };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Reads the server's multi-line replies off a byte stream. */
class ReplyReader {
  private buffer = "";
  private done = false;
  constructor(private reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(timeoutMs: number): Promise<Reply> {
    const lines: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const newline = this.buffer.indexOf("\r\n");
      if (newline >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 2);
        lines.push(line.slice(4));
        // "250-…" continues, "250 …" ends the reply
        if (line[3] !== "-") return { code: Number(line.slice(0, 3)) || 0, lines };
        continue;
      }
      if (this.done) throw new SmtpError("connection closed by the server", 0, false);
      const chunk = await withTimeout(this.reader.read(), deadline - Date.now());
      if (chunk.done) this.done = true;
      else this.buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SmtpError("timed out waiting for the server", 0, false)), Math.max(ms, 0));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lines starting with "." get a second one (RFC 5321 §4.5.2); the body ends with CRLF.CRLF. */
export function dotStuff(message: string): string {
  const crlf = message.replace(/\r?\n/g, "\r\n");
  return crlf.replace(/^\./gm, "..") + (crlf.endsWith("\r\n") ? "" : "\r\n") + ".\r\n";
}

/**
 * An open, greeted and authenticated session; send messages with {@link SmtpSession.send}, end with `close`.
 * @example
 * const smtp = await SmtpSession.open({ host: "127.0.0.1", port: 2525, startTls: false, helo: "gagas" });
 * await smtp.send("noreply@gagas.id", "dewi@binjaikota.go.id", raw);
 * await smtp.close();
 */
export class SmtpSession {
  private writer: WritableStreamDefaultWriter<Uint8Array>;
  private reader: ReadableStreamDefaultReader<Uint8Array>;
  private replies: ReplyReader;
  private timeoutMs: number;

  private constructor(
    private socket: Socket,
    timeoutMs: number,
  ) {
    this.writer = socket.writable.getWriter();
    this.reader = socket.readable.getReader();
    this.replies = new ReplyReader(this.reader);
    this.timeoutMs = timeoutMs;
  }

  static async open(options: SmtpOptions): Promise<SmtpSession> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const socket = connect(
      { hostname: options.host, port: options.port },
      { secureTransport: options.startTls ? "starttls" : "off", allowHalfOpen: false },
    );
    let session = new SmtpSession(socket, timeoutMs);
    try {
      await session.expect(await session.replies.next(timeoutMs), 220, "greeting");
      let ehlo = await session.command(`EHLO ${options.helo}`, 250);
      if (options.startTls) {
        await session.command("STARTTLS", 220);
        session.writer.releaseLock();
        session.reader.releaseLock();
        session = new SmtpSession(socket.startTls(), timeoutMs);
        ehlo = await session.command(`EHLO ${options.helo}`, 250);
      }
      if (options.user) await session.authenticate(ehlo, options.user, options.password ?? "");
      return session;
    } catch (error) {
      session.abort();
      throw error;
    }
  }

  private async authenticate(ehlo: Reply, user: string, password: string) {
    const auth = ehlo.lines.find((l) => l.toUpperCase().startsWith("AUTH")) ?? "";
    if (/\bPLAIN\b/i.test(auth)) {
      await this.command(`AUTH PLAIN ${base64(`\0${user}\0${password}`)}`, 235);
    } else if (/\bLOGIN\b/i.test(auth)) {
      await this.command("AUTH LOGIN", 334);
      await this.command(base64(user), 334);
      await this.command(base64(password), 235);
    } else {
      throw new SmtpError("the server offers neither AUTH PLAIN nor AUTH LOGIN", 0, true);
    }
  }

  /** Sends one message; resolves once the server accepted it (250 after DATA). */
  async send(from: string, to: string, raw: string): Promise<void> {
    await this.command(`MAIL FROM:<${from}>`, 250);
    await this.command(`RCPT TO:<${to}>`, 250, 251);
    await this.command("DATA", 354);
    await this.write(dotStuff(raw));
    await this.expect(await this.replies.next(this.timeoutMs * 2), 250, "DATA");
  }

  /** Forgets a refused message's envelope, so the next one can go on this connection. */
  async reset(): Promise<void> {
    await this.command("RSET", 250);
  }

  async close(): Promise<void> {
    try {
      await this.command("QUIT", 221);
    } catch {
      // the messages are already accepted: a server that hangs up on QUIT changes nothing
    } finally {
      this.abort();
    }
  }

  /** Drops the connection without a goodbye (after a timeout or a broken connection). */
  abort() {
    this.socket.close().catch(() => undefined);
  }

  private async command(line: string, ...ok: number[]): Promise<Reply> {
    await this.write(`${line}\r\n`);
    return this.expect(await this.replies.next(this.timeoutMs), ok, line.split(" ")[0]!);
  }

  private async write(text: string) {
    await withTimeout(this.writer.write(encoder.encode(text)), this.timeoutMs);
  }

  private async expect(reply: Reply, ok: number | number[], step: string): Promise<Reply> {
    if ((Array.isArray(ok) ? ok : [ok]).includes(reply.code)) return reply;
    throw new SmtpError(`${step}: ${reply.code} ${reply.lines.join(" ")}`.slice(0, 300), reply.code, reply.code >= 500);
  }
}

function base64(text: string): string {
  let s = "";
  for (const b of encoder.encode(text)) s += String.fromCharCode(b);
  return btoa(s);
}
