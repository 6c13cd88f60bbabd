// Where a new element goes: the nearest free spot to where the user is looking (the pointer, else
// the middle of the view), so that it never lands on top of an element or inside a group's area
// and the newcomer does not have to drag it clear before naming or connecting it.
//
// The search is a pure function over boxes (`freeSpot`), tested on its own; `spotForNew` reads
// the boxes off the canvas. Adding with a group selected puts the new element inside that group
// (useEditCommands), so then that group's area (and the groups around it) count as free, the
// search starts inside it and keeps to it while it has room; every other group is in the way.
// An element selected that holds nothing yet is in the way too: the newcomer goes beside it.
import type { Core, NodeSingular } from "cytoscape";
import { holdsOthers } from "../map/rules";

export type Point = { x: number; y: number };
export type Box = { x1: number; y1: number; x2: number; y2: number };

/** About the size of a new element with its label ("New office", a star and its name below). */
export const NEW_ELEMENT_SIZE = { w: 130, h: 64 };
/** Air left between the new element and its neighbours, in model pixels. */
const GAP = 24;
/** Room for a group's title, which sits above its area. */
const GROUP_TITLE_ROOM = 30;
/** Candidate spots per side of the view: fine enough to find gaps, coarse enough to be cheap. */
const STEPS_ACROSS = 80;

export type SpotOptions = {
  /** Centres are tried on a grid of this pitch around `start` (model pixels). */
  step: number;
  /** Room left around the new element (model pixels). */
  gap?: number;
  /** The new element must lie inside this box (e.g. the visible view), when given. */
  within?: Box;
  /** How far from `start` to look at most (model pixels). */
  reach: number;
};

/**
 * The point nearest `start` where a `size` box (plus `gap` all round) overlaps none of `taken`
 * and lies inside `within`; `start` itself when it is free. Null when there is no such point
 * within `reach`.
 */
export function freeSpot(start: Point, size: { w: number; h: number }, taken: Box[], options: SpotOptions): Point | null {
  const { step, reach, within } = options;
  const gap = options.gap ?? GAP;
  const halfW = size.w / 2 + gap;
  const halfH = size.h / 2 + gap;
  // Only what the search could touch matters: a big map has thousands of boxes far away.
  const near = taken.filter((b) => b.x2 > start.x - reach - halfW && b.x1 < start.x + reach + halfW && b.y2 > start.y - reach - halfH && b.y1 < start.y + reach + halfH);
  const fits = (p: Point) => {
    if (within && (p.x - size.w / 2 < within.x1 || p.x + size.w / 2 > within.x2 || p.y - size.h / 2 < within.y1 || p.y + size.h / 2 > within.y2)) return false;
    return near.every((b) => p.x + halfW <= b.x1 || p.x - halfW >= b.x2 || p.y + halfH <= b.y1 || p.y - halfH >= b.y2);
  };
  let best: { p: Point; d: number } | null = null;
  const rings = Math.ceil(reach / step);
  // Ring by ring outwards (square rings of the grid); a later ring can still hold a nearer point
  // than a corner of an earlier one, so the search ends only when no later ring can beat the best.
  for (let ring = 0; ring <= rings; ring++) {
    if (best && ring * step > best.d) break;
    for (const [i, j] of ringCells(ring)) {
      const p = { x: start.x + i * step, y: start.y + j * step };
      const d = Math.hypot(i * step, j * step);
      if (d > reach || (best && d >= best.d)) continue;
      if (fits(p)) best = { p, d };
    }
  }
  return best ? best.p : null;
}

/** The grid cells at Chebyshev distance `ring` from the centre. */
function* ringCells(ring: number): Generator<[number, number]> {
  if (ring === 0) {
    yield [0, 0];
    return;
  }
  for (let i = -ring; i <= ring; i++) {
    yield [i, -ring];
    yield [i, ring];
  }
  for (let j = -ring + 1; j <= ring - 1; j++) {
    yield [-ring, j];
    yield [ring, j];
  }
}

/** A node as the search sees it: its box, and whether it is a group (an area others sit in). */
export type Placed = { id: string; box: Box; group: boolean; ancestors: string[] };

/**
 * What a new element must keep clear of: every element, and every group's area (with its title)
 * except the group it is being added into and the groups around that one.
 */
export function takenBoxes(placed: Placed[], into: string | null): Box[] {
  const open = new Set<string>();
  if (into !== null) {
    open.add(into);
    placed.find((p) => p.id === into)?.ancestors.forEach((a) => open.add(a));
  }
  return placed.filter((p) => !open.has(p.id)).map((p) => (p.group ? { ...p.box, y1: p.box.y1 - GROUP_TITLE_ROOM } : p.box));
}

/**
 * Where a new element goes on this canvas, given the model point the user is looking at: the
 * nearest free spot in view (inside the selected group when adding into one), else `at`.
 */
export function spotForNew(cy: Core, at: Point): Point {
  const selected = cy.nodes(":selected");
  const into = selected.length === 1 && holdsOthers(selected.first().data("kind")) ? (selected.first() as NodeSingular) : null;
  const view = cy.extent();
  const step = Math.max(view.w, view.h) / STEPS_ACROSS;
  const reach = Math.max(view.w, view.h);
  const placed: Placed[] = cy.nodes(":visible").map((n) => ({
    id: n.id(),
    box: boxOf(n),
    group: n.isParent(),
    ancestors: n.ancestors().map((a) => a.id()),
  }));
  const margin = step;
  const inView = { x1: view.x1 + margin, y1: view.y1 + margin, x2: view.x2 - margin, y2: view.y2 - margin };
  if (into?.isParent()) {
    // Inside the group while it has room (it grows around its children, so a spot just outside
    // it is next best); starting from its middle when the user is looking elsewhere.
    const taken = takenBoxes(placed, into.id());
    const area = boxOf(into);
    const inside = at.x > area.x1 && at.x < area.x2 && at.y > area.y1 && at.y < area.y2;
    const from = inside ? at : { x: (area.x1 + area.x2) / 2, y: (area.y1 + area.y2) / 2 };
    return freeSpot(from, NEW_ELEMENT_SIZE, taken, { step, reach, within: area, gap: GAP / 2 }) ?? freeSpot(from, NEW_ELEMENT_SIZE, taken, { step, reach }) ?? from;
  }
  // A selected element with nothing inside it yet (or one on the org chart, which draws no
  // nesting) is in the way like any other: the newcomer goes beside it (on the network the
  // element then becomes a group around it).
  const taken = takenBoxes(placed, null);
  const from = into ? into.position() : at;
  return freeSpot(from, NEW_ELEMENT_SIZE, taken, { step, reach, within: inView }) ?? freeSpot(from, NEW_ELEMENT_SIZE, taken, { step, reach: reach * 2 }) ?? from;
}

/**
 * A node's box with its label: people and sprint teams carry their names below the shape
 * (`layoutH` is shape and name together), boxes carry theirs inside. Read from the data rather
 * than measured: measuring labels is slow on a big map.
 */
function boxOf(node: NodeSingular): Box {
  if (node.isParent()) {
    const b = node.boundingBox({ includeLabels: false, includeOverlays: false });
    return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
  }
  const { x, y } = node.position();
  const w = Math.max(Number(node.data("w")) || node.width(), Number(node.data("layoutW")) || 0);
  const h = Number(node.data("h")) || node.height();
  const tall = Math.max(h, Number(node.data("layoutH")) || 0);
  return { x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y - h / 2 + tall };
}
