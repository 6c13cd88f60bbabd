import { describe, expect, it } from "vitest";
import { applyChange, follows, type MapChange } from "./mapStore";
import type { MapElement, MapSnapshot } from "../map/types";

const office = (id: string, name = id): MapElement =>
  ({ id, name, kind: "office", parent: null, function: null, practice_culture: null, stance: null, headcount: null, established: null, hospiced: null, boundary: "solid", span: {}, notes: "", tags: [] }) as unknown as MapElement;

const snapshot: MapSnapshot = {
  title: "T",
  file_name: null,
  is_sample: false,
  document: 3,
  generation: 4,
  scenario: "as-is",
  scenarios: [{ id: "as-is", name: "As is" }],
  elements: [office("a"), office("b"), office("c")],
  labels: [],
  relations: [],
  positions: [
    { view: "network", id: "a", at: { x: 1, y: 1 } },
    { view: "network", id: "b", at: { x: 2, y: 2 } },
  ],
  can_undo: false,
  can_redo: false,
  scenes: [],
};

const change = (over: Partial<MapChange>): MapChange => ({
  document: 3,
  generation: 5,
  scenario: "as-is",
  elements: [],
  labels: [],
  removed_elements: [],
  relations: [],
  removed_relations: [],
  positions: [],
  unplaced: [],
  title: null,
  scenarios: null,
  scenes: null,
  can_undo: true,
  can_redo: false,
  ...over,
});

describe("the map store", () => {
  it("puts a changed element in place, adds a new one last and drops a removed one with its positions", () => {
    const next = applyChange(snapshot, change({ elements: [office("b", "Bee"), office("d")], removed_elements: ["a"] }));
    expect(next.elements.map((e) => [e.id, e.name])).toEqual([
      ["b", "Bee"],
      ["c", "c"],
      ["d", "d"],
    ]);
    expect(next.positions.map((p) => p.id)).toEqual(["b"]);
    expect(next.generation).toBe(5);
    expect(next.can_undo).toBe(true);
  });

  it("sets and clears positions per view", () => {
    const next = applyChange(
      snapshot,
      change({ positions: [{ view: "network", id: "c", at: { x: 9, y: 9 } }], unplaced: [{ view: "network", id: "b" }] }),
    );
    expect(next.positions.map((p) => p.id).sort()).toEqual(["a", "c"]);
  });

  it("keeps the very same lists when a change does not touch them (the canvas skips them)", () => {
    const next = applyChange(snapshot, change({ title: "New title" }));
    expect(next.title).toBe("New title");
    expect(next.elements).toBe(snapshot.elements);
    expect(next.relations).toBe(snapshot.relations);
    expect(next.positions).toBe(snapshot.positions);
  });

  it("applies only the next change of the same map", () => {
    expect(follows(snapshot, change({}))).toBe(true);
    expect(follows(snapshot, change({ generation: 6 }))).toBe(false);
    expect(follows(snapshot, change({ document: 4 }))).toBe(false);
  });
});
