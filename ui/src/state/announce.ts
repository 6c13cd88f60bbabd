// What the live region says after an edit, undo or redo: the applied change in words ("Moved Priya
// Raman into Graduate Capstone"), derived once from the change the store receives, so every way of
// making an edit (canvas, outline, inspector, keyboard) is announced the same way.
import type { MapRelation, MapSnapshot } from "../map/types";
import type { MapChange } from "./mapStore";

/** Why a change arrived: an edit the window (or an import) made, or a step back or forward. */
export type ChangeCause = "edit" | "undo" | "redo";

/** At most this many parts are spelled out; the rest are counted. */
const MOST_PARTS = 3;

const RELATION_WORDS: Record<string, string> = {
  reports_to: "a reporting line",
  member_of: "a membership",
  barrier: "a barrier",
};

/** "an information flow", "a reporting line". */
export function relationWords(relation: Pick<MapRelation, "kind"> & { medium?: string }): string {
  if (relation.kind === "flow") {
    const medium = relation.medium ?? "";
    return `${/^[aeiou]/.test(medium) ? "an" : "a"} ${medium} flow`;
  }
  return RELATION_WORDS[relation.kind] ?? "a relation";
}

/** The words for `change` applied to `before`, prefixed by "Undid" or "Redid" when it was one. */
export function describeChange(before: MapSnapshot, change: MapChange, cause: ChangeCause): string {
  const parts = changeParts(before, change);
  const said = parts.length === 0 ? ["No visible change"] : parts.length > MOST_PARTS ? [...parts.slice(0, MOST_PARTS), `${parts.length - MOST_PARTS} more changes`] : parts;
  const sentence = said.join("; ");
  if (cause === "edit") return sentence;
  return `${cause === "undo" ? "Undid" : "Redid"}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

function changeParts(before: MapSnapshot, change: MapChange): string[] {
  const was = new Map(before.elements.map((e) => [e.id, e]));
  const now = new Map(change.elements.map((e) => [e.id, e]));
  const name = (id: string | null | undefined) => (id ? now.get(id)?.name ?? was.get(id)?.name ?? "an element" : "an element");
  const parts: string[] = [];
  for (const e of change.elements) {
    const old = was.get(e.id);
    if (!old) parts.push(`Added ${e.name}${e.parent ? ` in ${name(e.parent)}` : ""}`);
    else if (old.parent !== e.parent) parts.push(e.parent ? `Moved ${e.name} into ${name(e.parent)}` : `Moved ${e.name} out of ${name(old.parent)}`);
    else if (old.name !== e.name) parts.push(`Renamed ${old.name} to ${e.name}`);
    else parts.push(`Changed ${e.name}`);
  }
  const removed = new Set(change.removed_elements);
  for (const id of change.removed_elements) parts.push(`Deleted ${name(id)}`);
  const oldRelations = new Map(before.relations.map((r) => [r.id, r]));
  for (const r of change.relations) {
    const ends = `${name(r.source)} to ${name(r.target)}`;
    parts.push(oldRelations.has(r.id) ? `Changed ${relationWords(r)} from ${ends}` : `Connected ${ends} with ${relationWords(r)}`);
  }
  for (const id of change.removed_relations) {
    const r = oldRelations.get(id);
    // A relation that went with a deleted element is said by the element's deletion.
    if (r && !removed.has(r.source) && !removed.has(r.target)) parts.push(`Deleted ${relationWords(r)} from ${name(r.source)} to ${name(r.target)}`);
  }
  if (parts.length === 0) parts.push(...placesAndNames(change, name));
  return parts;
}

/** A change that only moved things on the canvas, or touched the title, scenarios or scenes. */
function placesAndNames(change: MapChange, name: (id: string) => string): string[] {
  const parts: string[] = [];
  const placed = new Set([...change.positions.map((p) => p.id), ...change.unplaced.map((p) => p.id)]);
  if (placed.size === 1) parts.push(`Moved ${name([...placed][0])}`);
  else if (placed.size > 1) parts.push(`Moved ${placed.size} elements`);
  if (change.title !== null) parts.push(`Renamed the map to ${change.title}`);
  if (change.scenarios !== null) parts.push("Changed the scenarios");
  if (change.scenes !== null) parts.push("Changed the scenes");
  return parts;
}
