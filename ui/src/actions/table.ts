// Every action of the window, in one table: its name, label, keys, when it applies and what it does.
// The keyboard, the right-click menu, the buttons and the `?` overlay all read this table, so they
// cannot disagree (after Excalidraw's actions registry).
import type { ElementKind } from "../map/types";
import { hasRingsAround } from "../layout/rings";
import { keyName, type KeyPress } from "./keys";
import { KEYBOARD_ACTIONS } from "./keyboard";
import type { Action, ActionContext, ActionGroup, ActionTarget } from "./types";

export type { Action, ActionContext, ActionGroup, ActionTarget } from "./types";

export const ADD_KEYS: Record<ElementKind, string> = {
  office: "O",
  site: "S",
  community: "C",
  sprint_team: "T",
  routine: "R",
  person: "P",
  partner: "A",
  rule: "L",
};

const ZOOM_STEP = 1.25;

/** The canvas the zoom actions drive: the compare view's while it is open, else the map's. */
const zoomable = (c: ActionContext) => (c.comparing ? c.compareView.current : c.canvas.current);
const scenarioName = (c: ActionContext, id: string) => c.snapshot.scenarios.find((s) => s.id === id)?.name ?? id;
const shownAt = (c: ActionContext) => c.scenarios.list.findIndex((s) => s.id === c.snapshot.scenario);
const shownName = (c: ActionContext) => c.scenarios.shown?.name ?? "the scenario";

/** The scenario picker's actions: the picker's buttons run these, and the keys where they have any. */
const SCENARIO_ACTIONS: Action[] = [
  { name: "scenarios", label: () => "Choose the scenario on screen", keys: ["Shift+S"], group: "Scenarios", perform: (c) => c.scenarios.openPicker("list") },
  {
    name: "next_scenario",
    label: () => "Show the next scenario",
    keys: ["]"],
    group: "Scenarios",
    enabled: (c) => c.scenarios.list.length > 1,
    perform: (c) => c.scenarios.step(1),
  },
  {
    name: "previous_scenario",
    label: () => "Show the previous scenario",
    keys: ["["],
    group: "Scenarios",
    enabled: (c) => c.scenarios.list.length > 1,
    perform: (c) => c.scenarios.step(-1),
  },
  { name: "new_scenario", label: () => "New scenario, blank or a copy of the one shown", keys: [], group: "Scenarios", perform: (c) => c.scenarios.openPicker("create") },
  { name: "rename_scenario", label: (c) => `Rename “${shownName(c)}”`, keys: [], group: "Scenarios", perform: (c) => c.scenarios.openPicker("rename") },
  {
    name: "duplicate_scenario",
    label: (c) => `Duplicate “${shownName(c)}” and show the copy`,
    keys: [],
    group: "Scenarios",
    perform: (c) => void c.scenarios.duplicate(c.snapshot.scenario),
  },
  {
    name: "move_scenario_up",
    label: (c) => `Move “${shownName(c)}” up the list`,
    keys: [],
    group: "Scenarios",
    enabled: (c) => shownAt(c) > 0,
    perform: (c) => void c.scenarios.move(c.snapshot.scenario, -1),
  },
  {
    name: "move_scenario_down",
    label: (c) => `Move “${shownName(c)}” down the list`,
    keys: [],
    group: "Scenarios",
    enabled: (c) => shownAt(c) >= 0 && shownAt(c) < c.scenarios.list.length - 1,
    perform: (c) => void c.scenarios.move(c.snapshot.scenario, 1),
  },
  {
    name: "delete_scenario",
    // The core says whether it may go (the last one may not), and why: the picker shows its words.
    label: (c) => c.scenarios.deleteRefusal ?? `Delete “${shownName(c)}” and the scenes that show it`,
    keys: [],
    group: "Scenarios",
    enabled: (c) => c.scenarios.deleteRefusal === null,
    perform: (c) => void c.scenarios.remove(c.snapshot.scenario),
  },
];

const elementOf = (c: ActionContext, id: string | undefined) => (id ? c.snapshot.elements.find((e) => e.id === id) : undefined);
const firstSelected = (c: ActionContext) => c.snapshot.elements.find((e) => c.selection.includes(e.id));
const selectedElement = (c: ActionContext, t?: ActionTarget) => elementOf(c, t?.id) ?? firstSelected(c);
const neighboursOf = (c: ActionContext, id: string) =>
  c.snapshot.relations.filter((r) => r.source === id || r.target === id).map((r) => (r.source === id ? r.target : r.source));
/** The community rings go around: the one clicked, else the one selected element if it is a community. */
const ringsCentre = (c: ActionContext, t?: ActionTarget) => {
  const chosen = t?.id ? elementOf(c, t.id) : c.selection.length === 1 ? elementOf(c, c.selection[0]) : undefined;
  return chosen?.kind === "community" ? chosen : undefined;
};

