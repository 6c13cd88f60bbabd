// Level of detail: far out, a big map is a picture of groups and flows, not of individual people.
// Below FAR_ZOOM people drop out (the stylesheet's `far` class on nodes), and so do memberships,
// relations to people on big maps and every arrowhead — those three by the renderer as it draws
// each line (`edgeSight`), not by a class: re-styling an element costs Cytoscape about a tenth
// of a millisecond, and a district's relations outnumber its nodes, so styling them took most of
// the moment the level changed. Labels drop out on their own once too small to read
// (min-zoomed-font-size).
//
// Changing level re-styles every node. On big maps what is in view changes at once and the rest
// follows a slice at a time, so the window keeps answering while it does. A group goes last: a
// class set on a group re-styles all its members too (Cytoscape re-checks compound selectors down
// the tree), and the group's own far look is only its corner badge. While the view moves from
// script (a scene change, zoom to a hit) the level waits for the move to end: the canvas carries a
// picture meanwhile, so only the level where the view comes to rest is styled.
import type { Collection, Core, EdgeSingular, ElementDefinition, EventObject, NodeSingular, SingularElementArgument } from "cytoscape";
import { inSlices } from "./slices";
import { PERSON_END } from "./bigMap";

const FAR_ZOOM = 0.38;
/** Below this many nodes a map is never "far": drawing every person costs nothing, and a small
 *  map seen whole (a district's sample, a sketch) should still show who is in each group. */
const FAR_FROM_NODES = 400;

/**
 * Whether the view shows the map far out: zoomed out past FAR_ZOOM on a big map. `coming` is how
 * many nodes the map being added has: its first nodes take the level the whole map will have, so
 * they are not styled twice.
 */
function isFar(cy: Core, coming = 0): boolean {
  return cy.zoom() < FAR_ZOOM && Math.max(nodesOn(cy), coming) >= FAR_FROM_NODES;
}

const counters = new WeakMap<Core, { nodes: number }>();

/**
 * How many nodes the canvas holds, counted as they come and go: asked on every zoom frame and for
 * every element a map adds, where counting them afresh (`cy.nodes()`, ~3 ms on 20,000) would add up.
 */
function nodesOn(cy: Core): number {
  let counter = counters.get(cy);
  if (!counter) {
    const fresh = { nodes: cy.nodes().length };
    cy.on("add", "node", () => void fresh.nodes++);
    cy.on("remove", "node", () => void fresh.nodes--);
    counters.set(cy, fresh);
    counter = fresh;
  }
  return counter.nodes;
}

/** From this many nodes a change of level goes in slices. */
const IN_SLICES_FROM = 1000;
/** Nodes re-styled per slice: about a tenth of a second's work (a node costs ~0.1 ms). */
const SLICE = 1000;

/** Whether elements added now join the far level, for a map of `nodes` nodes. */
export function farNow(cy: Core, nodes: number): boolean {
  return isFar(cy, nodes);
}

/**
 * The level-of-detail classes an element added now takes (see syncElements), in a map of `nodes`
 * nodes: only nodes take any.
 */
export function levelOfDetailClasses(cy: Core, definition: ElementDefinition, nodes: number): string[] {
  return definition.group !== "edges" && isFar(cy, nodes) ? ["far"] : [];
}

/** How the renderer draws a line (the patched renderer's `edgeSight`): in full, plain, or not at all. */
const IN_FULL = 0;
const PLAIN = 1;
const OUT_OF_SIGHT = 2;

/**
 * Far out a line is drawn plain (no arrowheads), and memberships and relations to people (marked
 * on big maps) not at all; they cannot be clicked then either. `far` is the level the canvas shows.
 */
function edgeSight(far: () => boolean) {
  return (edge: EdgeSingular): number => {
    if (!far()) return IN_FULL;
    return edge.data("kind") === "member_of" || edge.hasClass(PERSON_END) ? OUT_OF_SIGHT : PLAIN;
  };
}

/**
 * Keeps the `far` class in step with the zoom; returns a function that stops it. `waitForMoves`
 * (big maps, whose canvas carries a picture while the view moves from script) holds the level
 * until such a move ends.
 */
export function followLevelOfDetail(cy: Core, waitForMoves = false): () => void {
  let far: boolean | null = null;
  const renderer = (cy as unknown as { renderer(): { edgeSight?: unknown } | null }).renderer();
  if (renderer) renderer.edgeSight = edgeSight(() => far === true);
  let turn = 0;
  let waiting = false;
  const afterMove = () => {
    if (cy.destroyed()) return;
    if (cy.animated()) return void requestAnimationFrame(afterMove);
    waiting = false;
    update();
  };
  const update = () => {
    if (waitForMoves && cy.animated()) {
      if (!waiting) requestAnimationFrame(afterMove);
      waiting = true;
      return;
    }
    const now = isFar(cy);
    if (now === far) return;
    far = now;
    const mine = ++turn;
    const change = (eles: Collection) =>
      cy.batch(() => {
        if (now) eles.addClass("far");
        else eles.removeClass("far");
      });
    const all = cy.elements("node");
    if (all.length < IN_SLICES_FROM) {
      change(all);
      return;
    }
    const pending = all.filter((e) => e.hasClass("far") !== now);
    const groups = pending.filter((e) => e.isNode() && e.isParent());
    // What is on screen now; what a first pan brings in next; the rest and the groups after.
    const first = nearTheView(cy, pending.difference(groups), 0);
    change(first);
    const around = nearTheView(cy, pending.difference(first).difference(groups), 1 / 4);
    const rest = pending.difference(first).difference(around).difference(groups);
    const slices = [...evenSlices(around), ...evenSlices(rest), ...groupSlices(cy, groups)];
    // A newer change of level (or a closed map) takes over.
    void inSlices(slices.length, 1, (from) => change(slices[from]), () => mine === turn && !cy.destroyed());
  };
  // Elements added later (one event each, thousands when a map opens) take the current level.
  const onAdd = (event: EventObject) => {
    if (far && !event.target.hasClass("far")) event.target.addClass("far");
  };
  cy.on("zoom", update);
  cy.on("add", "node", onAdd);
  update();
  return () => {
    turn += 1;
    cy.off("zoom", update);
    cy.off("add", "node", onAdd);
  };
}

/** The nodes on screen or within `margin` of the view's width or height of it. */
function nearTheView(cy: Core, nodes: Collection, margin: number): Collection {
  const view = cy.extent();
  const [dx, dy] = [view.w * margin, view.h * margin];
  const near = (p: { x: number; y: number }) => p.x >= view.x1 - dx && p.x <= view.x2 + dx && p.y >= view.y1 - dy && p.y <= view.y2 + dy;
  return nodes.filter((n: SingularElementArgument) => n.isNode() && near(n.position()));
}

function evenSlices(eles: Collection): Collection[] {
  const slices: Collection[] = [];
  for (let from = 0; from < eles.length; from += SLICE) slices.push(eles.slice(from, from + SLICE));
  return slices;
}

/** Groups in slices that re-style about SLICE elements each, counting every group's members. */
function groupSlices(cy: Core, groups: Collection): Collection[] {
  const slices: Collection[] = [];
  let slice = cy.collection();
  let weight = 0;
  groups.forEach((group: SingularElementArgument) => {
    slice.merge(group);
    weight += 1 + (group as NodeSingular).descendants().length;
    if (weight >= SLICE) {
      slices.push(slice);
      slice = cy.collection();
      weight = 0;
    }
  });
  if (slice.nonempty()) slices.push(slice);
  return slices;
}
