// Small pictures drawn inside nodes: a person's initials, a site's house, a sprint team's star,
// the "no entry" badge of an office whose stance is compliance. Colours come from the vocabulary;
// the pictures' marks (on a 24×24 grid) are the core's (map/rules.generated.ts), the ones paper
// draws. What is the canvas's own is the badge: a white disc ringed in the colour that a picture
// is set in where it straddles a node's outline.
//
// The window's content security policy lets the canvas draw only data: images. In the real window
// each picture is rasterised once to a PNG: Cytoscape redraws node pictures on every frame, and an
// SVG picture is re-rendered each time it is drawn, which made big maps crawl. Where no canvas can
// draw (unit tests), the same marks become an SVG.

import { RULES } from "./rules.generated";

type Mark =
  | { d: string; fill?: string; stroke?: string; width?: number; scale?: number }
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
    ctx.save();
    if (mark.scale !== undefined) {
      ctx.translate(GRID / 2, GRID / 2);
      ctx.scale(mark.scale, mark.scale);
      ctx.translate(-GRID / 2, -GRID / 2);
    }
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
    ctx.restore();
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
          `stroke-width="${mark.width ?? 1}" stroke-linejoin="round" stroke-linecap="round"` +
          (mark.scale === undefined ? "" : ` transform="translate(12 12) scale(${mark.scale}) translate(-12 -12)"`) +
          `/>`,
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
/** How much of the badge a picture set in it takes. */
const IN_BADGE = 0.68;

type GlyphName = (typeof RULES.glyphs)[number]["glyph"];

/** The core's picture `name` in `color`, set in a badge where the core says the canvas should. */
function corePicture(name: GlyphName, color: string): string {
  return picture(`${name}:${color}`, () => {
    const glyph = RULES.glyphs.find((g) => g.glyph === name);
    if (!glyph) return [];
    const ink = (which: "colour" | "white" | null) => (which === null ? undefined : which === "white" ? "#FFFFFF" : color);
    const marks: Mark[] = glyph.marks.map((m) => ({
      d: m.d,
      fill: ink(m.fill),
      stroke: ink(m.stroke),
      width: m.width,
      ...(glyph.in_badge ? { scale: IN_BADGE } : {}),
    }));
    return glyph.in_badge ? [{ d: DISC, fill: "#FFFFFF", stroke: color, width: 1.5 }, ...marks] : marks;
  });
}

/** Initials centred in a square picture; the circle itself is the node's own shape. */
export function personGlyph(initials: string, color: string): string {
  return picture(`person:${initials}:${color}`, () => [{ text: initials, fill: color, size: 9.75 }]);
}

/** A house: a site is a place where students are. */
export function siteGlyph(color: string): string {
  return corePicture("site", color);
}

/** A star, for a sprint team that holds others (a group cannot be star-shaped). */
export function starGlyph(color: string): string {
  return corePicture("star", color);
}

/** A "no entry" sign: an office whose stance is compliance, granting or withholding permission. */
export function complianceGlyph(color: string): string {
  return corePicture("compliance", color);
}
