// The map canvas: one Cytoscape instance for the window's life, kept in step with the snapshot and
// view it is given. It renders what the core sent and reports what the user does — selects, drags,
// draws a relation, double-clicks, right-clicks — but never changes the map itself.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from "react";
import cytoscape, { type Core, type EventObject, type NodeSingular } from "cytoscape";
import type { ElementKind, MapSnapshot, View, Vocabulary } from "../map/types";
import type { MapChange } from "../state/mapStore";
import { buildStylesheet } from "../map/stylesheet";
import type { Positions } from "../layout/compute";
import { applyArrangement, currentPositions, frameAll } from "./arrange";
import { BIG_MAP_RENDERER, BIG_MAP_STYLE, isBigMap } from "./bigMap";
import { followLevelOfDetail } from "./levelOfDetail";
import { MapDrawing } from "./drawing";
import { useCanvasController } from "./controller";
import { highlightSelection } from "./highlight";
import { followDrags, type DropHint, type DropReport } from "./dragToMove";
import { ConnectHandle } from "./ConnectHandle";
import { Minimap } from "./Minimap";
import { requestLayout } from "../layout/requestLayout";
import { spotForNew } from "./freeSpot";

type Point = { x: number; y: number };

export type CanvasTarget = { type: "node" | "edge"; id: string } | { type: "background" };

export type CanvasHandle = {
  fit(): void;
  /** Zooms and pans so these elements (with everything inside them) fill the canvas. */
  frame(ids: string[]): void;
  /** Selects an element and brings it into view, with a brief highlight. */
  focus(id: string): void;
  select(ids: string[]): void;
  selectAll(): void;
  clearSelection(): void;
  /** Zooms about the centre of the canvas. */
  zoomBy(factor: number): void;
  /** Where new things go: the pointer if it is over the canvas, else the middle of the view (model coordinates). */
  placeForNew(): Point;
  /** A model point for a point of the window (client pixels). */
  modelAt(clientX: number, clientY: number): Point;
  /** An element's box in client pixels, for editors laid over it. */
  clientBox(id: string): { left: number; top: number; width: number; height: number } | null;
  /** Where every childless element is drawn now. */
  positions(): Positions;
  /** Puts everything back where the last snapshot says (after the core refused a drag). */
  restore(): void;
  /** Lays the view out afresh; resolves with the new positions. */
  relayout(): Promise<Positions>;
};

export type CanvasEvents = {
  onSelectionChange(ids: string[]): void;
  onDrop(report: DropReport): void;
  onConnect(source: string, target: string, client: Point): void;
  onRename(id: string): void;
  onContextMenu(target: CanvasTarget, client: Point): void;
  onDropKind(kind: ElementKind, at: Point): void;
};

type Props = {
  snapshot: MapSnapshot;
  /** What made `snapshot` from the one before, when a change did (see MapDrawing). */
  change: MapChange | null;
  vocabulary: Vocabulary;
  view: View;
  editable: boolean;
  events: CanvasEvents;
  handle: Ref<CanvasHandle>;
};

const FOCUS_HIGHLIGHT_MS = 1800;
export const PALETTE_DRAG_TYPE = "application/x-murmuration-kind";

