import type { Page } from "playwright-core";

/**
 * A small emblem for a test agency, drawn by the browser: a shield in the agency's colours with its
 * initials. A PNG like the ones agencies upload, made without a file in the repository.
 */
export async function drawEmblem(page: Page, initials: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((text) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 128;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#0b6e3a";
    ctx.beginPath();
    ctx.moveTo(64, 4);
    ctx.lineTo(120, 22);
    ctx.lineTo(112, 84);
    ctx.quadraticCurveTo(96, 112, 64, 124);
    ctx.quadraticCurveTo(32, 112, 16, 84);
    ctx.lineTo(8, 22);
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = "#f2b544";
    ctx.lineWidth = 6;
    ctx.stroke();
    ctx.fillStyle = "#ffffff";
    ctx.font = "bold 34px sans-serif";
    ctx.textAlign = "center";
    ctx.fillText(text, 64, 76);
    return canvas.toDataURL("image/png");
  }, initials);
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}
