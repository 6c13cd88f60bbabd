// The edits a gesture makes, spelled as the core's ops. Pure functions from what is on screen to
// what to send, so each gesture is one command (one undo step) and can be tested without a window.
import type { ElementKind, Element_Deserialize, Medium, Relation_Deserialize, View } from "../bindings";
import type { MapElement, MapRelation } from "../map/types";
import type { Op } from "../state/useMapDocument";
import { newId } from "./ids";
import { freshElement } from "../map/rules";

type Point = { x: number; y: number };

/** A freshly drawn element of `kind` with the core's defaults, inside `parent` when given. */
export function newElement(kind: ElementKind, parent: string | null = null): Element_Deserialize {
  const fresh = freshElement(kind);
  return { id: newId(), name: fresh.name, ...fresh.details, kind, ...(parent ? { parent } : {}) } as Element_Deserialize;
}

export function moveOp(view: View, positions: Record<string, Point>): Op {
  return {
    op: "move",
    view,
    positions: Object.entries(positions).map(([element, p]) => ({ element, point: { x: Math.round(p.x), y: Math.round(p.y) } })),
  };
}

export type RelationChoice = { kind: "flow"; medium: Medium } | { kind: "reports_to" | "member_of" | "barrier" | "derives_from" | "governs" };

export function connect(source: string, target: string, choice: RelationChoice): { id: string; op: Op } {
  const id = newId();
  const relation = (
    choice.kind === "flow"
      ? { id, source, target, kind: "flow", medium: choice.medium, direction: "one_way", volume: 3 }
      : { id, source, target, kind: choice.kind }
  ) as Relation_Deserialize;
  return { id, op: { op: "connect", relation } };
}

/** Deletes relations first (those not going with a deleted element), then elements. */
export function deleteSelection(ids: string[], elements: MapElement[], relations: MapRelation[]): Op | null {
  const chosen = new Set(ids);
  const goingElements = elements.filter((e) => chosen.has(e.id)).map((e) => e.id);
  const going = new Set(goingElements);
  const goingRelations = relations
    .filter((r) => chosen.has(r.id) && !going.has(r.source) && !going.has(r.target))
    .map((r) => r.id);
  const ops: Op[] = [
    ...goingRelations.map((id): Op => ({ op: "delete_relation", id })),
    ...goingElements.map((id): Op => ({ op: "delete_element", id })),
  ];
  return ops.length === 0 ? null : { op: "batch", ops };
}

/** What Copy keeps: the chosen elements with everything inside them, and the relations among them. */
export type Clipping = { elements: MapElement[]; relations: MapRelation[]; positions: Record<string, Point> };

export function clip(ids: string[], elements: MapElement[], relations: MapRelation[], positions: Record<string, Point>): Clipping | null {
  const taken = new Set(ids.filter((id) => elements.some((e) => e.id === id)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of elements) {
      if (e.parent && taken.has(e.parent) && !taken.has(e.id)) {
        taken.add(e.id);
        grew = true;
      }
    }
  }
  if (taken.size === 0) return null;
  return {
    elements: elements.filter((e) => taken.has(e.id)),
    relations: relations.filter((r) => taken.has(r.source) && taken.has(r.target)),
    positions: Object.fromEntries(Object.entries(positions).filter(([id]) => taken.has(id))),
  };
}

/**
 * Copies of a clipping with fresh ids, shifted by `offset`, as one batch. Nesting, relations and
 * references among the copies point at the copies; references to anything else stay as they were.
 * `existing` is every element id on the map now: a copy of a child whose parent is gone is not nested.
 */
export function paste(clipping: Clipping, view: View, offset: Point, existing: Set<string>): { ids: string[]; op: Op } {
  const fresh = new Map(clipping.elements.map((e) => [e.id, newId()]));
  const remap = (id: string | null | undefined) => (id ? fresh.get(id) ?? (existing.has(id) ? id : null) : null);
  const copies = parentsFirst(clipping.elements).map((e): Element_Deserialize => {
    const copy = { ...e, id: fresh.get(e.id)!, parent: remap(e.parent) } as Record<string, unknown>;
    if (e.kind === "person") {
      copy.position = remap(e.position);
      copy.home_base = remap(e.home_base);
    }
    if (e.kind === "routine") copy.steps = e.steps.map((s) => ({ name: s.name, owner: remap(s.owner) }));
    return copy as Element_Deserialize;
  });
  const links = clipping.relations.map((r): Op => ({
    op: "connect",
    relation: { ...r, id: newId(), source: fresh.get(r.source)!, target: fresh.get(r.target)! } as Relation_Deserialize,
  }));
  const moved = Object.fromEntries(
    Object.entries(clipping.positions).map(([id, p]) => [fresh.get(id)!, { x: p.x + offset.x, y: p.y + offset.y }]),
  );
  return {
    ids: copies.map((c) => c.id),
    op: {
      op: "batch",
      ops: [...copies.map((element): Op => ({ op: "create_element", element })), ...links, moveOp(view, moved)],
    },
  };
}

function parentsFirst(elements: MapElement[]): MapElement[] {
  const ids = new Set(elements.map((e) => e.id));
  const placed = new Set<string>();
  const ordered: MapElement[] = [];
  let rest = elements;
  while (rest.length > 0) {
    const ready = rest.filter((e) => !e.parent || !ids.has(e.parent) || placed.has(e.parent));
    if (ready.length === 0) return [...ordered, ...rest];
    for (const e of ready) {
      ordered.push(e);
      placed.add(e.id);
    }
    rest = rest.filter((e) => !placed.has(e.id));
  }
  return ordered;
}