export function MapCanvas({ snapshot, change, vocabulary, view, editable, events, handle }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const drawing = useRef<MapDrawing | null>(null);
  const pointer = useRef<Point | null>(null);
  const [hint, setHint] = useState<DropHint>(null);
  // Relations still being added after a big map's first drawing (see bigMap.ts).
  const [arriving, setArriving] = useState<{ done: number; total: number } | null>(null);
  const latest = useRef({ snapshot, change, view, events, editable });
  latest.current = { snapshot, change, view, events, editable };
  const controller = useCanvasController();

  useEffect(() => {
    const big = isBigMap(latest.current.snapshot);
    const instance = cytoscape({
      container: container.current,
      style: [...buildStylesheet(vocabulary), ...(big ? BIG_MAP_STYLE : [])] as never,
      ...(big ? BIG_MAP_RENDERER : {}),
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: true,
      selectionType: "single",
      autoungrabify: true,
    });
    cyRef.current = instance;
    drawing.current = new MapDrawing(instance, {
      controller,
      onArriving: setArriving,
      view: () => latest.current.view,
    });
    setCy(instance);
    controller.attach(instance);
    const stops = [
      followLevelOfDetail(instance),
      highlightSelection(instance),
      followDrags(instance, {
        onDrop: (r) => latest.current.events.onDrop(r),
        onHint: setHint,
        nests: () => latest.current.view === "network",
      }),
      reportGestures(instance, () => latest.current.events),
    ];
    const resize = new ResizeObserver(() => {
      instance.resize();
      controller.resized();
    });
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      stops.forEach((stop) => stop());
      controller.detach(instance);
      instance.destroy();
      cyRef.current = null;
    };
  }, [vocabulary]);

  useEffect(() => {
    cy?.autoungrabify(!editable);
  }, [cy, editable]);

  // Only once `cy` is set: showing from the ref before would draw the map, and the state change
  // arriving after that long first drawing would then draw it a second time. Before the browser
  // paints (a layout effect), so an edit reaches the canvas in the frame that shows it in the panels.
  useLayoutEffect(() => {
    const { snapshot: shown, view: shownNow, change: made } = latest.current;
    if (cy) drawing.current?.show(shown, shownNow, made);
  }, [cy, snapshot, view, vocabulary]);

  useImperativeHandle(
    handle,
    (): CanvasHandle => ({
      fit() {
        if (cyRef.current) frameAll(cyRef.current, true);
      },
      frame(ids) {
        const c = cyRef.current;
        if (!c) return;
        const wanted = new Set(ids);
        const nodes = c.nodes().filter((n) => wanted.has(n.id()));
        if (nodes.nonempty()) frameAll(c, true, nodes);
      },
      focus(id) {
        const c = cyRef.current;
        const node = c?.getElementById(id);
        if (!c || !node || node.empty()) return;
        c.$(":selected").unselect();
        node.select();
        node.addClass("found");
        setTimeout(() => node.removeClass("found"), FOCUS_HIGHLIGHT_MS);
        c.animate({ center: { eles: node }, zoom: Math.max(c.zoom(), 1.1), duration: 450, easing: "ease-in-out-cubic" });
      },
      select(ids) {
        const c = cyRef.current;
        if (!c) return;
        c.$(":selected").unselect();
        ids.forEach((id) => c.getElementById(id).select());
      },
      selectAll() {
        cyRef.current?.elements().select();
      },
      clearSelection() {
        cyRef.current?.$(":selected").unselect();
      },
      zoomBy(factor) {
        const c = cyRef.current;
        if (!c) return;
        c.animate({ zoom: { level: c.zoom() * factor, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } }, duration: 180 });
      },
      placeForNew() {
        const c = cyRef.current;
        if (!c) return { x: 0, y: 0 };
        const at = pointer.current ?? { x: c.width() / 2, y: c.height() / 2 };
        return spotForNew(c, toModel(c, at));
      },
      modelAt(clientX, clientY) {
        const c = cyRef.current;
        const frame = container.current?.getBoundingClientRect();
        if (!c || !frame) return { x: 0, y: 0 };
        return toModel(c, { x: clientX - frame.left, y: clientY - frame.top });
      },
      clientBox(id) {
        const node = cyRef.current?.getElementById(id);
        const frame = container.current?.getBoundingClientRect();
        if (!node || node.empty() || !frame) return null;
        const b = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        return { left: frame.left + b.x1, top: frame.top + b.y1, width: b.w, height: b.h };
      },
      positions() {
        return cyRef.current ? currentPositions(cyRef.current) : {};
      },
      restore() {
        const { snapshot: shown, view: now } = latest.current;
        drawing.current?.show(shown, now, null);
      },
      async relayout() {
        const c = cyRef.current;
        if (!c) return {};
        const { view: now } = latest.current;
        drawing.current?.forget(now);
        const ended = controller.arrangingStarted();
        try {
          const positions = await requestLayout(now, c.elements().jsons() as never);
          await applyArrangement(c, positions, { animate: true, fit: true });
        } finally {
          ended(null);
        }
        return currentPositions(c);
      },
    }),
    [],
  );

  return (
    <div
      className="map-canvas-frame"
      onMouseMove={(e) => {
        const frame = container.current?.getBoundingClientRect();
        if (frame) pointer.current = { x: e.clientX - frame.left, y: e.clientY - frame.top };
      }}
      onMouseLeave={() => (pointer.current = null)}
      onDragOver={(e) => {
        if (editable && e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(PALETTE_DRAG_TYPE) as ElementKind;
        const c = cyRef.current;
        const frame = container.current?.getBoundingClientRect();
        if (!kind || !c || !frame) return;
        e.preventDefault();
        events.onDropKind(kind, toModel(c, { x: e.clientX - frame.left, y: e.clientY - frame.top }));
      }}
    >
      <div ref={container} className="map-canvas" data-testid="map-canvas" />
      {cy && editable && <ConnectHandle cy={cy} onConnect={(s, t, at) => latest.current.events.onConnect(s, t, at)} />}
      {hint && (
        <div className="drop-hint" style={{ left: hint.x, top: hint.y }} data-testid="drop-hint">
          {hint.text}
        </div>
      )}
      {arriving && (
        <div className="arriving" role="status" data-testid="relations-arriving">
          Drawing relations… {arriving.done.toLocaleString()} of {arriving.total.toLocaleString()}
        </div>
      )}
      {cy && <Minimap cy={cy} vocabulary={vocabulary} />}
    </div>
  );
}

function toModel(cy: Core, rendered: Point): Point {
  const zoom = cy.zoom();
  const pan = cy.pan();
  return { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
}

/** Selection, double-click and right-click, reported to the window. */
function reportGestures(cy: Core, events: () => CanvasEvents): () => void {
  let pending = false;
  const onSelect = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!cy.destroyed()) events().onSelectionChange(cy.$(":selected").map((e) => e.id()));
    });
  };
  const onDoubleTap = (e: EventObject) => events().onRename((e.target as NodeSingular).id());
  const onContext = (e: EventObject) => {
    const original = e.originalEvent as MouseEvent | undefined;
    const client = original ? { x: original.clientX, y: original.clientY } : { x: 0, y: 0 };
    const target = e.target === cy ? null : e.target;
    if (target && !target.selected()) {
      cy.$(":selected").unselect();
      target.select();
    }
    events().onContextMenu(target ? { type: target.isNode() ? "node" : "edge", id: target.id() } : { type: "background" }, client);
  };
  cy.on("select unselect", onSelect);
  cy.on("dbltap", "node", onDoubleTap);
  cy.on("cxttap", onContext);
  return () => {
    cy.off("select unselect", onSelect);
    cy.off("dbltap", "node", onDoubleTap);
    cy.off("cxttap", onContext);
  };
}
