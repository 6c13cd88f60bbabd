// Keeps one Cytoscape instance in step with the snapshots the window is given. A snapshot that
// follows from a change to the map on screen (same map, view and scenario, the next generation)
// is drawn by touching only what the change touched: its elements and relations are rebuilt and
// compared, the nodes it placed are moved and new ones put beside their neighbours; nothing else
// moves. Anything else — opening a map, switching view or scenario, a missed change, putting
// things back after a refused drag — compares the whole map with the canvas and arranges it.
import type { Core, ElementDefinition, NodeSingular } from "cytoscape";
import type { MapSnapshot, View } from "../map/types";
import { definitionsFor, positionsFor, toCytoscapeElements } from "../map/elements";
import type { Positions } from "../layout/compute";
import { follows, type MapChange } from "../state/mapStore";
import { applyArrangement, arrangementFor, arrangementOfChange, currentPositions, frameSavedPositions } from "./arrange";
import { addMissing, syncElements, syncTouched } from "./syncElements";
import { addInSlices, hiddenAtOverview, isBigMap, personEndClasses } from "./bigMap";
import { farNow, unseenAtOpening, wakeUnseen } from "./levelOfDetail";
import { installTestHook, markComplete, markEdit } from "./testHook";
import { touchedBy } from "./touched";
import { chartRoutesOf } from "../layout/requestLayout";
import { clearChartRoutes, drawChartRoutes } from "./chartRoutes";
import type { ChartRoute } from "../bindings";
import type { CanvasController } from "./controller";

export type DrawingHooks = {
  controller: CanvasController;
  /** Relations still being added after a big map's first drawing, for the canvas to show. */
  onArriving(arriving: { done: number; total: number } | null): void;
  /** The view on screen now, for the test hook. */
  view(): View;
};

type Kinds = { get(id: string): unknown };

export class MapDrawing {
  private run = 0;
  private shownView: View | null = null;
  private shown: MapSnapshot | null = null;
  /** This window's last layout of each view without saved positions. */
  private remembered: Partial<Record<View, Positions>> = {};
  /** The org chart's reporting-line routes that came with its remembered layout. */
  private routes: ChartRoute[] = [];
  /** A newer snapshot may arrive while a layout is still computed: the fit the first drawing (or a view switch) owes waits for a drawing that completes. */
  private owesFit = true;
  private firstDrawn = false;
  /** The run of a whole drawing still arranging or adding relations: a change then redraws the whole map too. */
  private unfinished: number | null = null;

  constructor(
    private readonly cy: Core,
    private readonly hooks: DrawingHooks,
  ) {}

  /** Draws `snapshot` in `view`; `change` is what made it from the one drawn before, if known. */
  show(snapshot: MapSnapshot, view: View, change: MapChange | null): void {
    if (this.cy.destroyed()) return;
    if (change) markEdit("edit-shown", snapshot.generation);
    if (!change || !this.followsShown(snapshot, view, change)) return this.showWhole(snapshot, view);
    try {
      this.showChange(snapshot, view, change);
    } catch {
      // The canvas and the change disagree (it should not happen): the whole map sets it right.
      this.showWhole(snapshot, view);
    }
  }

  /** Forgets this window's layout of `view` (it is laid out afresh). */
  forget(view: View): void {
    delete this.remembered[view];
  }

  private followsShown(snapshot: MapSnapshot, view: View, change: MapChange): boolean {
    const shown = this.shown;
    return (
      shown !== null &&
      this.firstDrawn &&
      this.unfinished === null &&
      view === this.shownView &&
      change.generation === snapshot.generation &&
      follows(shown, change) &&
      change.scenario === shown.scenario &&
      snapshot.scenario === shown.scenario
    );
  }

  /** Rebuilds and compares only what `change` touched, then places what it placed. */
  private showChange(snapshot: MapSnapshot, view: View, change: MapChange): void {
    const { cy, hooks } = this;
    const run = ++this.run;
    const before = this.shown!;
    this.shown = snapshot;
    const touched = touchedBy(change, before, snapshot, view);
    const definitions = definitionsFor(snapshot, view, touched);
    const kinds: Kinds = { get: (id) => cy.getElementById(id).data("kind") };
    const added = new Set<string>();
    const classesForNew = (d: ElementDefinition) => {
      if (d.group === "nodes") added.add(String(d.data.id));
      return this.classesForNew(snapshot, d, kinds);
    };
    syncTouched(cy, definitions, classesForNew);
    const unplaced = new Set(change.unplaced.filter((u) => u.view === view).map((u) => u.id));
    const placed: Positions = {};
    const leaves = [...definitions.nodes]
      .map(([id, d]) => [cy.getElementById(id) as NodeSingular, d] as const)
      .filter(([node, d]) => d !== null && node.nonempty() && node.isChildless());
    for (const [node, d] of leaves) if (d!.position) placed[node.id()] = d!.position;
    const newcomers = cy.collection(
      leaves.filter(([node, d]) => !d!.position && (added.has(node.id()) || unplaced.has(node.id()))).map(([node]) => node) as never,
    );
    const positions = arrangementOfChange(cy, placed, newcomers, () => positionsFor(snapshot, view));
    if (positions === null) return this.showWhole(snapshot, view);
    const ended = hooks.controller.arrangingStarted();
    void applyArrangement(cy, positions, { animate: true, fit: false })
      .then(() => markEdit("edit-drawn", snapshot.generation))
      .finally(() => ended(run === this.run ? view : null, snapshot.scenario));
  }

