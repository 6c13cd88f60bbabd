// Where keyboard navigation goes on the canvas: Tab through elements in reading order (rows from
// top to bottom, each left to right) and the arrow keys to the nearest neighbour that way. Pure
// functions over positions, so the choice is tested without a canvas.
type Point = { x: number; y: number };

export type Direction = "up" | "down" | "left" | "right";

/** Centres closer than this vertically read as one row (model units; about half a node). */
const ROW_TOLERANCE = 30;

/** The ids in reading order: by rows from the top, each row left to right. */
export function readingOrder(positions: Record<string, Point>): string[] {
  const byHeight = Object.entries(positions).sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
  const rows: [string, Point][][] = [];
  for (const entry of byHeight) {
    const row = rows[rows.length - 1];
    if (row && entry[1].y - row[0][1].y <= ROW_TOLERANCE) row.push(entry);
    else rows.push([entry]);
  }
  return rows.flatMap((row) => row.sort(([, a], [, b]) => a.x - b.x).map(([id]) => id));
}

/** The id after (or before, with `step` -1) `from` in reading order; null past either end. */
export function stepInReadingOrder(positions: Record<string, Point>, from: string | null, step: 1 | -1): string | null {
  const order = readingOrder(positions);
  if (order.length === 0) return null;
  if (from === null || !order.includes(from)) return step === 1 ? order[0] : order[order.length - 1];
  return order[order.indexOf(from) + step] ?? null;
}

const AXES: Record<Direction, Point> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/**
 * The nearest element from `from` in `direction`: ahead of it along that axis, preferring those
 * within 45° of the axis, and among them the closest with sideways distance counting double.
 */
export function neighbourIn(positions: Record<string, Point>, from: string, direction: Direction): string | null {
  const origin = positions[from];
  if (!origin) return null;
  const axis = AXES[direction];
  let best: { id: string; score: number; inCone: boolean } | null = null;
  for (const [id, p] of Object.entries(positions)) {
    if (id === from) continue;
    const dx = p.x - origin.x;
    const dy = p.y - origin.y;
    const along = dx * axis.x + dy * axis.y;
    if (along <= 0) continue;
    const across = Math.abs(dx * axis.y - dy * axis.x);
    const inCone = across <= along;
    const score = along + 2 * across;
    if (!best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score)) best = { id, score, inCone };
  }
  return best?.id ?? null;
}
