// The action table's rows for working without a mouse: the outline, moving through the canvas
// (Tab in reading order, arrows to the nearest neighbour), the inspector, nesting and connecting
// to a typed target, and the display settings. Tab and the arrows only act where the keyboard
// focus is on the canvas or in the outline; elsewhere they keep their usual meaning.
import type { Action, ActionContext } from "./types";

const inMap = (c: ActionContext) => c.keyboard.place() !== null;
const oneElement = (c: ActionContext) => c.selection.length === 1 && c.snapshot.elements.some((e) => e.id === c.selection[0]);

function arrow(name: string, key: string, move: "up" | "down" | "left" | "right" | "first" | "last", label: string): Action {
  return { name, label: () => label, keys: [key], group: "Move by keyboard", enabled: inMap, perform: (c) => c.keyboard.go(move) };
}

export const KEYBOARD_ACTIONS: Action[] = [
  { name: "outline", label: (c) => (c.keyboard.outlineOpen ? "Hide the outline" : "Show the outline"), keys: ["Shift+O"], group: "Move by keyboard", perform: (c) => c.keyboard.toggleOutline() },
  {
    name: "next_element",
    label: () => "Next element in reading order (on the canvas)",
    keys: ["Tab"],
    group: "Move by keyboard",
    enabled: (c) => c.keyboard.place() === "canvas" && c.keyboard.canStep(1),
    perform: (c) => c.keyboard.step(1),
  },
  {
    name: "previous_element",
    label: () => "Previous element in reading order (on the canvas)",
    keys: ["Shift+Tab"],
    group: "Move by keyboard",
    enabled: (c) => c.keyboard.place() === "canvas" && c.keyboard.canStep(-1),
    perform: (c) => c.keyboard.step(-1),
  },
  arrow("go_up", "ArrowUp", "up", "The element above; in the outline, the row above"),
  arrow("go_down", "ArrowDown", "down", "The element below; in the outline, the row below"),
  arrow("go_left", "ArrowLeft", "left", "The element to the left; in the outline, close the row or go to its group"),
  arrow("go_right", "ArrowRight", "right", "The element to the right; in the outline, open the row"),
  arrow("go_first", "Home", "first", "The first row of the outline"),
  arrow("go_last", "End", "last", "The last row of the outline"),
  {
    name: "open_inspector",
    label: () => "Open the inspector on the selection",
    keys: ["Enter"],
    group: "Move by keyboard",
    enabled: (c) => inMap(c) && c.selection.length > 0,
    perform: (c) => c.keyboard.openInspector(),
  },
  {
    name: "nest_into",
    label: () => "Put the selected element into a group, chosen by typing its name",
    keys: ["Shift+N"],
    group: "Edit",
    enabled: oneElement,
    perform: (c) => c.keyboard.pick("nest"),
  },
  {
    name: "connect_to",
    label: () => "Connect the selected element to another, chosen by typing its name",
    keys: ["Shift+C"],
    group: "Edit",
    enabled: oneElement,
    perform: (c) => c.keyboard.pick("connect"),
  },
  {
    name: "projector_theme",
    label: (c) => (c.display.projector ? "Leave the projector theme" : "Projector theme: high contrast"),
    keys: ["Shift+H"],
    group: "Find and look",
    perform: (c) => c.display.set({ projector: !c.display.projector }),
  },
  {
    name: "larger_text",
    label: (c) => (c.display.largeText ? "Standard text size" : "Larger text"),
    keys: ["Shift+L"],
    group: "Find and look",
    perform: (c) => c.display.set({ largeText: !c.display.largeText }),
  },
];
