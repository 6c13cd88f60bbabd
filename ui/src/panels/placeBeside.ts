// Where the relation chooser goes: beside the line just drawn, not over either end of it. Opened at
// the drop point, it covered the target (and the line), so the user chose a kind without seeing
// what they were connecting. A card placed here stays inside the window, clear of both elements
// and of the line between them, and as close to the line's middle as that allows.

export type Rect = { left: number; top: number; width: number; height: number };
export type Point = { x: number; y: number };

/** Air kept between the card and the two elements. */
const CLEARANCE = 12;
/** Card positions are tried on a grid of this pitch (pixels). */
const STEP = 8;

/**
 * The top-left corner for a `card` (width × height) inside `bounds`: clear of `source` and
 * `target` and of the line between their centres, nearest the line's middle. Failing that, clear
 * of the two elements only; failing that, null.
 */
export function placeBeside(source: Rect, target: Rect, card: { width: number; height: number }, bounds: Rect): Point | null {
  const a = centre(source);
  const b = centre(target);
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const ends = [grow(source, CLEARANCE), grow(target, CLEARANCE)];
  const candidates: { at: Point; distance: number; crossesLine: boolean }[] = [];
  for (let left = bounds.left; left + card.width <= bounds.left + bounds.width; left += STEP) {
    for (let top = bounds.top; top + card.height <= bounds.top + bounds.height; top += STEP) {
      const rect = { left, top, width: card.width, height: card.height };
      if (ends.some((end) => overlaps(rect, end))) continue;
      candidates.push({ at: { x: left, y: top }, distance: distanceTo(rect, middle), crossesLine: crosses(grow(rect, CLEARANCE / 2), a, b) });
    }
  }
  const nearest = (list: typeof candidates) => list.reduce<(typeof candidates)[number] | null>((best, c) => (!best || c.distance < best.distance ? c : best), null);
  return (nearest(candidates.filter((c) => !c.crossesLine)) ?? nearest(candidates))?.at ?? null;
}

function centre(r: Rect): Point {
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

function grow(r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

function overlaps(p: Rect, q: Rect): boolean {
  return p.left < q.left + q.width && q.left < p.left + p.width && p.top < q.top + q.height && q.top < p.top + p.height;
}

/** How far the rectangle's nearest point is from `p` (0 inside). */
function distanceTo(r: Rect, p: Point): number {
  const dx = Math.max(r.left - p.x, 0, p.x - (r.left + r.width));
  const dy = Math.max(r.top - p.y, 0, p.y - (r.top + r.height));
  return Math.hypot(dx, dy);
}

/** Whether the segment from `a` to `b` passes through the rectangle (Liang–Barsky clipping). */
export function crosses(r: Rect, a: Point, b: Point): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.left],
    [dx, r.left + r.width - a.x],
    [-dy, a.y - r.top],
    [dy, r.top + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
