// The map canvas: one Cytoscape instance per map opened (see useCytoscape), kept in step with the
// snapshot and view it is given. It renders what the core sent and reports what the user does — selects, drags,
// draws a relation, double-clicks, right-clicks — but never changes the map itself.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import type { ElementKind, MapSnapshot, View, Vocabulary } from "../map/types";
import type { MapChange } from "../state/mapStore";
import { useCanvasController } from "./controller";
import { ConnectHandle } from "./ConnectHandle";
import { Minimap } from "./Minimap";
import { makeCanvasHandle, toModel, type Point } from "./canvasHandle";
import { useCytoscape, type LatestProps } from "./useCytoscape";

export type { CanvasEvents, CanvasHandle, CanvasTarget } from "./canvasApi";
import type { CanvasEvents, CanvasHandle } from "./canvasApi";

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

export const PALETTE_DRAG_TYPE = "application/x-murmuration-kind";

export function MapCanvas({ snapshot, change, vocabulary, view, editable, events, handle }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const pointer = useRef<Point | null>(null);
  const latest = useRef<LatestProps>({ snapshot, change, view, events, editable });
  latest.current = { snapshot, change, view, events, editable };
  const controller = useCanvasController();
  const { cy, cyRef, drawing, hint, arriving } = useCytoscape(container, vocabulary, snapshot.document, latest, controller);

  useEffect(() => {
    cy?.autoungrabify(!editable);
  }, [cy, editable]);

  // Only once `cy` is set (it is null too while another map's instance replaces the old one):
  // showing from the ref before would draw the map, and the state change arriving after that
  // long first drawing would then draw it a second time. Before the browser
  // paints (a layout effect), so an edit reaches the canvas in the frame that shows it in the panels.
  useLayoutEffect(() => {
    const { snapshot: shown, view: shownNow, change: made } = latest.current;
    if (cy) drawing.current?.show(shown, shownNow, made);
  }, [cy, snapshot, view, vocabulary]);

  useImperativeHandle(
    handle,
    (): CanvasHandle =>
      makeCanvasHandle({ cy: cyRef, container, drawing, pointer, shown: () => latest.current, controller }),
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
      {/* One tab stop for the whole map: Tab, the arrows and Enter then move through its elements (actions/keyboard.ts). */}
      <div
        ref={container}
        className="map-canvas"
        data-testid="map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label="Map. Tab and the arrow keys move through its elements, Enter opens the inspector."
      />
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
