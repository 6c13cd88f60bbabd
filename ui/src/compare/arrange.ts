// Where the compare canvases put each element. One arrangement of the union of both scenarios,
// made once per comparison, so the overlay and the two side-by-side canvases put every shared
// element in the same place: the core's saved network positions first, then the places this
// compare view used before (so adopting a change moves nothing), then those the window's own map
// canvas shows now; only when most of the union is unplaced a fresh layout (the map canvas's, in
// the worker). An element that moved between groups stands beside its new siblings (in the
// overlay and on the right) and beside its old ones on the left: kept where it was, it would
// stretch its new group across the map.
import cytoscape, { type ElementDefinition } from "cytoscape";
import type { Positions } from "../layout/compute";
import { arrangementFor } from "../canvas/arrange";
import { freeSpot, type Box } from "../canvas/freeSpot";
import { MOVED_ARROW } from "./marks";
import type { Comparison } from "./types";

type Known = Positions | Map<string, { x: number; y: number }> | null;
type Moved = Comparison["overlay"]["moved"];
type Point = { x: number; y: number };

/** Room between a moved element and the sibling it is put beside. */
const BESIDE = 110;

/** `to`: where the overlay and the right-hand canvas put each element; `from`: the left-hand canvas. */
export async function arrangeUnion(definitions: ElementDefinition[], moved: Moved, ...known: Known[]): Promise<{ to: Positions; from: Positions }> {
  const movers = new Set(moved.map((m) => m.element));
  const saved = new Map<string, Point>();
  // Later sources only fill what earlier ones left out; a mover's old place is no guide.
  for (const source of known) {
    if (!source) continue;
    const entries = source instanceof Map ? [...source] : Object.entries(source);
    for (const [id, at] of entries) if (!saved.has(id) && !movers.has(id)) saved.set(id, at);
  }
  const mapOnly = definitions.filter((d) => !String(d.data.id).startsWith(MOVED_ARROW));
  const headless = cytoscape({ headless: true, styleEnabled: false, elements: mapOnly });
  const leaves = headless.nodes().filter((n) => n.isChildless());
  const placed = leaves.filter((n) => saved.has(n.id())).length;
  // Mostly unplaced: a fresh layout reads better than most elements put beside a few.
  const usable = placed * 2 >= leaves.length ? saved : new Map<string, Point>();
  const childrenOf = (group: string) => headless.getElementById(group).children().map((n) => n.id());
  const besideNew = spotsBeside(moved.map((m) => ({ id: m.element, group: m.to_group })), childrenOf, usable, movers);
  for (const [id, at] of besideNew) usable.set(id, at);
  const { positions } = await arrangementFor(headless, "network", mapOnly, usable, undefined);
  if (usable.size > 0) clearNewcomers(headless, positions, usable);
  headless.destroy();
  const besideOld = spotsBeside(moved.map((m) => ({ id: m.element, group: m.from_group })), childrenOf, new Map(Object.entries(positions)), movers);
  return { to: positions, from: { ...positions, ...Object.fromEntries(besideOld) } };
}

/**
 * An element only the later scenario has is put beside its neighbours, often where they crowd
 * (a new hub sits among everything it links): a top-level newcomer moves to the nearest spot
 * where it covers no element and no group.
 */
function clearNewcomers(cy: cytoscape.Core, positions: Positions, placed: Map<string, Point>): void {
  const boxOf = (id: string, w: number, h: number): Box => {
    const at = positions[id];
    return { x1: at.x - w / 2, y1: at.y - h / 2, x2: at.x + w / 2, y2: at.y + h / 2 };
  };
  const sizeOf = (n: cytoscape.NodeSingular) => ({ w: Number(n.data("layoutW") || n.data("w") || 80), h: Number(n.data("layoutH") || n.data("h") || 60) });
  const leaves = cy.nodes().filter((n) => n.isChildless() && positions[n.id()] !== undefined) as cytoscape.NodeCollection;
  const newcomers = leaves.filter((n) => !placed.has(n.id()) && n.isOrphan()) as cytoscape.NodeCollection;
  if (newcomers.empty()) return;
  const taken: Box[] = leaves.filter((n) => placed.has(n.id())).map((n) => boxOf(n.id(), sizeOf(n as cytoscape.NodeSingular).w, sizeOf(n as cytoscape.NodeSingular).h));
  // A group's area: its placed children's extent, with room for its title.
  cy.nodes().filter((n) => n.isParent()).forEach((group) => {
    const inside = group.descendants().filter((n) => n.isChildless() && placed.has(n.id())) as cytoscape.NodeCollection;
    if (inside.empty()) return;
    const boxes = inside.map((n) => boxOf(n.id(), sizeOf(n).w, sizeOf(n).h));
    taken.push({ x1: Math.min(...boxes.map((b) => b.x1)) - 20, y1: Math.min(...boxes.map((b) => b.y1)) - 50, x2: Math.max(...boxes.map((b) => b.x2)) + 20, y2: Math.max(...boxes.map((b) => b.y2)) + 20 });
  });
  newcomers.forEach((n) => {
    const size = sizeOf(n);
    const spot = freeSpot(positions[n.id()], size, taken, { step: 40, reach: 800 });
    if (!spot) return;
    positions[n.id()] = spot;
    taken.push(boxOf(n.id(), size.w, size.h));
  });
}

/** For each mover, a place right of the rightmost placed sibling in `group` (one below the other when several). */
export function spotsBeside(
  movers: { id: string; group: string }[],
  childrenOf: (group: string) => string[],
  placed: Map<string, Point>,
  skip: Set<string>,
): Map<string, Point> {
  const spots = new Map<string, Point>();
  const taken = new Map<string, number>();
  for (const { id, group } of movers) {
    const siblings = childrenOf(group).filter((s) => !skip.has(s) && placed.has(s)).map((s) => placed.get(s)!);
    if (siblings.length === 0) continue;
    const rightmost = siblings.reduce((a, b) => (b.x > a.x ? b : a));
    const n = taken.get(group) ?? 0;
    taken.set(group, n + 1);
    spots.set(id, { x: rightmost.x + BESIDE, y: rightmost.y + n * BESIDE });
  }
  return spots;
}
