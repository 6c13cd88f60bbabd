// Puts a scene on the canvas: asks the core what the scene shows (commands.showView, the one view
// function), shows the scene's scenario when it is not the one on screen, switches the view, paints
// the lens from the answer, draws the answer (sceneView.ts) and moves to the scene's viewport.
// Leaving puts back the scenario, view and lens the window had before the first scene.
import type { Core } from "cytoscape";
import { commands, type CompareMode, type LensPaint, type ViewAnswer_Serialize as ViewAnswer, type ViewRequest } from "../bindings";
import type { MapSnapshot, View } from "../map/types";
import type { CanvasController } from "../canvas/controller";
import { fitRect, frameAround, type Scene } from "./sceneLogic";
import { clearAnswer, drawAnswer, FADED, HIDDEN } from "./sceneView";

export type SceneControls = {
  /** The scenario and view on screen now. */
  scenario: string;
  view: View;
  setView(view: View): void;
  /** The lens on now, chosen by the user. */
  lens: string | null;
  setLens(lens: string | null): void;
  /** Puts `lens` in the picker and paints `paint` (the core's answer) on the canvas. */
  showPaint(lens: string | null, paint: LensPaint | null): void;
  /** Shows a whole snapshot (another scenario put on screen). */
  show(snapshot: MapSnapshot): void;
  /** Says an error through the window's error table. */
  report(error: unknown): void;
  /** The caption under the canvas while a scene is shown; null puts back the view's own. */
  setCaption(caption: string | null): void;
  canvas: CanvasController;
  /** The time scrubber's moment (null: all dates). */
  moment: string | null;
  /** Moves the scrubber to a moment a scene has already drawn. */
  followMoment(moment: string | null): void;
  /** Moves the scrubber and draws the map as of that moment. */
  moveMoment(moment: string | null): void;
  /** Opens the compare view on `from` → `to` in `mode` (a comparison scene). */
  showComparison(from: string, to: string, mode: CompareMode): void;
  /** The comparison on screen (compare view open), which a scene saved now records; else null. */
  comparison: { from: string; to: string; mode: CompareMode } | null;
};

/** What the window had before the first scene, put back when the scene is left. */
type Before = { scenario: string; view: View; lens: string | null; moment: string | null };

/** Per canvas: the latest scene asked for (a slower answer gives way to it) and what to go back to. */
const shown = new WeakMap<CanvasController, { scene: Scene | null; before: Before | null }>();

function stateOf(canvas: CanvasController) {
  let state = shown.get(canvas);
  if (!state) shown.set(canvas, (state = { scene: null, before: null }));
  return state;
}

/** The scene shown on `canvas` now, if any: the time scrubber draws its moments through it. */
export function sceneShown(canvas: CanvasController): Scene | null {
  return shown.get(canvas)?.scene ?? null;
}

export function requestOf(scene: Scene): ViewRequest {
  return { scenario: scene.scenario, view: scene.view, moment: scene.time, lens: scene.lens, filters: scene.filters, compare: scene.compare ?? null };
}

/** Shows `scene`. Resolves with the core's answer once it is drawn, or null (refused, or overtaken). */
export async function showScene(scene: Scene, controls: SceneControls): Promise<ViewAnswer | null> {
  const { canvas } = controls;
  const state = stateOf(canvas);
  state.scene = scene;
  state.before ??= { scenario: controls.scenario, view: controls.view, lens: controls.lens, moment: controls.moment };
  let answer: ViewAnswer;
  try {
    const reply = await commands.showView(requestOf(scene));
    if (reply.status === "error") {
      controls.report(reply.error);
      return null;
    }
    if (state.scene !== scene) return null;
    if (reply.data.snapshot) controls.show(reply.data.snapshot);
    answer = reply.data.answer;
  } catch (error) {
    controls.report(error);
    return null;
  }
  if (scene.compare) {
    // A comparison is drawn by the compare view, from the same overlay the core's answer paints.
    controls.showComparison(scene.scenario, scene.compare.with, scene.compare.mode);
    document.body.dataset.sceneShown = scene.id;
    controls.setCaption(answer.caption);
    return answer;
  }
  controls.showPaint(scene.lens ?? null, answer.lens);
  if (controls.view !== scene.view) controls.setView(scene.view);
  const cy = await canvas.scenarioShown(answer.scenario, scene.view);
  if (state.scene !== scene || cy.destroyed()) return null;
  drawAnswer(cy, answer);
  controls.followMoment(scene.time ?? null);
  // Said on the page for tests that wait, like `mapReady` (canvas/testHook.ts).
  document.body.dataset.sceneShown = scene.id;
  controls.setCaption(answer.caption);
  frameScene(cy, scene);
  return answer;
}

