// The action table: the keyboard, the `?` overlay and the right-click menu all read it, and an
// action that does not apply does nothing however it is asked for.
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { vi } from "vitest";
import { ACTIONS, action, actionForKey, perform, shortcutRows, type ActionContext } from "./table";
import { keyName } from "./keys";
import { menuFor } from "./menus";
import { HelpOverlay } from "../panels/HelpOverlay";
import { snapshot, vocabulary } from "../testing/fixtures";
import type { EditCommands } from "../state/useEditCommands";
import type { ComparisonState } from "../compare/useComparison";
import type { ScenarioCommands } from "../scenarios/useScenarios";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

function context(patch: Partial<ActionContext> = {}): ActionContext {
  const edits = {
    add: vi.fn(async () => undefined),
    undo: vi.fn(async () => undefined),
    redo: vi.fn(async () => undefined),
    deleteSelected: vi.fn(async () => undefined),
    duplicate: vi.fn(async () => undefined),
    copy: vi.fn(() => true),
    paste: vi.fn(async () => undefined),
    canPaste: () => false,
    nest: vi.fn(async () => undefined),
    arrangeInRings: vi.fn(() => true),
    tidy: vi.fn(async () => undefined),
  } as unknown as EditCommands;
  const scenarios = {
    list: snapshot.scenarios,
    shown: snapshot.scenarios[0],
    show: vi.fn(async () => true),
    step: vi.fn(),
    create: vi.fn(async () => true),
    rename: vi.fn(async () => true),
    duplicate: vi.fn(async () => true),
    move: vi.fn(async () => true),
    remove: vi.fn(async () => true),
    problemWith: vi.fn(async () => null),
    deleteRefusal: null,
    picker: null,
    openPicker: vi.fn(),
    closePicker: vi.fn(),
  } as ScenarioCommands;
  return {
    snapshot,
    vocabulary,
    view: "network",
    selection: [],
    edits,
    scenarios,
    canvas: { current: null },
    setView: vi.fn(),
    comparing: false,
    openCompare: vi.fn(),
    compare: { mode: "overlay", setMode: vi.fn(), ticked: new Set<string>(), adopting: false, into: "as-is", to: "to-be", adopt: vi.fn(async () => true) } as unknown as ComparisonState,
    compareView: { current: null },
    showTimeline: vi.fn(),
    focusSearch: vi.fn(),
    toggleHelp: vi.fn(),
    closeHelp: vi.fn(),
    startRenaming: vi.fn(),
    present: vi.fn(),
    openExport: vi.fn(),
    keyboard: {
      outlineOpen: false,
      toggleOutline: vi.fn(),
      place: () => null,
      canStep: () => true,
      step: vi.fn(),
      go: vi.fn(),
      openInspector: vi.fn(),
      pick: vi.fn(),
      rename: vi.fn(),
    },
    display: { projector: false, largeText: false, set: vi.fn() },
    ...patch,
  };
}

