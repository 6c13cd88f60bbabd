// Every keyboard shortcut, in one table: the key handler dispatches from it and the `?` overlay
// lists it, so the two can never disagree.
import type { ElementKind } from "../bindings";

export type Action =
  | "search"
  | "fit"
  | "zoom_in"
  | "zoom_out"
  | "network"
  | "org_chart"
  | "help"
  | "escape"
  | "undo"
  | "redo"
  | "delete"
  | "duplicate"
  | "copy"
  | "paste"
  | "select_all"
  | "rename"
  | "arrange_rings"
  | `add_${ElementKind}`;

export type Shortcut = { keys: string[]; action: Action; description: string; group: "Find and look" | "Edit" | "Add" };

export const ADD_KEYS: Record<ElementKind, string> = {
  office: "O",
  site: "S",
  community: "C",
  sprint_team: "T",
  routine: "R",
  person: "P",
  partner: "A",
};

export const SHORTCUTS: Shortcut[] = [
  { keys: ["Ctrl+F"], action: "search", description: "Find an element", group: "Find and look" },
  { keys: ["F"], action: "fit", description: "Zoom to fit the whole map", group: "Find and look" },
  { keys: ["+", "="], action: "zoom_in", description: "Zoom in", group: "Find and look" },
  { keys: ["-"], action: "zoom_out", description: "Zoom out", group: "Find and look" },
  { keys: ["1"], action: "network", description: "Network view", group: "Find and look" },
  { keys: ["2"], action: "org_chart", description: "Org chart view", group: "Find and look" },
  { keys: ["?"], action: "help", description: "Show or hide these shortcuts", group: "Find and look" },
  { keys: ["Escape"], action: "escape", description: "Clear the selection, close a menu", group: "Find and look" },
  { keys: ["Ctrl+Z"], action: "undo", description: "Undo", group: "Edit" },
  { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], action: "redo", description: "Redo", group: "Edit" },
  { keys: ["Delete", "Backspace"], action: "delete", description: "Delete the selection", group: "Edit" },
  { keys: ["Ctrl+D"], action: "duplicate", description: "Duplicate the selection", group: "Edit" },
  { keys: ["Ctrl+C"], action: "copy", description: "Copy the selection", group: "Edit" },
  { keys: ["Ctrl+V"], action: "paste", description: "Paste", group: "Edit" },
  { keys: ["Ctrl+A"], action: "select_all", description: "Select everything", group: "Edit" },
  { keys: ["F2"], action: "rename", description: "Rename the selected element", group: "Edit" },
  { keys: ["Shift+R"], action: "arrange_rings", description: "Arrange in rings around the selected community", group: "Edit" },
  ...(Object.entries(ADD_KEYS) as [ElementKind, string][]).map(
    ([kind, key]): Shortcut => ({ keys: [key], action: `add_${kind}`, description: "", group: "Add" }),
  ),
];

/** "Ctrl+Shift+Z" for a key event; Cmd counts as Ctrl. Shift is implied by characters like "?" and "+". */
export function keyName(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): string {
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const letter = /^[A-Z]$/.test(key);
  const parts = [
    event.ctrlKey || event.metaKey ? "Ctrl" : "",
    event.altKey ? "Alt" : "",
    event.shiftKey && (letter || key.length > 1) ? "Shift" : "",
    key,
  ];
  return parts.filter(Boolean).join("+");
}

export function actionFor(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): Action | null {
  const name = keyName(event);
  return SHORTCUTS.find((s) => s.keys.includes(name))?.action ?? null;
}
