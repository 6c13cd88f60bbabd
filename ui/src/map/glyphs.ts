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

/** A house in a round badge: a site is a place where students are. */
export function siteGlyph(color: string): string {
  return svgUrl(`site:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="#FFFFFF" stroke="${color}" stroke-width="1.5"/>` +
    `<path d="M6 12 L12 6.5 L18 12 M7.8 10.6 V17.5 H16.2 V10.6" fill="none" stroke="${color}" ` +
    `stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<rect x="10.8" y="13.5" width="2.4" height="4" fill="${color}"/></svg>`,
  );
}

/** A "no entry" badge: an office whose stance is compliance, granting or withholding permission. */
export function complianceGlyph(color: string): string {
  return svgUrl(`compliance:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="${color}" stroke="#FFFFFF" stroke-width="1.5"/>` +
    `<rect x="5.5" y="10.2" width="13" height="3.6" rx="1" fill="#FFFFFF"/></svg>`,
  );
}

/** A star in a round badge, for a sprint team that holds others (a group cannot be star-shaped). */
export function starGlyph(color: string): string {
  return svgUrl(`star:${color}`, () =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="#FFFFFF" stroke="${color}" stroke-width="1.5"/>` +
    `<path d="M12 4.5 L14 9.2 L19 9.6 L15.2 12.9 L16.4 17.8 L12 15.2 L7.6 17.8 L8.8 12.9 L5 9.6 L10 9.2 Z" ` +
    `fill="${color}"/></svg>`,
  );
}
