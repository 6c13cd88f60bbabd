// Puts the nodes of the current view where they belong: at their saved positions when the view has
// them, else where this window last laid the view out, else where a fresh layout (computed in the
// worker) puts them. Elements that are new to a positioned view go beside their neighbours.
// Moves animate, so a viewer can follow a node from one view or layout to the next.
import type { CollectionArgument, Core, ElementDefinition, NodeCollection, NodeSingular } from "cytoscape";
import type { View } from "../map/types";
import type { Positions } from "../layout/compute";
import { requestLayout } from "../layout/requestLayout";

const FIT_PADDING = 56;
const ANIMATION_MS = 650;

type Arrangement = { positions: Positions; laidOut: boolean };

/**
 * Decides where every childless node goes. `saved` are the view's stored placements; `remembered`
 * is this window's last layout of the view (used only when nothing is saved).
 */
export async function arrangementFor(
  cy: Core,
  view: View,
  definitions: ElementDefinition[],
  saved: Map<string, { x: number; y: number }>,
  remembered: Positions | undefined,
): Promise<Arrangement> {
  const leaves = cy.nodes().filter((n) => n.isChildless());
  const ids = leaves.map((n) => n.id());
  const placedIds = ids.filter((id) => saved.has(id));
  if (placedIds.length > 0) {
    const positions: Positions = Object.fromEntries(placedIds.map((id) => [id, saved.get(id)!]));
    placeNewcomers(leaves.filter((n) => !saved.has(n.id())), positions);
    return { positions, laidOut: false };
  }
  if (remembered && ids.every((id) => id in remembered)) return { positions: remembered, laidOut: false };
  return { positions: await requestLayout(view, definitions), laidOut: true };
}

/**
 * Where the nodes a change touched go; every other node stays where it is. `placed` are touched
 * nodes with a saved position in the view; `newcomers` those without one (new, or their position
 * cleared), which go beside their neighbours among the view's `saved` placements as they would in
 * `arrangementFor`. Null when newcomers arrive in a view with no saved placements: then the whole
 * view is arranged as `arrangementFor` does (a fresh layout).
 */
export function arrangementOfChange(
  cy: Core,
  placed: Positions,
  newcomers: NodeCollection,
  saved: () => Map<string, { x: number; y: number }>,
): Positions | null {
  if (newcomers.empty()) return placed;
  const positions: Positions = {};
  for (const [id, at] of saved()) {
    const node = cy.getElementById(id);
    if (node.nonempty() && node.isChildless()) positions[id] = at;
  }
  if (Object.keys(positions).length === 0) return null;
  placeNewcomers(newcomers, positions);
  return { ...placed, ...Object.fromEntries(newcomers.map((n) => [n.id(), positions[n.id()]])) };
}

/**
 * Beside the average of its already-placed neighbours, else of its placed siblings in a group,
 * else in a row under the map. Linear in the map's size: big maps arrive with many unplaced groups.
 */
function placeNewcomers(newcomers: NodeCollection, positions: Positions): void {
  const placed = Object.values(positions);
  const bottom = placed.reduce((b, p) => Math.max(b, p.y), 0);
  const left = placed.reduce((l, p) => Math.min(l, p.x), Infinity);
  const right = placed.reduce((r, p) => Math.max(r, p.x), -Infinity);
  // Those with nothing placed near them go in rows under the map, no wider than the map itself.
  const perRow = Number.isFinite(left) ? Math.max(1, Math.floor((right - left) / NEWCOMER_SPACING) + 1) : 8;
  let count = 0;
  newcomers.forEach((node: NodeSingular) => {
    const near = (n: NodeSingular) => n.id() in positions;
    let known = node.neighborhood("node").filter(near).map((n) => positions[n.id()]);
    if (known.length === 0 && node.isChild()) known = node.siblings().filter(near).map((n) => positions[n.id()]);
    const centre = average(known);
    const slot = count++;
    positions[node.id()] = centre
      ? { x: centre.x + 70, y: centre.y + 50 }
      : {
          x: (Number.isFinite(left) ? left : 0) + NEWCOMER_SPACING * (slot % perRow),
          y: bottom + NEWCOMER_SPACING * (1 + Math.floor(slot / perRow)),
        };
  });
}

const NEWCOMER_SPACING = 160;

