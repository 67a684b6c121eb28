/**
 * The half of the layout guard that runs inside the page. Its source is injected into every document
 * of a guarded context (`installLayoutGuard.toString()`), so it may use nothing from this module but
 * its own body and the options it is given.
 */

/** How a control looks when no stylesheet touched it: Chromium's user-agent font and border. */
export type ControlLook = { fontFamily: string; border: string };

export type LayoutGuardOptions = {
  /** the browser's own look per control kind (`button`, `select`, `textarea`, `input:<type>`, `input:file::button`) */
  defaults: Record<string, ControlLook>;
  /** WCAG 2.2 target size (2.5.8 AA), in CSS px */
  minTarget: number;
  /** what the project asks of primary actions (`.button`), in CSS px */
  primaryTarget: number;
  /** how long the page must sit still before it is checked, in ms */
  quietMs: number;
  /** the name of the binding the page reports through */
  binding: string;
};

/** One thing wrong on a page: the element (with its text) and what is wrong with it. */
export type LayoutProblem = { element: string; problem: string };

/**
 * Watches the page: each time it has sat still for `quietMs` it checks the layout and reports what it
 * found through `window[binding]`; `window.__gagasLayoutCheck()` checks at once and returns the findings.
 * Only pages of the SPA (with `#app`) are checked.
 */
export function installLayoutGuard(options: LayoutGuardOptions): void {
  const INTERACTIVE = [
    "a[href]",
    "button",
    "input:not([type=hidden])",
    "select",
    "textarea",
    "summary",
    "[role=button]",
    "[role=link]",
    "[role=checkbox]",
    "[role=radio]",
    "[role=tab]",
    "[role=switch]",
    "[tabindex]:not([tabindex='-1'])",
  ].join(",");
  const CONTROLS = "button, input:not([type=hidden]), select, textarea";
  const CLIPPING = new Set(["auto", "scroll", "hidden", "clip"]);

  const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
  const selectorOf = (el: Element) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : "") +
    [...el.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join("");
  const nameOf = (el: Element) => {
    const input = el as HTMLInputElement;
    const label = "labels" in input && input.labels?.length ? input.labels[0]!.innerText : "";
    return squash(el.getAttribute("aria-label") || label || (el as HTMLElement).innerText || input.value).slice(0, 50);
  };
  const describe = (el: Element) => {
    const parent = el.parentElement && el.parentElement !== document.body ? `${selectorOf(el.parentElement)} > ` : "";
    const name = nameOf(el);
    return `${parent}${selectorOf(el)}${name ? ` "${name}"` : ""}`;
  };
  const looksOf = (style: CSSStyleDeclaration): ControlLook => ({
    fontFamily: style.fontFamily,
    border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
  });
  const isRendered = (el: Element, style: CSSStyleDeclaration) => {
    const box = el.getBoundingClientRect();
    // 1 × 1 px is the visually-hidden pattern: not a target anyone sees
    return box.width > 1 && box.height > 1 && style.visibility === "visible" && !el.closest("[inert]");
  };
  /** WCAG 2.5.8's inline exception: a link within a sentence is as tall as the line it sits in. */
  const isLinkInText = (el: Element, style: CSSStyleDeclaration) => {
    if (el.tagName !== "A" || style.display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return squash(block?.innerText).length > squash((el as HTMLElement).innerText).length;
  };

  const sizeProblems = (el: Element, style: CSSStyleDeclaration): string[] => {
    if (isLinkInText(el, style)) return [];
    const box = el.getBoundingClientRect();
    const [width, height] = [Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10];
    const found: string[] = [];
    if (width < options.minTarget || height < options.minTarget)
      found.push(`target ${width}×${height} px, under ${options.minTarget}×${options.minTarget} px`);
    else if (el.classList.contains("button") && height < options.primaryTarget)
      found.push(`primary action ${height} px tall, under ${options.primaryTarget} px`);
    return found;
  };

  const lookProblems = (el: Element, style: CSSStyleDeclaration): string[] => {
    // an invisible control over a styled box (a score's radio): the box is what shows
    if (style.opacity === "0") return [];
    const type = el instanceof HTMLInputElement ? el.type : "";
    if (type === "checkbox" || type === "radio")
      return style.accentColor === "auto" && style.appearance !== "none" ? ["browser-default look (accent-color)"] : [];
    const key = type === "file" ? "input:file::button" : type ? `input:${type}` : el.tagName.toLowerCase();
    const own = looksOf(type === "file" ? getComputedStyle(el, "::file-selector-button") : style);
    const browser = options.defaults[key];
    if (!browser) return [];
    const found: string[] = [];
    if (own.fontFamily === browser.fontFamily) found.push(`browser-default font (${own.fontFamily})`);
    if (own.border === browser.border) found.push(`browser-default border (${own.border})`);
    return found;
  };

  const overflowProblems = (): LayoutProblem[] => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width + 1) return [];
    const outermost: Element[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (el.getBoundingClientRect().right + window.scrollX <= width + 1) continue;
      if (outermost.some((o) => o.contains(el))) continue;
      let clipped = false;
      for (let up = el.parentElement; up && up !== document.body && !clipped; up = up.parentElement)
        clipped = CLIPPING.has(getComputedStyle(up).overflowX);
      if (!clipped) outermost.push(el);
    }
    return [
      {
        element: outermost.slice(0, 3).map(describe).join(", ") || "html",
        problem: `the page is ${root.scrollWidth} px wide on a ${width} px screen (horizontal overflow)`,
      },
    ];
  };

  const check = (): LayoutProblem[] => {
    if (!document.getElementById("app")) return [];
    const found = overflowProblems();
    for (const el of document.querySelectorAll(INTERACTIVE)) {
      const style = getComputedStyle(el);
      if (!isRendered(el, style)) continue;
      const problems = [...sizeProblems(el, style), ...(el.matches(CONTROLS) ? lookProblems(el, style) : [])];
      if (problems.length) found.push({ element: describe(el), problem: problems.join("; ") });
    }
    return found;
  };

  const page = () => location.pathname + location.search;
  const scope = window as unknown as Record<string, unknown>;
  scope.__gagasLayoutCheck = () => ({ page: page(), found: check() });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    const found = check();
    const send = scope[options.binding] as ((json: string) => Promise<void>) | undefined;
    if (found.length && send) void send(JSON.stringify({ page: page(), found }));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(report, options.quietMs);
  };
  new MutationObserver(schedule).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  addEventListener("resize", schedule);
}
