// Drawing a relation: hovering an element shows a small handle on its right; dragging from the
// handle to another element draws a preview line, and letting go there asks what kind of relation
// it is. The canvas only reports the two ends; the window asks the question and sends the command.
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from "react";
import type { Core, NodeSingular } from "cytoscape";
import { drawnAtThisLevel } from "./levelOfDetail";

type Point = { x: number; y: number };

type Props = {
  cy: Core;
  onConnect(source: string, target: string, client: Point): void;
};

const HIDE_DELAY_MS = 350;

export function ConnectHandle({ cy, onConnect }: Props) {
  const [line, setLine] = useState<{ from: Point; to: Point; target: string | null } | null>(null);
  const hideTimer = useRef(0);
  const connecting = useRef(false);
  const [hovered, setHovered] = useHoveredElement(cy, hideTimer, connecting);

  // Mouse events, not pointer events: WebKit's WebDriver (the end-to-end tests) sends only mouse
  // events, and listening on the window follows the drag anywhere without pointer capture.
  const start = (event: ReactMouseEvent<HTMLButtonElement>) => {
    if (!hovered || event.button !== 0) return;
    event.preventDefault();
    const source = cy.getElementById(hovered.id) as NodeSingular;
    const frame = cy.container()!.getBoundingClientRect();
    const from = source.renderedPosition();
    connecting.current = true;
    let target: NodeSingular | null = null;
    const move = (e: MouseEvent) => {
      const to = { x: e.clientX - frame.left, y: e.clientY - frame.top };
      const under = nodeAt(cy, to);
      target?.removeClass("connect-target");
      target = under && !under.same(source) ? under : null;
      target?.addClass("connect-target");
      setLine({ from, to, target: target ? target.id() : null });
    };
    const end = (e: MouseEvent) => {
      window.removeEventListener("mousemove", move, true);
      window.removeEventListener("mouseup", end, true);
      connecting.current = false;
      target?.removeClass("connect-target");
      setLine(null);
      setHovered(null);
      if (target) onConnect(source.id(), target.id(), { x: e.clientX, y: e.clientY });
    };
    window.addEventListener("mousemove", move, true);
    window.addEventListener("mouseup", end, true);
  };

  return (
    <>
      {hovered && (
        <button
          className="connect-handle"
          data-testid="connect-handle"
          title="Drag to another element to draw a relation"
          aria-label="Draw a relation from here"
          style={{ left: hovered.at.x, top: hovered.at.y }}
          onMouseDown={start}
          onMouseEnter={() => window.clearTimeout(hideTimer.current)}
        />
      )}
      {line && (
        <svg className="connect-preview" aria-hidden="true">
          <line x1={line.from.x} y1={line.from.y} x2={line.to.x} y2={line.to.y} />
          <circle cx={line.to.x} cy={line.to.y} r={line.target ? 7 : 4} />
        </svg>
      )}
    </>
  );
}

type Hovered = { id: string; at: Point } | null;

/**
 * The element the pointer is over, with where its handle goes; kept a moment after the pointer
 * leaves (so it can reach the handle) and while a relation is being drawn.
 */
function useHoveredElement(cy: Core, hideTimer: RefObject<number>, connecting: RefObject<boolean>) {
  const [hovered, setHovered] = useState<Hovered>(null);
  useEffect(() => {
    const show = (node: NodeSingular) => {
      if (connecting.current || node.grabbed()) return;
      window.clearTimeout(hideTimer.current);
      const box = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      setHovered({ id: node.id(), at: { x: box.x2 + 4, y: (box.y1 + Math.min(box.y2, box.y1 + 60)) / 2 } });
    };
    const onOver = (e: { target: NodeSingular }) => show(e.target);
    const onOut = () => {
      if (connecting.current) return;
      window.clearTimeout(hideTimer.current);
      hideTimer.current = window.setTimeout(() => setHovered(null), HIDE_DELAY_MS);
    };
    const hide = () => {
      if (!connecting.current) setHovered(null);
    };
    cy.on("mouseover", "node", onOver);
    cy.on("mouseout", "node", onOut);
    cy.on("viewport drag remove", hide);
    return () => {
      window.clearTimeout(hideTimer.current);
      cy.off("mouseover", "node", onOver);
      cy.off("mouseout", "node", onOut);
      cy.off("viewport drag remove", hide);
    };
  }, [cy]);
  return [hovered, setHovered] as const;
}

/** The innermost element under a point of the canvas (rendered pixels), if any. */
function nodeAt(cy: Core, rendered: Point): NodeSingular | null {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const model = { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom };
  let best: NodeSingular | null = null;
  let bestArea = Infinity;
  cy.nodes(":visible").forEach((n) => {
    if (!drawnAtThisLevel(cy, n)) return;
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
    if (model.x >= b.x1 && model.x <= b.x2 && model.y >= b.y1 && model.y <= b.y2 && b.w * b.h < bestArea) {
      best = n;
      bestArea = b.w * b.h;
    }
  });
  return best;
}