  /** The canvas's own classes for an element added now (on big maps, relations to people). */
  private classesForNew(snapshot: MapSnapshot, d: ElementDefinition, kinds: Kinds): string[] {
    return isBigMap(snapshot) ? personEndClasses(d, kinds) : [];
  }

  /** Compares the whole map with the canvas, then arranges the view (the first drawing, a switch). */
  private showWhole(snapshot: MapSnapshot, view: View): void {
    const { cy } = this;
    const run = ++this.run;
    this.unfinished = run;
    const ended = this.hooks.controller.arrangingStarted();
    const viewChanged = this.shownView !== view;
    if (viewChanged) this.owesFit = true;
    this.shownView = view;
    this.shown = snapshot;
    const definitions = toCytoscapeElements(snapshot, view);
    if (!this.firstDrawn) performance.mark("murmuration:definitions");
    const later = this.syncWhole(snapshot, viewChanged, definitions);
    if (!this.firstDrawn) performance.mark("murmuration:synced");
    const current = () => run === this.run && !cy.destroyed();
    const kinds = kindsOf(definitions);
    const addLater = () =>
      later.length > 0
        ? addInSlices(later, (slice) => addMissing(cy, slice, (d) => this.classesForNew(snapshot, d, kinds)), current, (done, total) =>
            this.hooks.onArriving(done < total ? { done, total } : null),
          ).finally(() => this.hooks.onArriving(null))
        : Promise.resolve();
    const finished = () => {
      if (this.unfinished === run) this.unfinished = null;
    };
    void arrangementFor(cy, view, definitions, positionsFor(snapshot, view), this.remembered[view])
      .then(async ({ positions, laidOut }) => {
        if (!current()) return ended(null);
        const fit = this.owesFit;
        this.owesFit = false;
        // The first drawing appears in place; later ones move, so the eye can follow.
        // The core's routes hold where it placed everyone: its fresh layout, or that layout remembered.
        const routed = view === "org_chart" && (laidOut || positions === this.remembered[view]);
        clearChartRoutes(cy);
        await applyArrangement(cy, positions, { animate: this.firstDrawn, fit });
        if (!this.firstDrawn) performance.mark("murmuration:arranged");
        else markEdit("edit-drawn", snapshot.generation);
        if (laidOut) this.remembered[view] = currentPositions(cy);
        if (laidOut && view === "org_chart") this.routes = chartRoutesOf(positions);
        if (routed && current()) drawChartRoutes(cy, this.routes);
        ended(run === this.run ? view : null, snapshot.scenario);
        if (this.firstDrawn) return addLater().finally(finished);
        this.firstDrawn = true;
        this.finishFirstDrawing(addLater, finished);
      })
      .catch(() => {
        ended(null);
        finished();
      });
  }

  /**
   * Brings the canvas in line with the whole map; answers the relations left for after the first
   * drawing (a big map opening at overview zoom is first drawn without those the overview hides).
   */
  private syncWhole(snapshot: MapSnapshot, viewChanged: boolean, definitions: ElementDefinition[]): ElementDefinition[] {
    const { cy } = this;
    // Most of what is on the canvas is gone from the map (a scenario far from the one shown; another
    // map gets an instance of its own, see useCytoscape): it is drawn afresh, like a first map, and framed.
    const wanted = new Set(definitions.map((d) => String(d.data.id)));
    const onCanvas = cy.elements();
    if (!viewChanged && onCanvas.nonempty() && onCanvas.filter((e) => !wanted.has(e.id())).length > onCanvas.length / 2) {
      cy.batch(() => onCanvas.remove());
      this.owesFit = true;
      this.remembered = {};
    }
    const opening = cy.elements().empty();
    if (opening) frameSavedPositions(cy, definitions);
    const kinds = kindsOf(definitions);
    const nodes = snapshot.elements.length;
    const classesForNew = (d: ElementDefinition) =>
      opening ? [...this.classesForNew(snapshot, d, kinds), ...unseenAtOpening(cy, d, nodes)] : this.classesForNew(snapshot, d, kinds);
    const big = isBigMap(snapshot);
    const hidden = opening && big && farNow(cy, nodes) ? hiddenAtOverview(definitions, kinds) : null;
    syncElements(cy, hidden ? definitions.filter((d) => !hidden.has(String(d.data.id))) : definitions, classesForNew);
    return hidden ? definitions.filter((d) => hidden.has(String(d.data.id))) : [];
  }

  /** Two frames after the first arrangement the canvas has drawn it: the test hook, then the rest of a big map. */
  private finishFirstDrawing(addLater: () => Promise<void>, finished: () => void): void {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        // Another map's canvas took over meanwhile (File ▸ Open): it reports its own drawing.
        if (this.cy.destroyed()) return finished();
        installTestHook(this.cy, this.hooks.view);
        void addLater()
          .then(() => {
            markComplete();
            this.hooks.controller.markDrawn();
            void wakeUnseen(this.cy);
          })
          .finally(finished);
      }),
    );
  }
}

function kindsOf(definitions: ElementDefinition[]): Map<string, unknown> {
  return new Map(definitions.filter((d) => d.group === "nodes").map((d) => [String(d.data.id), d.data.kind]));
}
