// What one change touches on the canvas of a view: the elements and relations it names (and the
// elements it placed in that view), and those whose drawing depends on them — a parent that gains
// or loses its last child (a group is drawn and labelled differently), and on the org chart the
// ends of a `reports to` line drawn or removed (an element is on the chart only while a line joins
// it), and the office box each of those sits in there. Everything else keeps its drawing, so the canvas rebuilds and compares only these (see
// MapDrawing.showChange).
import type { MapChange } from "../state/mapStore";
import type { MapRelation, MapSnapshot, View } from "../map/types";
import { onView } from "../map/elements";

export type Touched = { elements: Set<string>; relations: Set<string> };

export function touchedBy(change: MapChange, before: MapSnapshot, after: MapSnapshot, view: View): Touched {
  const placed = [...change.positions, ...change.unplaced].filter((p) => p.view === view).map((p) => p.id);
  const elements = new Set([...change.elements.map((e) => e.id), ...change.removed_elements, ...placed]);
  const relations = new Set([...change.relations.map((r) => r.id), ...change.removed_relations]);
  if (view === "network") {
    const parents = [...parentsOf(before, elements), ...parentsOf(after, elements)];
    parents.forEach((id) => elements.add(id));
  } else {
    for (const relation of [...find(before.relations, relations), ...find(after.relations, relations)]) {
      if (onView(relation, view)) elements.add(relation.source).add(relation.target);
    }
    [...chartOffices(before, elements), ...chartOffices(after, elements)].forEach((id) => elements.add(id));
  }
  return { elements, relations };
}

/** The parents of `ids` in `snapshot`. */
function parentsOf(snapshot: MapSnapshot, ids: Set<string>): string[] {
  return snapshot.elements.flatMap((e) => (ids.has(e.id) && e.parent ? [e.parent] : []));
}

/**
 * On the org chart of `snapshot`, the office boxes `ids` sit in and the people sitting in `ids`
 * (the core's `chart_office`): a box comes and goes with its people, and they with it.
 */
function chartOffices(snapshot: MapSnapshot, ids: Set<string>): string[] {
  return snapshot.labels.flatMap((l) => {
    if (!l.chart_office) return [];
    if (ids.has(l.id)) return [l.chart_office];
    return ids.has(l.chart_office) ? [l.id] : [];
  });
}

function find(relations: MapRelation[], ids: Set<string>): MapRelation[] {
  return ids.size === 0 ? [] : relations.filter((r) => ids.has(r.id));
}
