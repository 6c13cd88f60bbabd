// The hook end-to-end tests and the canvas frame-rate benchmark read, set once the first layout
// of the map has been drawn:
//
//   window.__murmuration = {
//     cy,          // the live Cytoscape instance (drive pan/zoom for the benchmark)
//     ready,       // true once the first layout has rendered
//     rendered(),  // every node as drawn now: id, name, kind, and its box in CSS pixels relative
//                  // to the window's viewport (x, y = centre; w, h = size), inViewport when any
//                  // part of it is visible in the canvas
//     view(),      // "network" | "org_chart"
//     apply(op),   // sends an edit through the window's store, as a gesture would (the benchmark's edits)
//     snapshot(),  // the map as the window's store holds it now
//     compare,     // while the Compare view is open: mode() and canvases() (one, or two side by side)
//   }
//
// and `document.body.dataset.mapReady = "true"` at the same moment, for tests that only wait.
// `document.body.dataset.mapComplete = "true"` follows once everything of the map is on the canvas
// (a big map's hidden relations arrive after its first drawing; see bigMap.ts). Both are taken
// back while another map's canvas replaces the old one (File ▸ Open), until it is drawn.
import type { Core } from "cytoscape";
import type { MapSnapshot, View } from "../map/types";
import type { Op_Deserialize as Op } from "../bindings";
import { drawnAtThisLevel } from "./levelOfDetail";

type RenderedNode = {
  id: string;
  name: string;
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  inViewport: boolean;
};

export type TestHook = {
  cy: Core;
  ready: boolean;
  rendered(): RenderedNode[];
  view(): View;
  apply?(op: Op): Promise<boolean>;
  snapshot?(): MapSnapshot | null;
  compare?: CompareHook;
};

/** What the window's store offers the hook (set by useMapDocument). */
type StoreHook = Pick<TestHook, "apply" | "snapshot">;
let store: StoreHook = {};
let compareHook: CompareHook | null = null;

/** The store's edit and read, for the hook: added to it now if it is installed, else when it is. */
export function offerStore(offered: StoreHook): void {
  store = offered;
  if (window.__murmuration) Object.assign(window.__murmuration, offered);
}

declare global {
  interface Window {
    __murmuration?: TestHook;
  }
}

function renderedNodes(cy: Core): RenderedNode[] {
  const frame = cy.container()?.getBoundingClientRect() ?? { left: 0, top: 0, width: cy.width(), height: cy.height() };
  return cy.nodes().map((node) => {
    const box = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    const visible = node.visible() && drawnAtThisLevel(cy, node);
    return {
      id: node.id(),
      name: String(node.data("name")),
      kind: String(node.data("kind")),
      x: frame.left + (box.x1 + box.x2) / 2,
      y: frame.top + (box.y1 + box.y2) / 2,
      w: box.w,
      h: box.h,
      inViewport: visible && box.x2 > 0 && box.y2 > 0 && box.x1 < frame.width && box.y1 < frame.height,
    };
  });
}

export function installTestHook(cy: Core, view: () => View): void {
  performance.mark("murmuration:drawn");
  window.__murmuration = { cy, ready: true, rendered: () => renderedNodes(cy), view, ...store, compare: compareHook ?? undefined };
  document.body.dataset.mapReady = "true";
}

/** The canvas `cy` is going (another map is opened): the hook no longer speaks of a drawn map. */
export function leaveTestHook(cy: Core): void {
  if (window.__murmuration?.cy !== cy) return;
  window.__murmuration.ready = false;
  delete document.body.dataset.mapReady;
  delete document.body.dataset.mapComplete;
}

export function markComplete(): void {
  document.body.dataset.mapComplete = "true";
}

/**
 * Leaves a mark (only the latest of each name is kept) that the benchmark reads to time an edit:
 * `edit-answered` when the core's answer arrives, `edit-shown` when the window has rendered it and
 * hands it to the canvas, `edit-drawn` when the canvas has it.
 */
export function markEdit(name: "edit-answered" | "edit-shown" | "edit-drawn", generation: number): void {
  const full = `murmuration:${name}`;
  performance.clearMarks(full);
  performance.mark(full, { detail: generation });
}

/** What the compare view offers the hook: its mode and its canvases (one in overlay, two side by side). */
export type CompareHook = { mode(): string; canvases(): Core[] };

/** Sets (or, with null, clears) the compare view's part of the hook. */
export function offerCompare(compare: CompareHook | null): void {
  compareHook = compare;
  if (window.__murmuration) window.__murmuration.compare = compare ?? undefined;
}
