/**
 * Draws the PNG icons of the web app manifest from the Gagas mark (frontend/public/favicon.svg)
 * with Debian's Chromium, into frontend/public/icons/. The PNGs are committed: the build and the
 * app never fetch or draw them at run time. Run again after the mark changes.
 *
 * Run: node scripts/make-icons.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "./lib/chromium.ts";

const root = path.join(import.meta.dirname, "..");
const out = path.join(root, "frontend", "public", "icons");
const mark = readFileSync(path.join(root, "frontend", "public", "favicon.svg"), "utf8");

// Maskable: the platform crops to its own shape, so the background fills the square and the bulb
// stays inside the safe zone (the central circle of 80 % of the width).
const maskable = mark
  .replace(
    '<rect width="32" height="32" rx="8" fill="#0b4f5c"/>',
    '<rect width="32" height="32" fill="#0b4f5c"/><g transform="translate(16 16) scale(0.72) translate(-16 -16.5)">',
  )
  .replace("</svg>", "</g></svg>");

const ICONS = [
  { file: "icon-192.png", size: 192, svg: mark },
  { file: "icon-512.png", size: 512, svg: mark },
  { file: "icon-maskable-512.png", size: 512, svg: maskable },
] as const;

const browser = await launchChromium();
try {
  for (const { file, size, svg } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    await page.screenshot({ path: path.join(out, file), omitBackground: true });
    await page.close();
    console.log(`wrote ${path.relative(root, path.join(out, file))}`);
  }
} finally {
  await browser.close();
}
