// Dragging elements: local while the pointer moves, one report when it is released — where every
// moved element now stands, and whether the drop put it into a group or took it out of one.
//
// A group grows around a child being dragged (Cytoscape's compound nodes do that), so "dropped
// outside its group" is judged against the groups' boxes as they were when the drag began.
import { unrouteAround } from "./chartRoutes";
import type { BoundingBox12, Core, EventObject, NodeCollection, NodeSingular } from "cytoscape";
import { holdsOthers } from "../map/rules";

type Point = { x: number; y: number };
type Box = BoundingBox12 & { area: number };

export type DropReport = {
  /** Every childless node that moved (what was dragged and everything inside it). */
  positions: Record<string, Point>;
  /** Dragged elements whose group changed on the drop; `parent: null` took them out of any group. */
  nest: { child: string; parent: string | null }[];
};

export type DropHint = { text: string; x: number; y: number } | null;

type Drag = {
  dragged: NodeCollection;
  roots: NodeSingular[];
  start: Record<string, Point>;
  groups: { node: NodeSingular; box: Box }[];
  target: NodeSingular | null;
};

/** The groups a drag could end in (not the dragged ones), with their boxes as the drag begins. */
function dropTargets(cy: Core, dragged: Set<string>): { node: NodeSingular; box: Box }[] {
  return cy
    .nodes()
    .filter((n) => holdsOthers(n.data("kind")) && !dragged.has(n.id()))
    .map((node: NodeSingular) => {
      const b = node.boundingBox({ includeLabels: false, includeOverlays: false });
      return { node, box: { ...b, area: b.w * b.h } };
    });
}

type Callbacks = {
  onDrop(report: DropReport): void;
  onHint(hint: DropHint): void;
  /** Whether this view shows nesting (the org chart does not, so a drop there only moves). */
  nests(): boolean;
};

export function followDrags(cy: Core, callbacks: Callbacks): () => void {
  let drag: Drag | null = null;
  let frame = 0;

  const onDrag = (event: EventObject) => {
    if (!drag) {
      drag = beginDrag(cy, callbacks.nests());
      // The org chart's lines leave the core's routes once their ends move.
      cy.nodes(":grabbed").forEach(unrouteAround);
    }
    cancelAnimationFrame(frame);
    const grabbed = event.target as NodeSingular;
    frame = requestAnimationFrame(() => {
      if (drag) showDropTarget(cy, drag, grabbed, callbacks.onHint);
    });
  };

  const onFree = () => {
    cancelAnimationFrame(frame);
    const finished = drag;
    drag = null;
    callbacks.onHint(null);
    if (!finished) return;
    finished.target?.removeClass("drop-target");
    const report = dropReport(cy, finished);
    if (report) callbacks.onDrop(report);
  };

  // Several selected nodes dragged together each fire `free`; report once per drop.
  let freeScheduled = false;
  const scheduleFree = () => {
    if (freeScheduled) return;
    freeScheduled = true;
    queueMicrotask(() => {
      freeScheduled = false;
      onFree();
    });
  };

  cy.on("drag", "node", onDrag);
  cy.on("free", "node", scheduleFree);
  return () => {
    cancelAnimationFrame(frame);
    cy.off("drag", "node", onDrag);
    cy.off("free", "node", scheduleFree);
  };
}

/** What a drag starts from: what moves, where it stood, and the groups it could end in. */
function beginDrag(cy: Core, nests: boolean): Drag {
  const dragged = cy.nodes(":grabbed");
  const moving = dragged.union(dragged.descendants()) as NodeCollection;
  const movingIds = new Set(moving.map((n) => n.id()));
  const start: Record<string, Point> = {};
  moving.filter((n) => n.isChildless()).forEach((n) => {
    start[n.id()] = { ...n.position() };
  });
  const groups = nests ? dropTargets(cy, movingIds) : [];
  // Only the outermost dragged elements change group; what is inside them stays inside them.
  const roots = dragged.filter((n) => n.ancestors().intersection(dragged).empty()).toArray() as NodeSingular[];
  return { dragged, roots, start, groups, target: null };
}

/** The smallest group, not being dragged, whose box (as at the start) holds `point`. */
function groupAt(groups: Drag["groups"], point: Point): NodeSingular | null {
  let best: { node: NodeSingular; box: Box } | null = null;
  for (const g of groups) {
    const { x1, x2, y1, y2 } = g.box;
    if (point.x >= x1 && point.x <= x2 && point.y >= y1 && point.y <= y2 && (!best || g.box.area < best.box.area)) best = g;
  }
  return best ? best.node : null;
}

function parentId(n: NodeSingular): string | null {
  return n.parent().nonempty() ? n.parent().first().id() : null;
}

/** Marks the group the grabbed element would drop into, with a hint over it when that changes its group. */
function showDropTarget(cy: Core, drag: Drag, grabbed: NodeSingular, onHint: Callbacks["onHint"]): void {
  const root = drag.roots.find((r) => r.same(grabbed)) ?? drag.roots[0];
  if (!root) return;
  const target = groupAt(drag.groups, root.position());
  drag.target?.removeClass("drop-target");
  drag.target = target;
  const current = parentId(root);
  const targetId = target ? target.id() : null;
  if (targetId === current) {
    onHint(null);
    return;
  }
  target?.addClass("drop-target");
  const at = root.renderedPosition();
  const currentName = current ? String(cy.getElementById(current).data("name")) : "";
  onHint({
    text: target ? `Drop into ${target.data("name")}` : `Drop to take out of ${currentName}`,
    x: at.x,
    y: at.y - root.renderedHeight() / 2,
  });
}

/** Where everything moved and which groups changed; null when the drop moved nothing. */
function dropReport(cy: Core, finished: Drag): DropReport | null {
  const positions: Record<string, Point> = {};
  let moved = false;
  for (const [id, was] of Object.entries(finished.start)) {
    const now = cy.getElementById(id).position();
    positions[id] = { x: now.x, y: now.y };
    if (Math.abs(now.x - was.x) > 0.5 || Math.abs(now.y - was.y) > 0.5) moved = true;
  }
  if (!moved) return null;
  const nest = finished.roots.flatMap((root) => {
    const target = groupAt(finished.groups, root.position());
    const targetId = target ? target.id() : null;
    return targetId === parentId(root) ? [] : [{ child: root.id(), parent: targetId }];
  });
  return { positions, nest };
}