function addAction(kind: ElementKind): Action {
  const noun = (c: ActionContext) => (c.vocabulary.elements.find((e) => e.kind === kind)?.label ?? kind).toLowerCase();
  return {
    name: `add_${kind}`,
    label: (c) => `Add ${noun(c)}`,
    contextLabel: (c) => `Add ${/^[aeiou]/.test(noun(c)) ? "an" : "a"} ${noun(c)} here`,
    keys: [ADD_KEYS[kind]],
    group: "Add",
    perform: (c, t) => void c.edits.add(kind, t?.at),
  };
}

export const ACTIONS: Action[] = [
  { name: "search", label: () => "Find an element", keys: ["Ctrl+F"], group: "Find and look", whileTyping: true, perform: (c) => c.focusSearch() },
  { name: "fit", label: () => "Zoom to fit the whole map", contextLabel: () => "Zoom to fit", keys: ["F"], group: "Find and look", inCompare: true, perform: (c) => zoomable(c)?.fit() },
  { name: "zoom_in", label: () => "Zoom in", keys: ["+", "="], group: "Find and look", inCompare: true, perform: (c) => zoomable(c)?.zoomBy(ZOOM_STEP) },
  { name: "zoom_out", label: () => "Zoom out", keys: ["-"], group: "Find and look", inCompare: true, perform: (c) => zoomable(c)?.zoomBy(1 / ZOOM_STEP) },
  { name: "network", label: () => "Network view", keys: ["1"], group: "Find and look", inCompare: true, perform: (c) => c.setView("network") },
  { name: "org_chart", label: () => "Org chart view", keys: ["2"], group: "Find and look", inCompare: true, perform: (c) => c.setView("org_chart") },
  { name: "timeline", label: () => "Timeline view", keys: ["3"], group: "Find and look", inCompare: true, perform: (c) => c.showTimeline() },
  { name: "compare", label: () => "Compare two scenarios", keys: ["4"], group: "Compare", inCompare: true, perform: (c) => c.openCompare() },
  {
    name: "compare_mode",
    label: (c) => (c.compare.mode === "overlay" ? "Show the scenarios side by side" : "Show the scenarios overlaid"),
    keys: ["M"],
    group: "Compare",
    inCompare: true,
    enabled: (c) => c.comparing,
    perform: (c) => c.compare.setMode(c.compare.mode === "overlay" ? "side_by_side" : "overlay"),
  },
  {
    name: "adopt_changes",
    label: (c) => `Adopt the ticked changes into ${scenarioName(c, c.compare.into)} (one edit, undoable)`,
    keys: [],
    group: "Compare",
    inCompare: true,
    enabled: (c) => c.comparing && c.compare.ticked.size > 0 && !c.compare.adopting && c.compare.into !== c.compare.to,
    perform: (c) => void c.compare.adopt(),
  },
  {
    name: "present",
    label: () => "Present the scenes",
    keys: ["F5"],
    group: "Find and look",
    whileTyping: true,
    keepsKeys: true,
    enabled: (c) => (c.snapshot.scenes ?? []).length > 0,
    perform: (c) => c.present(0),
  },
  { name: "export", label: () => "Export", keys: ["Ctrl+E"], group: "Find and look", whileTyping: true, perform: (c) => c.openExport() },
  { name: "help", label: () => "Show or hide these shortcuts", keys: ["?"], group: "Find and look", inCompare: true, perform: (c) => c.toggleHelp() },
  {
    name: "escape",
    label: () => "Clear the selection, close a menu",
    keys: ["Escape"],
    group: "Find and look",
    inCompare: true,
    perform: (c) => {
      c.closeHelp();
      c.canvas.current?.clearSelection();
    },
  },
  { name: "undo", label: () => "Undo", keys: ["Ctrl+Z"], group: "Edit", inCompare: true, enabled: (c) => c.snapshot.can_undo, perform: (c) => void c.edits.undo() },
  { name: "redo", label: () => "Redo", keys: ["Ctrl+Shift+Z", "Ctrl+Y"], group: "Edit", inCompare: true, enabled: (c) => c.snapshot.can_redo, perform: (c) => void c.edits.redo() },
  {
    name: "rename",
    label: () => "Rename the selected element",
    contextLabel: () => "Rename",
    keys: ["F2"],
    group: "Edit",
    enabled: (c, t) => selectedElement(c, t) !== undefined,
    perform: (c, t) => c.startRenaming(selectedElement(c, t)!.id),
  },
  {
    name: "duplicate",
    label: () => "Duplicate the selection",
    contextLabel: () => "Duplicate",
    keys: ["Ctrl+D"],
    group: "Edit",
    enabled: (c) => firstSelected(c) !== undefined,
    perform: (c) => void c.edits.duplicate(),
  },
  {
    name: "copy",
    label: () => "Copy the selection",
    contextLabel: () => "Copy",
    keys: ["Ctrl+C"],
    group: "Edit",
    enabled: (c) => firstSelected(c) !== undefined,
    perform: (c) => void c.edits.copy(),
  },
  { name: "paste", label: () => "Paste", keys: ["Ctrl+V"], group: "Edit", enabled: (c) => c.edits.canPaste(), perform: (c) => void c.edits.paste() },
  {
    name: "unnest",
    label: () => "Take the selected element out of its group",
    contextLabel: (c, t) => `Take out of ${elementOf(c, elementOf(c, t.id)?.parent ?? undefined)?.name ?? "its group"}`,
    keys: [],
    group: "Edit",
    enabled: (c, t) => Boolean(selectedElement(c, t)?.parent),
    offered: (c, t) => Boolean(elementOf(c, t.id)?.parent),
    perform: (c, t) => void c.edits.nest(selectedElement(c, t)!.id, null),
  },
  {
    name: "arrange_rings",
    label: () => "Arrange in rings around the selected community",
    contextLabel: (c, t) => `Arrange in rings around ${ringsCentre(c, t)?.name ?? "it"}`,
    keys: ["Shift+R"],
    group: "Edit",
    enabled: (c, t) => {
      const centre = ringsCentre(c, t);
      return c.view === "network" && centre !== undefined && hasRingsAround(centre.id, c.snapshot.elements, c.snapshot.relations);
    },
    offered: (c, t) => c.view === "network" && ringsCentre(c, t) !== undefined,
    perform: (c, t) => void c.edits.arrangeInRings(ringsCentre(c, t)!.id),
  },
  {
    name: "select_connected",
    label: () => "Select what the selected element is connected to",
    contextLabel: () => "Select what it is connected to",
    keys: [],
    group: "Edit",
    enabled: (c, t) => {
      const element = selectedElement(c, t);
      return element !== undefined && neighboursOf(c, element.id).length > 0;
    },
    perform: (c, t) => {
      const id = selectedElement(c, t)!.id;
      c.canvas.current?.select([id, ...neighboursOf(c, id)]);
    },
  },
  {
    name: "delete",
    label: () => "Delete the selection",
    contextLabel: () => "Delete",
    keys: ["Delete", "Backspace"],
    group: "Edit",
    enabled: (c) => c.selection.length > 0,
    perform: (c) => void c.edits.deleteSelected(),
  },
  { name: "select_all", label: () => "Select everything", keys: ["Ctrl+A"], group: "Edit", perform: (c) => c.canvas.current?.selectAll() },
  {
    name: "tidy",
    label: (c) => (c.view === "org_chart" ? "Tidy up the chart" : "Tidy up the layout"),
    keys: [],
    group: "Edit",
    perform: (c) => void c.edits.tidy(),
  },
  ...KEYBOARD_ACTIONS,
  ...SCENARIO_ACTIONS,
  ...(Object.keys(ADD_KEYS) as ElementKind[]).map(addAction),
];

