// The one way the rest of the window reaches the canvas's Cytoscape instance. Lenses, scenes and
// presentation mode get it from React context (CanvasControllerContext) and wait on its promises
// ("the map is drawn", "this view is shown", "the layout has settled") instead of polling a global
// or sleeping a fixed time. The canvas reports into it as it draws; nothing else does.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { Core } from "cytoscape";
import type { View } from "../map/types";

type Waiter = { view: View | null; scenario: string | null; resolve(cy: Core): void };

export class CanvasController {
  private instance: Core | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly resizeListeners = new Set<() => void>();
  private resolveDrawn: () => void = () => undefined;
  private readonly drawn = new Promise<void>((resolve) => (this.resolveDrawn = resolve));
  /** The view the canvas last finished arranging, and how many arrangements are under way. */
  private shownView: View | null = null;
  private shownScenario: string | null = null;
  private arranging = 0;
  private waiters: Waiter[] = [];

  /** The live instance, or null before the canvas exists (or once it is gone). */
  cy(): Core | null {
    return this.instance && !this.instance.destroyed() ? this.instance : null;
  }

  /** Calls `listener` whenever the instance is created or replaced (React: useCanvasCy). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after the canvas has taken a new size. */
  onResize(listener: () => void): () => void {
    this.resizeListeners.add(listener);
    return () => this.resizeListeners.delete(listener);
  }

  /** Resolves once the first map is wholly on the canvas; work that can wait starts after it. */
  mapDrawn(): Promise<void> {
    return this.drawn;
  }

  /** Resolves once the canvas shows `view`, arranged and still (at once when it already does). */
  viewShown(view: View): Promise<Core> {
    return this.wait(view);
  }

  /** Resolves once the canvas shows `scenario` in `view`, arranged and still (a scene that switched scenario). */
  scenarioShown(scenario: string, view: View): Promise<Core> {
    return this.wait(view, scenario);
  }

  /** Resolves once no arrangement is under way (at once when none is). */
  layoutSettled(): Promise<Core> {
    return this.wait(null);
  }

  /** Selects `ids` and animates the view to fit them (a lens's leader move, a metric's row). */
  bringForward(ids: string[], padding = 60): void {
    const cy = this.cy();
    if (!cy) return;
    const wanted = new Set(ids);
    const eles = cy.elements().filter((e) => wanted.has(e.id()));
    cy.$(":selected").unselect();
    if (eles.empty()) return;
    eles.select();
    cy.animate({ fit: { eles, padding }, duration: 500, easing: "ease-in-out-cubic" });
  }

  private wait(view: View | null, scenario: string | null = null): Promise<Core> {
    return new Promise((resolve) => {
      this.waiters.push({ view, scenario, resolve });
      this.release();
    });
  }

  private release(): void {
    const cy = this.cy();
    if (!cy || this.arranging > 0) return;
    const ready = this.waiters.filter(
      (w) => (w.view === null || w.view === this.shownView) && (w.scenario === null || w.scenario === this.shownScenario),
    );
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    ready.forEach((w) => w.resolve(cy));
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }

  // --- reports from the canvas (MapCanvas) --------------------------------------------------

  /** A new Cytoscape instance: nothing of the map is arranged on it yet. */
  attach(cy: Core): void {
    this.instance = cy;
    this.shownView = null;
    this.shownScenario = null;
    this.arranging = 0;
    this.changed();
  }

  detach(cy: Core): void {
    if (this.instance !== cy) return;
    this.instance = null;
    this.shownView = null;
    this.shownScenario = null;
    this.changed();
  }

  /**
   * The canvas has started arranging (a snapshot or a view switch arrived). Call the returned
   * function once when it ends, with the view (and scenario) shown, or null when a newer
   * arrangement overtook it.
   */
  arrangingStarted(): (view: View | null, scenario?: string) => void {
    const on = this.instance;
    let ended = false;
    this.arranging += 1;
    return (view, scenario) => {
      if (ended || on !== this.instance) return;
      ended = true;
      this.arranging -= 1;
      if (view !== null) this.shownView = view;
      if (view !== null && scenario !== undefined) this.shownScenario = scenario;
      this.release();
    };
  }

  resized(): void {
    this.resizeListeners.forEach((listener) => listener());
  }

  markDrawn(): void {
    this.resolveDrawn();
  }
}

export const CanvasControllerContext = createContext<CanvasController | null>(null);

export function useCanvasController(): CanvasController {
  const controller = useContext(CanvasControllerContext);
  if (!controller) throw new Error("The canvas controller is missing: render inside CanvasControllerContext.");
  return controller;
}

/** The canvas's Cytoscape instance once it exists, re-rendering when it is replaced. */
export function useCanvasCy(): Core | null {
  const controller = useCanvasController();
  return useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.cy(),
  );
}
