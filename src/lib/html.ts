/**
 * HTML built on the server (the printable dossier) with user text always escaped, on Hono's own
 * `html` helper (`hono/html`): every interpolated value is escaped unless it is already
 * {@link SafeHtml} (made by `html` itself), so markup can only come from the template literals of
 * this code. Only the synchronous use is allowed: a Promise among the values is refused.
 */
import { html as honoHtml, raw } from "hono/html";
import { escapeToBuffer, type HtmlEscapedString } from "hono/utils/html";

/** Markup that is safe to insert as is: only {@link html} (and {@link paragraphs}) make it. */
export type SafeHtml = HtmlEscapedString;

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/**
 * Text as HTML text or attribute value: `& < > " '` become entities, nothing else changes.
 * @example escapeHtml('<script>alert("x")</script>') // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  const buffer: [string] = [""];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

/**
 * A tagged template: literal parts are markup, interpolations are escaped text (arrays are joined,
 * `null`/`undefined`/`false` render nothing, nested `html` stays markup).
 * @example html`<h1>${title}</h1>${items.map((i) => html`<li>${i}</li>`)}`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError("html: the dossier's markup is synchronous");
  return out;
}

/**
 * Plain text as paragraphs: a blank line starts a new `<p>`, a single line break is a `<br>`.
 * @example paragraphs("Satu\n\nDua\ntiga") // <p>Satu</p><p>Dua<br>tiga</p>
 */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return raw(blocks.map((b) => `<p>${b.split("\n").map(escapeHtml).join("<br>")}</p>`).join(""));
}