const BY_NAME = new Map(ACTIONS.map((a) => [a.name, a]));

export function action(name: string): Action {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`No action is named ${name}.`);
  return found;
}

export function isEnabled(a: Action, c: ActionContext, target?: ActionTarget): boolean {
  if (c.comparing && !a.inCompare) return false;
  return a.enabled?.(c, target) ?? true;
}

/** Runs `a` when it applies now; returns whether it ran. */
export function perform(a: Action, c: ActionContext, target?: ActionTarget): boolean {
  if (!isEnabled(a, c, target)) return false;
  a.perform(c, target);
  return true;
}

/** The action a key press asks for, if any. */
export function actionForKey(event: KeyPress): Action | null {
  const name = keyName(event);
  return ACTIONS.find((a) => a.keys.includes(name)) ?? null;
}

export type ShortcutRow = { name: string; group: ActionGroup; keys: string[]; label: string };

/** What the `?` overlay lists: every action that has keys, in table order. */
export function shortcutRows(c: ActionContext): ShortcutRow[] {
  return ACTIONS.filter((a) => a.keys.length > 0).map((a) => ({ name: a.name, group: a.group, keys: a.keys, label: a.label(c) }));
}

/** "Undo (Ctrl+Z)": a button's tooltip. */
export function tooltip(a: Action, c: ActionContext): string {
  return a.keys.length > 0 ? `${a.label(c)} (${a.keys[0]})` : a.label(c);
}