describe("the action table", () => {
  it("names keys the way the table writes them", () => {
    expect(keyName(key("z", { ctrlKey: true, shiftKey: true }))).toBe("Ctrl+Shift+Z");
    expect(keyName(key("?", { shiftKey: true }))).toBe("?");
    expect(keyName(key("f", { metaKey: true }))).toBe("Ctrl+F");
    expect(keyName({ ...key("Unidentified", { shiftKey: true }), code: "Tab" })).toBe("Shift+Tab");
  });

  it("maps undo, both redos, presenting, exporting and the add-element letters", () => {
    expect(actionForKey(key("z", { ctrlKey: true }))?.name).toBe("undo");
    expect(actionForKey(key("Z", { ctrlKey: true, shiftKey: true }))?.name).toBe("redo");
    expect(actionForKey(key("y", { ctrlKey: true }))?.name).toBe("redo");
    expect(actionForKey(key("F5"))?.name).toBe("present");
    expect(actionForKey(key("e", { ctrlKey: true }))?.name).toBe("export");
    expect(actionForKey(key("o"))?.name).toBe("add_office");
    expect(actionForKey(key("t"))?.name).toBe("add_sprint_team");
    expect(actionForKey(key("O", { shiftKey: true }))?.name).toBe("outline");
    expect(actionForKey(key("R", { shiftKey: true }))?.name).toBe("arrange_rings");
  });

  it("gives no key to two actions, and no name to two actions", () => {
    const keys = ACTIONS.flatMap((a) => a.keys);
    expect(new Set(keys).size).toBe(keys.length);
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("lists every action that has keys, with all its keys, in the ? overlay", () => {
    const c = context();
    const html = renderToStaticMarkup(createElement(HelpOverlay, { shortcuts: shortcutRows(c), onClose: () => undefined }));
    const withKeys = ACTIONS.filter((a) => a.keys.length > 0);
    expect(withKeys.length).toBeGreaterThan(20);
    for (const a of withKeys) {
      const row = html.match(new RegExp(`<tr data-testid="shortcut-${a.name}">(.*?)</tr>`))?.[1];
      expect(row, a.name).toBeDefined();
      expect(row).toContain(a.label(c).replace(/&/g, "&amp;"));
      for (const k of a.keys) expect(row).toContain(`<kbd>${k}</kbd>`);
    }
    expect(html).toContain("Add sprint team");
    expect(html).toContain("Arrange in rings around the selected community");
  });

  it("does nothing when an action does not apply", () => {
    const c = context();
    expect(perform(action("undo"), c)).toBe(false);
    expect(c.edits.undo).not.toHaveBeenCalled();
    expect(perform(action("delete"), c)).toBe(false);
    expect(c.edits.deleteSelected).not.toHaveBeenCalled();
    expect(perform(action("rename"), c)).toBe(false);
    expect(c.startRenaming).not.toHaveBeenCalled();
    expect(perform(action("present"), c)).toBe(false);
    expect(c.present).not.toHaveBeenCalled();
    // A person is no community: no rings around it.
    const onPerson = context({ selection: ["tl-director"] });
    expect(perform(action("arrange_rings"), onPerson)).toBe(false);
    expect(onPerson.edits.arrangeInRings).not.toHaveBeenCalled();
  });

  it("does its work when it applies", () => {
    const c = context({ selection: ["tl-director"], snapshot: { ...snapshot, can_undo: true } });
    expect(perform(action("undo"), c)).toBe(true);
    expect(c.edits.undo).toHaveBeenCalledOnce();
    expect(perform(action("rename"), c)).toBe(true);
    expect(c.startRenaming).toHaveBeenCalledWith("tl-director");
    expect(perform(action("delete"), c)).toBe(true);
    expect(c.edits.deleteSelected).toHaveBeenCalledOnce();
  });
});

describe("the compare actions", () => {
  it("opens Compare with 3 and switches overlay and side by side with M", () => {
    expect(actionForKey(key("4"))?.name).toBe("compare");
    expect(actionForKey(key("m"))?.name).toBe("compare_mode");
    const c = context({ comparing: true });
    expect(perform(action("compare_mode"), c)).toBe(true);
    expect(c.compare.setMode).toHaveBeenCalledWith("side_by_side");
  });

  it("edits nothing on the covered map canvas while comparing, but undoes and zooms the compare view", () => {
    const compareView = { current: { fit: vi.fn(), zoomBy: vi.fn(), focus: vi.fn() } };
    const c = context({ comparing: true, selection: ["tl-director"], snapshot: { ...snapshot, can_undo: true }, compareView });
    expect(perform(action("delete"), c)).toBe(false);
    expect(c.edits.deleteSelected).not.toHaveBeenCalled();
    expect(perform(action("add_office"), c)).toBe(false);
    expect(perform(action("undo"), c)).toBe(true);
    expect(c.edits.undo).toHaveBeenCalledOnce();
    expect(perform(action("zoom_in"), c)).toBe(true);
    expect(compareView.current.zoomBy).toHaveBeenCalledWith(1.25);
  });

  it("adopts only ticked changes, and only while comparing", () => {
    const none = context({ comparing: true });
    expect(perform(action("adopt_changes"), none)).toBe(false);
    const base = context().compare;
    const ticked = { ...base, ticked: new Set(["c1"]) } as ComparisonState;
    expect(perform(action("adopt_changes"), context({ comparing: false, compare: ticked }))).toBe(false);
    const c = context({ comparing: true, compare: ticked });
    expect(action("adopt_changes").label(c)).toContain("into");
    expect(perform(action("adopt_changes"), c)).toBe(true);
    expect(ticked.adopt).toHaveBeenCalledOnce();
  });
});

describe("the right-click menu", () => {
  it("offers a group's child its way out, and greys paste with nothing copied", () => {
    const c = context({ selection: ["tl-director"] });
    const run = vi.fn();
    const node = menuFor({ type: "node", id: "tl-director" }, c, run, { x: 0, y: 0 });
    const labels = node.map((i) => (i === "separator" ? "|" : i.label));
    expect(labels).toEqual(["Rename", "Duplicate", "Copy", "Take out of Teaching & Learning", "Select what it is connected to", "|", "Delete"]);
    const background = menuFor({ type: "background" }, c, run, { x: 5, y: 7 });
    const paste = background.find((i) => i !== "separator" && i.testId === "menu-paste");
    expect(paste !== "separator" && paste?.disabled).toBe(true);
    const addOffice = background.find((i) => i !== "separator" && i.testId === "menu-add-office");
    expect(addOffice !== "separator" && addOffice?.label).toBe("Add an office here");
    if (addOffice && addOffice !== "separator") addOffice.run();
    expect(run).toHaveBeenCalledWith("add_office", { at: { x: 5, y: 7 } });
  });

  it("shows each item's first key, as the keyboard knows it", () => {
    const c = context({ selection: ["capstone"] });
    const items = menuFor({ type: "node", id: "capstone" }, c, vi.fn(), { x: 0, y: 0 });
    for (const item of items) {
      if (item === "separator" || !item.keys) continue;
      const name = item.testId.slice("menu-".length).replace(/-/g, "_");
      expect(action(name).keys[0]).toBe(item.keys);
    }
    expect(items.some((i) => i !== "separator" && i.label === "Arrange in rings around Graduate Capstone")).toBe(true);
  });

  it("greys the scenario tools that do not apply, and says the core's reason for keeping the last one", () => {
    const refusal = "“As is 2025” cannot be deleted: it is the map’s only scenario, and a map keeps at least one scenario.";
    const one = context();
    const alone = context({ scenarios: { ...one.scenarios, deleteRefusal: refusal } });
    expect(perform(action("delete_scenario"), alone)).toBe(false);
    expect(alone.scenarios.remove).not.toHaveBeenCalled();
    expect(action("delete_scenario").label(alone)).toBe(refusal);
    expect(perform(action("move_scenario_up"), alone)).toBe(false);
    expect(perform(action("next_scenario"), alone)).toBe(false);

    const list = [...one.snapshot.scenarios, { id: "to-be", name: "To be" }];
    const two = context({ scenarios: { ...one.scenarios, list } });
    expect(perform(action("move_scenario_down"), two)).toBe(true);
    expect(two.scenarios.move).toHaveBeenCalledWith("as-is", 1);
    expect(perform(action("delete_scenario"), two)).toBe(true);
    expect(two.scenarios.remove).toHaveBeenCalledWith("as-is");
    expect(actionForKey(key("]"))?.name).toBe("next_scenario");
    expect(actionForKey(key("S", { shiftKey: true }))?.name).toBe("scenarios");
  });
});
