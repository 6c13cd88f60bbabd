// The one place the window's copy of the map changes: a snapshot when a map is opened, then the
// core's changes applied in order. A change for another map, or one that skips a generation, is
// not applied: the window asks for a fresh snapshot instead (see useMapDocument).
import type { MapChange_Serialize } from "../bindings";
import type { MapSnapshot } from "../map/types";

export type MapChange = MapChange_Serialize;

/**
 * Whether `change` follows `snapshot` directly (same map and scenario, next generation). A change
 * about another scenario (the one on screen was deleted, or its adding undone, and the core put
 * another on screen) does not: that scenario comes whole.
 */
export function follows(snapshot: MapSnapshot, change: MapChange): boolean {
  return change.document === snapshot.document && change.scenario === snapshot.scenario && change.generation === snapshot.generation + 1;
}

/** `snapshot` with `change` applied; lists keep their order, changed items in place, new ones last. */
export function applyChange(snapshot: MapSnapshot, change: MapChange): MapSnapshot {
  const removedElements = new Set(change.removed_elements);
  const elements = patched(snapshot.elements, change.elements, removedElements);
  const labels = patched(snapshot.labels, change.labels, removedElements);
  const relations = patched(snapshot.relations, change.relations, new Set(change.removed_relations));
  const key = (p: { view: string; id: string }) => `${p.view}\u0000${p.id}`;
  const cleared = new Set(change.unplaced.map(key));
  const set = new Map(change.positions.map((p) => [key(p), p]));
  const touchesPositions = cleared.size > 0 || set.size > 0 || removedElements.size > 0;
  const positions = touchesPositions
    ? [
        ...snapshot.positions.filter((p) => !removedElements.has(p.id) && !cleared.has(key(p)) && !set.has(key(p))),
        ...set.values(),
      ]
    : snapshot.positions;
  return {
    ...snapshot,
    generation: change.generation,
    elements,
    labels,
    relations,
    positions,
    title: change.title ?? snapshot.title,
    scenarios: change.scenarios ?? snapshot.scenarios,
    scenes: change.scenes ?? snapshot.scenes,
    can_undo: change.can_undo,
    can_redo: change.can_redo,
  };
}

/** `list` with `changed` put in place (or added) and `removed` taken out; the same array when untouched. */
function patched<T extends { id: string }>(list: T[], changed: T[], removed: Set<string>): T[] {
  if (changed.length === 0 && removed.size === 0) return list;
  const byId = new Map(changed.map((item) => [item.id, item]));
  const out: T[] = [];
  for (const item of list) {
    if (removed.has(item.id)) continue;
    const now = byId.get(item.id);
    out.push(now ?? item);
    byId.delete(item.id);
  }
  out.push(...byId.values());
  return out;
}
