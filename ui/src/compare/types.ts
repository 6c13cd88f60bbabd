// The comparison as the window receives it from the core (`compare_scenarios`), named once so the
// rest of the compare view is free of the bindings' `_Serialize` suffixes.
import type { Change_Serialize, ChangeMarkStyle, Comparison_Serialize, LensDelta_Serialize } from "../bindings";

export type Comparison = Comparison_Serialize;
export type Change = Change_Serialize;
export type LensDelta = LensDelta_Serialize;
export type MarkStyle = ChangeMarkStyle;
export type { ChangeGroup, ChangeKind, ChangeSubject, Mark } from "../bindings";

/** Overlay: one canvas with both scenarios. Side by side: two canvases, locked together. */
export type CompareMode = "overlay" | "side_by_side";

/** What the window may ask of the compare view's canvases (zoom keys, a change list row). */
export type CompareViewHandle = { fit(): void; zoomBy(factor: number): void; focus(id: string): void };
