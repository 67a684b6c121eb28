/**
 * HTML built on the server (the printable dossier) with user text always escaped: {@link html}
 * escapes every interpolated value unless it is already {@link SafeHtml} (made by `html` itself),
 * so markup can only come from the template literals of this code.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text as HTML text or attribute value: `& < > " '` become entities, nothing else changes.
 * @example escapeHtml('<script>alert("x")</script>') // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Markup that is safe to insert as is: only {@link html} makes it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value as string | number));
}

/**
 * A tagged template: literal parts are markup, interpolations are escaped text (arrays are joined,
 * `null`/`undefined`/`false` render nothing, nested `html` stays markup).
 * @example html`<h1>${title}</h1>${items.map((i) => html`<li>${i}</li>`)}`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
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
  return new SafeHtml(blocks.map((b) => `<p>${b.split("\n").map(escapeHtml).join("<br>")}</p>`).join(""));
}
