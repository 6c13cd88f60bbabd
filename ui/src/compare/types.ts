// The comparison as the window receives it from the core (`compare_scenarios`), named once so the
// rest of the compare view is free of the bindings' `_Serialize` suffixes.
import type { LinePattern } from "../bindings";
import type { MapSnapshot } from "../map/types";

export type ChangeGroup = "structure" | "flows_and_barriers" | "memberships" | "attributes";
export type ChangeKind = "added" | "removed" | "changed" | "moved";
export type ChangeSubject = { type: "element"; id: string } | { type: "relation"; id: string };
export type Change = { id: string; group: ChangeGroup; kind: ChangeKind; subject: ChangeSubject; words: string; fields: string[]; from_group: string | null; to_group: string | null };
export type Mark = ChangeKind | "unchanged";
export type LensDelta = { lens: string; label: string; rows: { subject: { id: string; name: string } | null; figure: string; before: string; after: string; words: string }[] };
export type Comparison = {
  diff: { from: string; to: string; changes: Change[] };
  deltas: { lenses: LensDelta[] };
  overlay: { snapshot: MapSnapshot; marks: { id: string; subject: ChangeSubject; mark: Mark }[]; moved: { element: string; from_group: string; to_group: string }[] };
  from: MapSnapshot;
  to: MapSnapshot;
};
export type MarkStyle = { mark: Mark; label: string; badge: string; colour: string; pattern: LinePattern; faded: boolean; meaning: string };

/** Overlay: one canvas with both scenarios. Side by side: two canvases, locked together. */
export type CompareMode = "overlay" | "side_by_side";
