/**
 * A real SMTP server on loopback that keeps every message it receives: what `npm start`, the
 * browser tests and the Worker tests send Gagas's e-mail to. Messages are parsed with mailparser,
 * kept in memory (and written as `.eml` files to `dir` when given) and listed over HTTP:
 *
 * - `GET /` — a page listing the caught mail, newest first, each readable as text;
 * - `GET /messages` — the same as JSON (`to`, `subject`, `text`, `html`, `messageId`, …);
 * - `DELETE /messages` — forget them;
 * - `POST /fail?count=N&code=451` — refuse the next N messages after DATA (to test retries);
 * - `POST /hangup?count=N` — drop the connection at the next N messages' DATA instead of answering.
 *
 * @example const sink = await startMailSink({ smtpPort: 2525, httpPort: 8025 }); … await sink.stop();
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  id: number;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  user: string | null;
};

export type MailSink = {
  smtpPort: number;
  httpUrl: string;
  messages: CaughtMail[];
  stop: () => Promise<void>;
};

type SinkOptions = {
  /** 0: any free port */
  smtpPort?: number;
  httpPort?: number;
  /** where to write each message as `<n>.eml` */
  dir?: string;
  /** when set, AUTH must give exactly these; otherwise any credentials (or none) are accepted */
  credentials?: { user: string; password: string };
};

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(messages: CaughtMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<article><h2>${escape(m.subject)}</h2><p><b>To:</b> ${escape(m.to)} · <b>At:</b> ${escape(m.receivedAt)} · <code>${escape(m.messageId)}</code></p><pre>${escape(m.text)}</pre></article>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Gagas — caught mail</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style>
<h1>Caught mail (${messages.length})</h1><p>Everything Gagas sent while running locally; nothing left this machine.</p>${rows || "<p>No mail yet.</p>"}</html>`;
}

export async function startMailSink(options: SinkOptions = {}): Promise<MailSink> {
  const messages: CaughtMail[] = [];
  let failNext = 0;
  let failCode = 451;
  let hangupNext = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: true,
    logger: false,
    banner: "Gagas mail sink",
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && (auth.username !== expected.user || auth.password !== expected.password)) {
        callback(new Error("Invalid username or password"));
        return;
      }
      callback(null, { user: auth.username ?? "" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (hangupNext > 0) {
          hangupNext--;
          // the connection drops before the server says whether it took the message
          for (const socket of sockets) socket.destroy();
          return;
        }
        if (failNext > 0) {
          failNext--;
          const error = new Error("Try again later") as Error & { responseCode: number };
          error.responseCode = failCode;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          const id = messages.length + 1;
          const headers: Record<string, string> = {};
          // the raw lines: mailparser folds List-* and address headers into objects
          for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(":") + 1).trim();
          messages.push({
            id,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: parsed.from?.text ?? "",
            to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? ""),
            subject: parsed.subject ?? "",
            messageId: parsed.messageId ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
            user: typeof session.user === "string" ? session.user : null,
          });
          if (options.dir) writeFileSync(path.join(options.dir, `${String(id).padStart(5, "0")}.eml`), raw);
          callback();
        }, callback);
      });
    },
  });
  // smtp-server has no way to drop a connection from onData: keep the sockets to destroy them (/hangup)
  const sockets = new Set<Socket>();
  smtp.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, "127.0.0.1", () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    if (req.method === "GET" && url.pathname === "/messages") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
    } else if (req.method === "DELETE" && url.pathname === "/messages") {
      messages.length = 0;
      res.writeHead(204).end();
    } else if (req.method === "POST" && url.pathname === "/fail") {
      failNext = Number(url.searchParams.get("count") ?? "1");
      failCode = Number(url.searchParams.get("code") ?? "451");
      res.writeHead(204).end();
    } else if (req.method === "POST" && url.pathname === "/hangup") {
      hangupNext = Number(url.searchParams.get("count") ?? "1");
      res.writeHead(204).end();
    } else if (req.method === "GET" && url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(messages));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => http.listen(options.httpPort ?? 0, "127.0.0.1", () => resolve()));
  const httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    smtpPort,
    httpUrl,
    messages,
    stop: () =>
      new Promise<void>((resolve) => {
        http.close(() => smtp.close(() => resolve()));
      }),
  };
}
