// The canvas's one Cytoscape instance: made when the vocabulary is known, wired to the drawing,
// level of detail, selection highlight, drags and gestures, and torn down with the window.
import { useEffect, useRef, useState, type RefObject } from "react";
import cytoscape, { type Core } from "cytoscape";
import type { MapSnapshot, View, Vocabulary } from "../map/types";
import type { MapChange } from "../state/mapStore";
import { buildStylesheet } from "../map/stylesheet";
import { BIG_MAP_RENDERER, BIG_MAP_STYLE, isBigMap } from "./bigMap";
import { followLevelOfDetail } from "./levelOfDetail";
import { MapDrawing } from "./drawing";
import type { CanvasController } from "./controller";
import { highlightSelection } from "./highlight";
import { followDrags, type DropHint } from "./dragToMove";
import { reportGestures } from "./gestures";
import type { CanvasEvents } from "./canvasApi";

/** What the canvas was last given, read by callbacks that outlive a render. */
export type LatestProps = { snapshot: MapSnapshot; change: MapChange | null; view: View; events: CanvasEvents; editable: boolean };

export type Cytoscape = {
  cy: Core | null;
  cyRef: RefObject<Core | null>;
  drawing: RefObject<MapDrawing | null>;
  hint: DropHint;
  arriving: { done: number; total: number } | null;
};

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  vocabulary: Vocabulary,
  latest: RefObject<LatestProps>,
  controller: CanvasController,
): Cytoscape {
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const drawing = useRef<MapDrawing | null>(null);
  const [hint, setHint] = useState<DropHint>(null);
  // Relations still being added after a big map's first drawing (see bigMap.ts).
  const [arriving, setArriving] = useState<{ done: number; total: number } | null>(null);

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
      followLevelOfDetail(instance, big),
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

  return { cy, cyRef, drawing, hint, arriving };
}
