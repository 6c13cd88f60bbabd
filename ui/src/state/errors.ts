// How the window shows an error, by its kind: one table, so the UI branches on `kind` (never on the
// words) in one place. The words shown are always the core's own plain sentence.
import type { CoreError, ErrorKind } from "../bindings";

export type Tone = "error" | "info";

/** Refusals and failures are errors; having nothing left to undo or redo is only worth a note. */
export const ERROR_TONE: Record<ErrorKind, Tone> = {
  // The map's rules: the edit was refused and nothing changed.
  duplicate_id: "error",
  id_mismatch: "error",
  unknown_scenario: "error",
  unknown_element: "error",
  unknown_relation: "error",
  dangling_relation: "error",
  reports_to_cycle: "error",
  nesting_cycle: "error",
  rule_cycle: "error",
  cascade_ends: "error",
  rule_owner_not_office: "error",
  parent_not_group: "error",
  invalid_date: "error",
  span_order: "error",
  sprint_status_span: "error",
  flow_volume: "error",
  home_base_not_community: "error",
  position_not_office: "error",
  invalid_point: "error",
  last_scenario: "error",
  scenario_name: "error",
  unknown_scene: "error",
  invalid_viewport: "error",
  // Files.
  not_a_map: "error",
  invalid_json: "error",
  too_new: "error",
  corrupt: "error",
  already_open: "error",
  file_exists: "error",
  io: "error",
  storage: "error",
  // History.
  nothing_to_undo: "info",
  nothing_to_redo: "info",
  // Imports.
  unreadable_file: "error",
  missing_column: "error",
  invalid_value: "error",
  nothing_to_import: "error",
  unknown_lens: "error",
  // Adopting changes from a comparison: nothing was adopted.
  change_does_not_apply: "error",
};

export type ShownError = { text: string; tone: Tone; subjects: string[] };

function isCoreError(error: unknown): error is CoreError {
  return typeof error === "object" && error !== null && "kind" in error && "message" in error;
}

/** An error from the core (`{kind, message, subjects}`) or from the window itself, as the window shows it. */
export function shownError(error: unknown): ShownError {
  if (isCoreError(error)) {
    return { text: error.message, tone: ERROR_TONE[error.kind] ?? "error", subjects: error.subjects ?? [] };
  }
  if (typeof error === "object" && error !== null && "message" in error) return { text: String(error.message), tone: "error", subjects: [] };
  return { text: String(error), tone: "error", subjects: [] };
}
