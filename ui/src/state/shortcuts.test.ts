// The shortcut table: keys as the table writes them, and no key used twice.
import { actionFor, keyName, SHORTCUTS } from "./shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcuts", () => {
  it("names keys the way the table writes them", () => {
    expect(keyName(key("z", { ctrlKey: true, shiftKey: true }))).toBe("Ctrl+Shift+Z");
    expect(keyName(key("?", { shiftKey: true }))).toBe("?");
    expect(keyName(key("f", { metaKey: true }))).toBe("Ctrl+F");
  });

  it("maps undo, both redos and the add-element letters", () => {
    expect(actionFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(actionFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(actionFor(key("y", { ctrlKey: true }))).toBe("redo");
    expect(actionFor(key("o"))).toBe("add_office");
    expect(actionFor(key("t"))).toBe("add_sprint_team");
    expect(actionFor(key("O", { shiftKey: true }))).toBeNull();
    expect(actionFor(key("R", { shiftKey: true }))).toBe("arrange_rings");
  });

  it("uses no key twice", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
