// Puts a scene on the canvas: the same view switch and lens picker the window uses, then an
// animated move to the scene's viewport, with its focus brought forward and the rest faint.
import type { Core } from "cytoscape";
import type { View } from "../map/types";
import type { CanvasController } from "../canvas/controller";
import { fitRect, type Scene } from "./sceneLogic";

export type SceneControls = {
  view: View;
  setView(view: View): void;
  setLens(lens: string | null): void;
  /** The lens on now, when known (presentation mode puts it back afterwards). */
  lens?: string | null;
  canvas: CanvasController;
};

const FADE = "faded";

export function clearFocus(cy: Core | null): void {
  cy?.elements(`.${FADE}`).removeClass(FADE);
}

function frame(cy: Core, scene: Scene): void {
  cy.stop(true, false);
  const target = scene.viewport ? fitRect(scene.viewport, cy.width(), cy.height(), 20) : null;
  if (target) {
    const zoom = Math.min(Math.max(target.zoom, cy.minZoom()), cy.maxZoom());
    const fixed = zoom === target.zoom ? target : fitRectAt(scene, cy, zoom);
    cy.animate({ zoom, pan: fixed.pan }, { duration: 700, easing: "ease-in-out-cubic" });
  } else {
    cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 700, easing: "ease-in-out-cubic" });
  }
  clearFocus(cy);
  const focus = new Set(scene.filters.focus ?? []);
  if (focus.size > 0) {
    const lit = cy.nodes().filter((n) => focus.has(n.id()));
    const keep = lit.union(lit.descendants()).union(lit.ancestors());
    cy.nodes().difference(keep).addClass(FADE);
    cy.edges().difference(keep.connectedEdges()).addClass(FADE);
  }
}

function fitRectAt(scene: Scene, cy: Core, zoom: number) {
  const v = scene.viewport!;
  const cx = (v.x ?? 0) + (v.width ?? 0) / 2;
  const cyy = (v.y ?? 0) + (v.height ?? 0) / 2;
  return { zoom, pan: { x: cy.width() / 2 - cx * zoom, y: cy.height() / 2 - cyy * zoom } };
}

/** The latest scene asked of each canvas: a scene still waiting for its view gives way to a newer one. */
const latestShown = new WeakMap<CanvasController, Scene>();

/** Shows `scene`; when the view changes, frames it once the canvas has arranged that view. */
export async function showScene(scene: Scene, controls: SceneControls): Promise<void> {
  const { canvas } = controls;
  latestShown.set(canvas, scene);
  controls.setLens(scene.lens ?? null);
  if (controls.view !== scene.view) controls.setView(scene.view);
  const cy = await canvas.viewShown(scene.view);
  if (latestShown.get(canvas) === scene && !cy.destroyed()) frame(cy, scene);
}
