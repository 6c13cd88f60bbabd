import { describe, expect, it } from "vitest";
import { presentKey } from "./stepping";

describe("presentKey", () => {
  it("steps forward and back with arrows, clicker keys and space", () => {
    expect(presentKey("ArrowRight", 0, 3)).toEqual({ type: "go", index: 1 });
    expect(presentKey("PageDown", 1, 3)).toEqual({ type: "go", index: 2 });
    expect(presentKey(" ", 1, 3)).toEqual({ type: "go", index: 2 });
    expect(presentKey(" ", 1, 3, true)).toEqual({ type: "go", index: 0 });
    expect(presentKey("PageUp", 2, 3)).toEqual({ type: "go", index: 1 });
    expect(presentKey("ArrowLeft", 1, 3)).toEqual({ type: "go", index: 0 });
  });
  it("stays within the story", () => {
    expect(presentKey("ArrowRight", 2, 3)).toEqual({ type: "go", index: 2 });
    expect(presentKey("ArrowLeft", 0, 3)).toEqual({ type: "go", index: 0 });
    expect(presentKey("End", 0, 3)).toEqual({ type: "go", index: 2 });
    expect(presentKey("Home", 2, 3)).toEqual({ type: "go", index: 0 });
  });
  it("toggles notes, leaves, ignores the rest", () => {
    expect(presentKey("n", 0, 3)).toEqual({ type: "notes" });
    expect(presentKey("Escape", 0, 3)).toEqual({ type: "exit" });
    expect(presentKey("x", 0, 3)).toBeNull();
  });
});
