// The shapes of the action table (`table.ts`): what an action is and what the window offers it.
// Kept apart so the table's parts (`keyboard.ts`) and its readers share them without importing
// one another.
import type { RefObject } from "react";
import type { MapSnapshot, View, Vocabulary } from "../map/types";
import type { CanvasHandle } from "../canvas/MapCanvas";
import type { EditCommands } from "../state/useEditCommands";
import type { ComparisonState } from "../compare/useComparison";
import type { CompareViewHandle } from "../compare/types";
import type { ScenarioCommands } from "../scenarios/useScenarios";
import type { KeyboardMap } from "../outline/useKeyboardMap";
import type { DisplayControls } from "../display/display";

type Point = { x: number; y: number };

/** What the window offers an action: the map as shown, and the window's own doings. */
export type ActionContext = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  view: View;
  selection: string[];
  edits: EditCommands;
  scenarios: ScenarioCommands;
  canvas: RefObject<CanvasHandle | null>;
  setView(view: View): void;
  /** Whether the Compare view is on screen (then only actions marked `inCompare` apply). */
  comparing: boolean;
  openCompare(): void;
  compare: ComparisonState;
  compareView: RefObject<CompareViewHandle | null>;
  /** Shows the timeline view. */
  showTimeline(): void;
  focusSearch(): void;
  toggleHelp(): void;
  closeHelp(): void;
  startRenaming(id: string): void;
  /** Presents from scene `index` of `story`'s scenes (of every scene when `story` is null). */
  present(index: number, story?: string | null): void;
  openExport(): void;
  /** The outline, the target picker and moving through the canvas by keyboard. */
  keyboard: KeyboardMap;
  display: DisplayControls;
};

/** What a right-click was on: an element or relation (`id`), or an empty spot (`at`, in model coordinates). */
export type ActionTarget = { id?: string; at?: Point };

export type ActionGroup = "Find and look" | "Move by keyboard" | "Compare" | "Edit" | "Scenarios" | "Add";

export type Action = {
  name: string;
  /** What the `?` overlay and a button's tooltip say. */
  label(c: ActionContext): string;
  /** What the right-click menu says, about what was clicked (else `label`). */
  contextLabel?(c: ActionContext, target: ActionTarget): string;
  /** Keys as `keyName` writes them; the first is the one shown beside a menu item or a button. */
  keys: string[];
  /** Where the `?` overlay lists it (actions with keys only). */
  group: ActionGroup;
  /** Whether it applies now; a disabled action does nothing and its button or menu item is greyed. */
  enabled?(c: ActionContext, target?: ActionTarget): boolean;
  /** Whether the right-click menu offers it at all for what was clicked. */
  offered?(c: ActionContext, target: ActionTarget): boolean;
  /** Its keys work even while a text field has the focus. */
  whileTyping?: boolean;
  /** Its keys never reach the web view, even when it does not apply (F5 would reload the page). */
  keepsKeys?: boolean;
  /** It applies in the Compare view too (the others act on the map canvas, which it covers). */
  inCompare?: boolean;
  perform(c: ActionContext, target?: ActionTarget): void;
};

