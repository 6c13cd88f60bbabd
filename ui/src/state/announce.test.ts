import { describe, expect, it } from "vitest";
import { describeChange } from "./announce";
import type { MapChange } from "./mapStore";
import { snapshot } from "../testing/fixtures";

const byId = (id: string) => snapshot.elements.find((e) => e.id === id)!;
const change = (over: Partial<MapChange>): MapChange => ({
  document: snapshot.document,
  generation: snapshot.generation + 1,
  scenario: snapshot.scenario,
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

describe("the words the live region says after an edit", () => {
  it("says a nest as a move into the group, and its undo as a move out", () => {
    const nested = { ...byId("science-specialist"), parent: "capstone" };
    expect(describeChange(snapshot, change({ elements: [nested] }), "edit")).toBe("Moved Priya Raman into Graduate Capstone");
    const after = { ...snapshot, elements: snapshot.elements.map((e) => (e.id === nested.id ? nested : e)) };
    expect(describeChange(after, change({ elements: [byId("science-specialist")] }), "undo")).toBe("Undid: moved Priya Raman into Teaching & Learning");
  });

  it("says a connection with its kind and both ends", () => {
    const flow = { id: "new", source: "science-specialist", target: "superintendent", kind: "flow", medium: "information", direction: "one_way", volume: 3, cadence: "", mode: "support", span: {}, notes: "", tags: [] } as never;
    expect(describeChange(snapshot, change({ relations: [flow] }), "edit")).toBe("Connected Priya Raman to Office of the Superintendent with an information flow");
    expect(describeChange(snapshot, change({ relations: [flow] }), "redo")).toBe("Redid: connected Priya Raman to Office of the Superintendent with an information flow");
  });

  it("says a deletion by name, without repeating the relations that went with it", () => {
    const words = describeChange(snapshot, change({ removed_elements: ["watershed"], removed_relations: ["r5"] }), "edit");
    expect(words).toBe("Deleted Riverside Watershed Council");
    expect(describeChange(snapshot, change({ removed_relations: ["r3"] }), "edit")).toBe("Deleted a reporting line from Priya Raman to James Whitfield");
  });

  it("says a rename, an element added, and a drag that only moved things", () => {
    expect(describeChange(snapshot, change({ elements: [{ ...byId("capstone"), name: "Capstone Circle" }] }), "edit")).toBe("Renamed Graduate Capstone to Capstone Circle");
    const added = { ...byId("capstone"), id: "fresh", name: "New community" };
    expect(describeChange(snapshot, change({ elements: [added] }), "edit")).toBe("Added New community");
    const moved = [{ view: "network" as const, id: "capstone", at: { x: 1, y: 2 } }];
    expect(describeChange(snapshot, change({ positions: moved }), "edit")).toBe("Moved Graduate Capstone");
  });

  it("counts what is past the first three parts instead of reading out a long list", () => {
    const gone = ["watershed", "purchasing", "es-redesign", "capstone", "riverside-high"];
    expect(describeChange(snapshot, change({ removed_elements: gone }), "edit")).toBe(
      "Deleted Riverside Watershed Council; Deleted Purchasing; Deleted ES program-of-study redesign; 2 more changes",
    );
  });
});
