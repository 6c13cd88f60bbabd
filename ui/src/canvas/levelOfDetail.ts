// Level of detail: far out, a big map is a picture of groups and flows, not of individual people.
// Below FAR_ZOOM the stylesheet hides people, memberships and arrowheads (the `far` class);
// labels already drop out on their own once too small to read (min-zoomed-font-size).
//
// Changing level re-styles every element, which Cytoscape does at a fraction of a millisecond
// each: seconds on a map of tens of thousands. On big maps what is in view changes at once and
// the rest follows a slice at a time, so the window keeps answering while it does.
import type { Collection, Core, EventObject, SingularElementArgument } from "cytoscape";
import { inSlices } from "./slices";

const FAR_ZOOM = 0.38;
/** Below this many nodes a map is never "far": drawing every person costs nothing, and a small
 *  map seen whole (a district's sample, a sketch) should still show who is in each group. */
const FAR_FROM_NODES = 400;

/** Whether the view shows the map far out: zoomed out past FAR_ZOOM on a big map. */
function isFar(cy: Core): boolean {
  return cy.zoom() < FAR_ZOOM && cy.nodes().length >= FAR_FROM_NODES;
}

/** From this many elements (nodes and relations) a change of level goes in slices. */
const IN_SLICES_FROM = 3000;
/** Elements re-styled per slice: about a tenth of a second's work. */
const SLICE = 2500;

/** The level-of-detail classes an element added now takes (see syncElements). */
export function levelOfDetailClasses(cy: Core): string[] {
  return isFar(cy) ? ["far"] : [];
}

/** Keeps the `far` class in step with the zoom; returns a function that stops it. */
export function followLevelOfDetail(cy: Core): () => void {
  let far: boolean | null = null;
  let turn = 0;
  const update = () => {
    const now = isFar(cy);
    if (now === far) return;
    far = now;
    const mine = ++turn;
    const change = (eles: Collection) =>
      cy.batch(() => {
        if (now) eles.addClass("far");
        else eles.removeClass("far");
      });
    const all = cy.elements();
    if (all.length < IN_SLICES_FROM) {
      change(all);
      return;
    }
    const waiting = all.filter((e) => e.hasClass("far") !== now);
    const first = nearTheView(cy, waiting);
    change(first);
    const rest = waiting.difference(first);
    // A newer change of level (or a closed map) takes over.
    void inSlices(rest.length, SLICE, (from, to) => change(rest.slice(from, to)), () => mine === turn && !cy.destroyed());
  };
  // Elements added later (one event each, thousands when a map opens) take the current level.
  const onAdd = (event: EventObject) => {
    if (far && !event.target.hasClass("far")) event.target.addClass("far");
  };
  cy.on("zoom", update);
  cy.on("add", onAdd);
  update();
  return () => {
    turn += 1;
    cy.off("zoom", update);
    cy.off("add", onAdd);
  };
}

/**
 * Groups (few, and often reaching into the view from outside it), and the nodes and relations
 * with a position or an end within half a view's width or height of what is on screen.
 */
function nearTheView(cy: Core, eles: Collection): Collection {
  const view = cy.extent();
  const [dx, dy] = [view.w / 2, view.h / 2];
  const near = (p: { x: number; y: number }) => p.x >= view.x1 - dx && p.x <= view.x2 + dx && p.y >= view.y1 - dy && p.y <= view.y2 + dy;
  return eles.filter((e: SingularElementArgument) => {
    if (e.isEdge()) return near(e.source().position()) || near(e.target().position());
    return e.isParent() || near(e.position());
  });
}
