// The canvas's Cytoscape instance: made when the vocabulary is known, wired to the drawing,
// level of detail, selection highlight, drags and gestures, and torn down with the window. It is
// made afresh for each map the window opens, because a big map's cheaper drawing (bigMap.ts) is
// chosen when the instance is made: a 5,000-element district opened after the sample would
// otherwise be redrawn in full at every frame. Edits, views and scenarios keep the instance.
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
import { leaveTestHook } from "./testHook";
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

/**
 * `mapDocument` is the shown map's number (MapSnapshot.document): a new one makes a new instance.
 * `cy` is null while the instance on hand was made for another map, so that nothing draws the
 * new map on an instance about to go.
 */
export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  vocabulary: Vocabulary,
  mapDocument: number,
  latest: RefObject<LatestProps>,
  controller: CanvasController,
): Cytoscape {
  const [made, setMade] = useState<{ cy: Core; mapDocument: number } | null>(null);
  const cyRef = useRef<Core | null>(null);
  const drawing = useRef<MapDrawing | null>(null);
  const [hint, setHint] = useState<DropHint>(null);
  // Relations still being added after a big map's first drawing (see bigMap.ts).
  const [arriving, setArriving] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => {
    // Chosen once per map: a map that crosses BIG_MAP by edits keeps its drawing until reopened,
    // rather than losing its view and selection to a new instance mid-edit.
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
      // The old map's last slices may report after its instance is gone.
      onArriving: (left) => {
        if (!instance.destroyed()) setArriving(left);
      },
      view: () => latest.current.view,
    });
    setMade({ cy: instance, mapDocument });
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
      leaveTestHook(instance);
      instance.destroy();
      cyRef.current = null;
      drawing.current = null;
      // What the old instance showed goes with it; the new one starts with nothing selected.
      setArriving(null);
      setHint(null);
      latest.current.events.onSelectionChange([]);
    };
  }, [vocabulary, mapDocument]);

  const cy = made?.mapDocument === mapDocument ? made.cy : null;
  return { cy, cyRef, drawing, hint, arriving };
}
