// Level of detail: far out, a big map is a picture of groups and flows, not of individual people.
// Below FAR_ZOOM people drop out (but positions with titles on the org chart: they are the chart),
// and so do memberships and, on big maps, relations to people; every other line loses its
// arrowheads. Labels drop out on their own once too small to read (min-zoomed-font-size).
//
// The renderer asks for each element as it draws it (the patched renderer's `sightOf`), so a change
// of level styles nothing: re-styling an element costs Cytoscape about a tenth of a millisecond,
// which on a district of thousands made the moment of zooming in a second or more, and the rest
// of the map followed in slices that each redrew the view. An element the level leaves out cannot
// be clicked or box-selected either. While the view moves from script (a scene change, zoom to a
// hit) on a big map the level waits for the move to end: the canvas carries a picture meanwhile.
//
// One exception: the nodes of a big map opened far out arrive styled for far out (`unseen`: people
// hidden, no pictures in any node), which makes its first drawing quicker, and are styled as seen a
// slice at a time once the map is in, while the overview is cheap to redraw.
import type { Core, ElementDefinition, SingularElementArgument } from "cytoscape";
import { PERSON_END } from "./bigMap";

const FAR_ZOOM = 0.38;
/** Below this many nodes a map is never "far": drawing every person costs nothing, and a small
 *  map seen whole (a district's sample, a sketch) should still show who is in each group. */
const FAR_FROM_NODES = 400;

/**
 * Whether the view shows the map far out: zoomed out past FAR_ZOOM on a big map. `coming` is how
 * many nodes the map being added has, so its first nodes already count as part of a big map.
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

/** Whether a map of `nodes` nodes added now would be seen far out. */
export function farNow(cy: Core, nodes: number): boolean {
  return isFar(cy, nodes);
}

/** The class of the nodes of a map opened far out, not yet styled as seen (see the stylesheet). */
const UNSEEN = "unseen";
/**
 * Nodes styled as seen per slice (a node's first style costs ~0.15 ms), and the pause after each:
 * two frames, so moves and gestures over the overview stay smooth while a big map wakes.
 */
const WAKE_SLICE = 250;
const WAKE_PAUSE_MS = 32;

/** A person, but not a position with a title on the org chart (the chart itself, kept far out). */
function isPersonOffTheChart(kind: unknown, titled: boolean): boolean {
  return kind === "person" && !titled;
}

/** The classes a node of a map being opened takes: `unseen` when it opens far out. */
export function unseenAtOpening(cy: Core, definition: ElementDefinition, nodes: number): string[] {
  return definition.group !== "edges" && isFar(cy, nodes) ? [UNSEEN] : [];
}

const waking = new WeakMap<Core, Promise<void>>();

/**
 * Styles the unseen nodes as seen: those in view at once (also when asked again while waking, as
 * a zoom in does), the rest a slice at a time. Resolves when none is left.
 */
export function wakeUnseen(cy: Core): Promise<void> {
  if (cy.destroyed()) return Promise.resolve();
  const view = cy.extent();
  const inView = cy.nodes(`.${UNSEEN}`).filter((n) => {
    const p = n.position();
    return p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2;
  });
  if (inView.nonempty()) cy.batch(() => inView.removeClass(UNSEEN));
  const running = waking.get(cy);
  if (running) return running;
  const done = new Promise<void>((resolve) => {
    const step = () => {
      const next = cy.destroyed() ? cy.collection() : cy.nodes(`.${UNSEEN}`).slice(0, WAKE_SLICE);
      if (next.empty()) return resolve();
      cy.batch(() => next.removeClass(UNSEEN));
      setTimeout(step, WAKE_PAUSE_MS);
    };
    step();
  }).finally(() => waking.delete(cy));
  waking.set(cy, done);
  return done;
}

/** How the renderer draws an element (the patched renderer's `sightOf`): in full, plain, or not at all. */
const IN_FULL = 0;
const PLAIN = 1;
const OUT_OF_SIGHT = 2;

/** Far out: people (but titled positions), memberships and relations to people out; other lines plain. */
function sightAt(far: () => boolean) {
  return (ele: SingularElementArgument): number => {
    if (!far()) return IN_FULL;
    // Asked for every element of every frame (60,000 on a 20,000-element district): read from the
    // element's own record, as Cytoscape's renderer does; `data()` and `hasClass()` parse their
    // arguments each call and made a frame of the overview ~10x slower.
    const { group, data, classes } = (ele as unknown as { _private: ElementRecord })._private;
    if (group === "nodes") return isPersonOffTheChart(data.kind, classes.has("titled")) ? OUT_OF_SIGHT : IN_FULL;
    return data.kind === "member_of" || classes.has(PERSON_END) ? OUT_OF_SIGHT : PLAIN;
  };
}

/** What Cytoscape keeps of an element, as far as the level of detail reads it. */
type ElementRecord = { group: "nodes" | "edges"; data: { kind?: unknown }; classes: Set<string> };

/** Whether the level of detail draws `ele` now (it may still be off screen or hidden by style). */
export function drawnAtThisLevel(cy: Core, ele: SingularElementArgument): boolean {
  return (rendererOf(cy)?.sightOf?.(ele) ?? IN_FULL) !== OUT_OF_SIGHT;
}

type Renderer = { sightOf?: ((ele: SingularElementArgument) => number) | null; sightChanged?: () => void };

/** The canvas's renderer, where the level of detail's answers live (the patched renderer reads them). */
function rendererOf(cy: Core): Renderer | null {
  return (cy as unknown as { renderer(): Renderer | null }).renderer();
}

/**
 * Keeps the renderer's level in step with the zoom; returns a function that stops it.
 * `waitForMoves` (big maps, whose canvas carries a picture while the view moves from script)
 * holds the level until such a move ends.
 */
export function followLevelOfDetail(cy: Core, waitForMoves = false): () => void {
  let far = false;
  const sight = sightAt(() => far);
  const renderer = rendererOf(cy);
  if (renderer) renderer.sightOf = sight;
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
    renderer?.sightChanged?.();
    // Zoomed in before a map opened far out was all styled as seen.
    if (!far) void wakeUnseen(cy);
  };
  // A map opening at overview turns far as its nodes arrive, before any zoom.
  cy.on("zoom", update);
  cy.on("add", "node", update);
  update();
  return () => {
    if (renderer) renderer.sightOf = null;
    cy.off("zoom", update);
    cy.off("add", "node", update);
  };
}
