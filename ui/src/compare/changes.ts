// The change list's order and filter: the core's changes in its stable order, under the four
// headings a redesign is read by, and which kinds of change are shown. The words are the core's.
import type { Change, ChangeGroup, ChangeKind } from "./types";

export const GROUPS: { group: ChangeGroup; heading: string }[] = [
  { group: "structure", heading: "Structure" },
  { group: "flows_and_barriers", heading: "Flows and barriers" },
  { group: "memberships", heading: "Memberships and home bases" },
  { group: "attributes", heading: "Attributes" },
];

export const KINDS: { kind: ChangeKind; label: string }[] = [
  { kind: "added", label: "Added" },
  { kind: "removed", label: "Removed" },
  { kind: "changed", label: "Changed" },
  { kind: "moved", label: "Moved" },
];

export type ChangeSection = { group: ChangeGroup; heading: string; changes: Change[] };

/** The changes of the kinds shown, under their headings (headings with none left out). */
export function sections(changes: Change[], shown: ReadonlySet<ChangeKind>): ChangeSection[] {
  return GROUPS.map(({ group, heading }) => ({
    group,
    heading,
    changes: changes.filter((c) => c.group === group && shown.has(c.kind)),
  })).filter((s) => s.changes.length > 0);
}

/** How many changes of each kind there are, for the filter's labels. */
export function countByKind(changes: Change[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return counts;
}

/** The ticked changes that are still in the comparison (a refreshed comparison may have lost some). */
export function stillTicked(ticked: ReadonlySet<string>, changes: Change[]): Set<string> {
  return new Set(changes.filter((c) => ticked.has(c.id)).map((c) => c.id));
}
