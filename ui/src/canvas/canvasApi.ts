// What the window and the canvas say to each other: the handle the window drives the canvas
// with, the events the canvas reports, and what a right-click lands on. Apart from the component
// so the canvas's own parts (its handle, its gestures, its Cytoscape instance) can name them
// without importing the component.
import type { ElementKind } from "../map/types";
import type { Positions } from "../layout/compute";
import type { DropReport } from "./dragToMove";

export type Point = { x: number; y: number };

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
