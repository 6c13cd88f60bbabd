// Small pictures drawn inside nodes, as SVG data URLs (the only kind of image the window's content
// security policy lets the canvas draw): a person's initials, a site's house, the gate that marks an
// office with a compliance stance. Colours come from the vocabulary; shapes are fixed here.

const cache = new Map<string, string>();

function svgUrl(key: string, svg: () => string): string {
  let url = cache.get(key);
  if (url === undefined) {
    url = `data:image/svg+xml;utf8,${encodeURIComponent(svg())}`;
    cache.set(key, url);
  }
  return url;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Initials centred in a square image; the circle itself is the node's own shape. */
export function personGlyph(initials: string, color: string): string {
  return svgUrl(`person:${initials}:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<text x="32" y="33" text-anchor="middle" dominant-baseline="central" ` +
    `font-family="Source Sans 3, Source Sans Pro, DejaVu Sans, sans-serif" font-weight="600" ` +
    `font-size="26" fill="${color}">${escapeXml(initials)}</text></svg>`,
  );
}

/** A house: a site is a place where students are. */
export function siteGlyph(color: string): string {
  return svgUrl(`site:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<path d="M3 11 L12 3.5 L21 11 M5.5 9 V20.5 H18.5 V9" fill="none" stroke="${color}" ` +
    `stroke-width="2.2" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<rect x="10" y="14" width="4" height="6.5" fill="${color}"/></svg>`,
  );
}

/** A gate with a bar across it: an office that mostly grants or withholds permission. */
export function complianceGlyph(color: string): string {
  return svgUrl(`compliance:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="10.5" fill="${color}"/>` +
    `<rect x="5.5" y="10.2" width="13" height="3.6" rx="1" fill="#FFFFFF"/></svg>`,
  );
}

/** A star in the corner of a sprint team that holds others (a group cannot be star-shaped). */
export function starGlyph(color: string): string {
  return svgUrl(`star:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<path d="M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z" ` +
    `fill="${color}"/></svg>`,
  );
}
