// What the window can ask of the map canvas (CanvasHandle), built over the live Cytoscape
// instance, kept apart from MapCanvas so the component is only wiring and markup.
import type { RefObject } from "react";
import type { Core } from "cytoscape";
import type { View } from "../map/types";
import type { MapSnapshot } from "../map/types";
import { applyArrangement, currentPositions, frameAll } from "./arrange";
import type { MapDrawing } from "./drawing";
import type { CanvasController } from "./controller";
import { chartRoutesOf, requestLayout } from "../layout/requestLayout";
import { clearChartRoutes, drawChartRoutes } from "./chartRoutes";
import { spotForNew } from "./freeSpot";
import type { CanvasHandle } from "./canvasApi";

export type { Point } from "./canvasApi";
import type { Point } from "./canvasApi";

const FOCUS_HIGHLIGHT_MS = 1800;

/** The live parts of the canvas the handle reads when called (refs, so it never goes stale). */
export type CanvasParts = {
  cy: RefObject<Core | null>;
  container: RefObject<HTMLDivElement | null>;
  drawing: RefObject<MapDrawing | null>;
  pointer: RefObject<Point | null>;
  shown: () => { snapshot: MapSnapshot; view: View };
  controller: CanvasController;
};

/** A model point for a point of the canvas (rendered pixels). */
export function toModel(cy: Core, rendered: Point): Point {
  const zoom = cy.zoom();
  const pan = cy.pan();
  return { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
}

export function makeCanvasHandle(parts: CanvasParts): CanvasHandle {
  return { ...viewing(parts), ...selecting(parts), ...measuring(parts), ...arranging(parts) };
}

/** Framing, focusing and zooming. */
function viewing({ cy: cyRef }: CanvasParts): Pick<CanvasHandle, "fit" | "frame" | "focus" | "zoomBy"> {
  return {
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
    zoomBy(factor) {
      const c = cyRef.current;
      if (!c) return;
      c.animate({ zoom: { level: c.zoom() * factor, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } }, duration: 180 });
    },
  };
}

function selecting({ cy: cyRef }: CanvasParts): Pick<CanvasHandle, "select" | "selectAll" | "clearSelection"> {
  return {
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
  };
}

/** Points and boxes between the model, the canvas and the window. */
function measuring({ cy: cyRef, container, pointer }: CanvasParts): Pick<CanvasHandle, "placeForNew" | "modelAt" | "clientBox" | "positions"> {
  return {
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
  };
}

/** Putting things back where the snapshot says, or laying the view out afresh. */
function arranging({ cy: cyRef, drawing, shown, controller }: CanvasParts): Pick<CanvasHandle, "restore" | "relayout"> {
  return {
    restore() {
      const { snapshot, view } = shown();
      drawing.current?.show(snapshot, view, null);
    },
    async relayout() {
      const c = cyRef.current;
      if (!c) return {};
      const { view: now } = shown();
      drawing.current?.forget(now);
      const ended = controller.arrangingStarted();
      try {
        const positions = await requestLayout(now, c.elements().jsons() as never);
        clearChartRoutes(c);
        await applyArrangement(c, positions, { animate: true, fit: true });
        if (now === "org_chart") drawChartRoutes(c, chartRoutesOf(positions));
      } finally {
        ended(null);
      }
      return currentPositions(c);
    },
  };
}