/** Leaves the scene shown: the canvas drawn as the map is, and the scenario, view and lens put back. */
export async function leaveScene(controls: SceneControls): Promise<void> {
  const { canvas } = controls;
  const state = stateOf(canvas);
  const before = state.before;
  state.scene = null;
  state.before = null;
  clearAnswer(canvas.cy());
  delete document.body.dataset.sceneShown;
  controls.setCaption(null);
  if (!before) return;
  controls.setLens(before.lens);
  controls.setView(before.view);
  controls.moveMoment(before.moment);
  if (before.scenario === controls.scenario) return;
  const reply = await commands
    .showView({ scenario: before.scenario, view: before.view, moment: null, lens: null, filters: {} })
    .catch((error: unknown) => ({ status: "error" as const, error }));
  if (reply.status === "error") controls.report(reply.error);
  else if (reply.data.snapshot) controls.show(reply.data.snapshot);
}

/**
 * Puts `scenario` on screen in the view shown (the scenario picker): any scene shown is left
 * first, since its answer was about the scenario before. Resolves false when the core refused.
 */
export async function showScenario(scenario: string, controls: SceneControls): Promise<boolean> {
  const state = stateOf(controls.canvas);
  state.scene = null;
  state.before = null;
  clearAnswer(controls.canvas.cy());
  delete document.body.dataset.sceneShown;
  controls.setCaption(null);
  if (scenario === controls.scenario) return true;
  const reply = await commands
    .showView({ scenario, view: controls.view, moment: null, lens: null, filters: {} })
    .catch((error: unknown) => ({ status: "error" as const, error }));
  if (reply.status === "error") {
    controls.report(reply.error);
    return false;
  }
  if (reply.data.snapshot) controls.show(reply.data.snapshot);
  return true;
}

/** Moves to the scene's viewport (or the whole map), animated. */
export function frameScene(cy: Core, scene: Scene): void {
  cy.stop(true, false);
  const target = scene.viewport ? fitRect(scene.viewport, cy.width(), cy.height(), 20) : null;
  if (target) {
    const zoom = Math.min(Math.max(target.zoom, cy.minZoom()), cy.maxZoom());
    const fixed = zoom === target.zoom ? target : fitRectAt(scene, cy, zoom);
    cy.animate({ zoom, pan: fixed.pan }, { duration: 700, easing: "ease-in-out-cubic" });
  } else {
    // As paper frames a page: what the scene brings forward, else everything it shows.
    const shownNow = cy.elements().filter((e) => !e.hasClass(HIDDEN));
    const lit = shownNow.filter((e) => !e.hasClass(FADED));
    const eles = lit.length < shownNow.length && lit.nonempty() ? lit : shownNow;
    const framed = frameAround(eles.boundingBox(), cy.width(), cy.height(), cy.minZoom(), cy.maxZoom());
    cy.animate(framed, { duration: 700, easing: "ease-in-out-cubic" });
  }
}

function fitRectAt(scene: Scene, cy: Core, zoom: number) {
  const v = scene.viewport!;
  const cx = (v.x ?? 0) + (v.width ?? 0) / 2;
  const cyy = (v.y ?? 0) + (v.height ?? 0) / 2;
  return { zoom, pan: { x: cy.width() / 2 - cx * zoom, y: cy.height() / 2 - cyy * zoom } };
}
