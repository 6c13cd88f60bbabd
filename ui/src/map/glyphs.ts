// Small pictures drawn inside nodes: a person's initials, a site's house, a sprint team's star,
// the "no entry" badge of an office whose stance is compliance. Colours come from the vocabulary;
// shapes are fixed here, each described once as marks on a 24×24 grid.
//
// The window's content security policy lets the canvas draw only data: images. In the real window
// each picture is rasterised once to a PNG: Cytoscape redraws node pictures on every frame, and an
// SVG picture is re-rendered each time it is drawn, which made big maps crawl. Where no canvas can
// draw (unit tests), the same marks become an SVG.

type Mark =
  | { d: string; fill?: string; stroke?: string; width?: number }
  | { text: string; fill: string; size: number };

const GRID = 24;
/** Pixel size of the rasterised pictures: sharp at the zooms where badges and initials show. */
const RASTER = 64;
const FONT = `"Source Sans 3", "Source Sans Pro", "DejaVu Sans", sans-serif`;

const cache = new Map<string, string>();

function picture(key: string, marks: () => Mark[]): string {
  let url = cache.get(key);
  if (url === undefined) {
    url = rasterised(marks()) ?? svg(marks());
    cache.set(key, url);
  }
  return url;
}

function rasterised(marks: Mark[]): string | null {
  // OffscreenCanvas marks a real browser canvas (jsdom has neither it nor a 2D context).
  if (typeof document === "undefined" || typeof OffscreenCanvas === "undefined") return null;
  const canvas = document.createElement("canvas");
  canvas.width = RASTER;
  canvas.height = RASTER;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.scale(RASTER / GRID, RASTER / GRID);
  for (const mark of marks) {
    if ("text" in mark) {
      ctx.fillStyle = mark.fill;
      ctx.font = `600 ${mark.size}px ${FONT}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(mark.text, GRID / 2, GRID / 2 + 0.5);
      continue;
    }
    const path = new Path2D(mark.d);
    if (mark.fill) {
      ctx.fillStyle = mark.fill;
      ctx.fill(path);
    }
    if (mark.stroke) {
      ctx.strokeStyle = mark.stroke;
      ctx.lineWidth = mark.width ?? 1;
      ctx.lineJoin = "round";
      ctx.lineCap = "round";
      ctx.stroke(path);
    }
  }
  return canvas.toDataURL("image/png");
}

function svg(marks: Mark[]): string {
  const body = marks
    .map((mark) =>
      "text" in mark
        ? `<text x="12" y="12.5" text-anchor="middle" dominant-baseline="central" font-family='${FONT}' ` +
          `font-weight="600" font-size="${mark.size}" fill="${mark.fill}">${escapeXml(mark.text)}</text>`
        : `<path d="${mark.d}" fill="${mark.fill ?? "none"}" stroke="${mark.stroke ?? "none"}" ` +
          `stroke-width="${mark.width ?? 1}" stroke-linejoin="round" stroke-linecap="round"/>`,
    )
    .join("");
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${RASTER}" height="${RASTER}" viewBox="0 0 ${GRID} ${GRID}">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(markup)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round badge: a white disc with a ring of the kind's colour. */
const DISC = "M12 1 A11 11 0 1 1 11.99 1 Z";

/** Initials centred in a square picture; the circle itself is the node's own shape. */
export function personGlyph(initials: string, color: string): string {
  return picture(`person:${initials}:${color}`, () => [{ text: initials, fill: color, size: 9.75 }]);
}

/** A house in a round badge: a site is a place where students are. */
export function siteGlyph(color: string): string {
  return picture(`site:${color}`, () => [
    { d: DISC, fill: "#FFFFFF", stroke: color, width: 1.5 },
    { d: "M6 12 L12 6.5 L18 12 M7.8 10.6 V17.5 H16.2 V10.6", stroke: color, width: 1.8 },
    { d: "M10.8 13.5 H13.2 V17.5 H10.8 Z", fill: color },
  ]);
}

/** A star in a round badge, for a sprint team that holds others (a group cannot be star-shaped). */
export function starGlyph(color: string): string {
  return picture(`star:${color}`, () => [
    { d: DISC, fill: "#FFFFFF", stroke: color, width: 1.5 },
    { d: "M12 4.5 L14 9.2 L19 9.6 L15.2 12.9 L16.4 17.8 L12 15.2 L7.6 17.8 L8.8 12.9 L5 9.6 L10 9.2 Z", fill: color },
  ]);
}

/** A "no entry" badge: an office whose stance is compliance, granting or withholding permission. */
export function complianceGlyph(color: string): string {
  return picture(`compliance:${color}`, () => [
    { d: DISC, fill: color, stroke: "#FFFFFF", width: 1.5 },
    { d: "M6.5 10.2 H17.5 V13.8 H6.5 Z", fill: "#FFFFFF" },
  ]);
}