function average(points: { x: number; y: number }[]): { x: number; y: number } | null {
  if (points.length === 0) return null;
  const sum = points.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/** Beyond this many moving nodes, moves are instant: animating them would cost more than it shows. */
const MAX_ANIMATED = 1500;

/**
 * Moves childless nodes to `positions` (only those not already there); `fit` also frames the
 * whole map. Resolves when done.
 */
export function applyArrangement(
  cy: Core,
  positions: Positions,
  { animate, fit }: { animate: boolean; fit: boolean },
): Promise<void> {
  // Looked up by id: after an edit only a few nodes are named, and the map may hold thousands.
  const moving = cy.collection(
    Object.entries(positions).flatMap(([id, to]) => {
      const n = cy.getElementById(id);
      if (n.empty() || !n.isNode() || !n.isChildless()) return [];
      const at = n.position();
      return Math.abs(at.x - to.x) > 0.5 || Math.abs(at.y - to.y) > 0.5 ? [n] : [];
    }) as unknown as CollectionArgument,
  );
  if (moving.empty() || !animate || moving.length > MAX_ANIMATED) {
    // In one batch: one redraw and one update of the groups' bounds, not one per node.
    cy.batch(() => {
      moving.positions((node: NodeSingular) => positions[node.id()]);
    });
    if (fit) frameAll(cy, false);
    return Promise.resolve();
  }
  const layout = moving.layout({
    name: "preset",
    positions: (node: NodeSingular) => positions[node.id()],
    animate: true,
    animationDuration: ANIMATION_MS,
    animationEasing: "ease-in-out-cubic",
    fit: false,
  } as never);
  const done = new Promise<void>((resolve) => layout.one("layoutstop", () => resolve()));
  if (fit) {
    layout.one("layoutstop", () => frameAll(cy, true));
  }
  layout.run();
  return done;
}

/** Room for the titles that sit above groups, which the frame leaves out of its measure. */
const TITLE_ROOM = 28;

/**
 * Zooms and pans so the whole map (or just `nodes`) fits the canvas. Measured without labels:
 * measuring every label of a big map costs seconds, and only the group titles above the top row
 * can stick out.
 */
export function frameAll(cy: Core, animate: boolean, nodes: NodeCollection = cy.nodes(":visible")): void {
  if (nodes.empty()) return;
  frameBox(cy, nodes.boundingBox({ includeLabels: false, includeOverlays: false }), animate);
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/** Zooms and pans so a box of model coordinates fills the canvas (less the padding). */
function frameBox(cy: Core, box: Box, animate: boolean): void {
  const [w, h] = [box.x2 - box.x1, box.y2 - box.y1];
  const width = Math.max(cy.width() - 2 * FIT_PADDING, 1);
  const height = Math.max(cy.height() - 2 * FIT_PADDING - TITLE_ROOM, 1);
  const zoom = Math.min(Math.max(Math.min(width / Math.max(w, 1), height / Math.max(h, 1)), cy.minZoom()), 1.5, cy.maxZoom());
  const pan = {
    x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom,
    y: (cy.height() + TITLE_ROOM) / 2 - ((box.y1 + box.y2) / 2) * zoom,
  };
  if (animate) cy.animate({ zoom, pan, duration: 350, easing: "ease-in-out-cubic" });
  else cy.viewport({ zoom, pan });
}

/**
 * Before a map's first drawing, frames where its saved positions lie, so that everything about
 * the first drawing that depends on the zoom (the level of detail) is right from the start: a
 * big map is then styled once, not once at zoom 1 and again when framed. The exact frame follows
 * once the elements are in (groups and node sizes widen the box a little).
 */
export function frameSavedPositions(cy: Core, definitions: ElementDefinition[]): void {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { position } of definitions) {
    if (!position) continue;
    box.x1 = Math.min(box.x1, position.x);
    box.y1 = Math.min(box.y1, position.y);
    box.x2 = Math.max(box.x2, position.x);
    box.y2 = Math.max(box.y2, position.y);
  }
  if (Number.isFinite(box.x1)) frameBox(cy, box, false);
}

/** Where every childless node is now: what a layout produced, ready to remember or save. */
export function currentPositions(cy: Core): Positions {
  const positions: Positions = {};
  cy.nodes()
    .filter((n) => n.isChildless())
    .forEach((node) => {
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x), y: Math.round(y) };
    });
  return positions;
}
