import { describe, expect, it } from "vitest";
import { ancestorsOf, outlineRows, pickable } from "./rows";
import { snapshot, vocabulary } from "../testing/fixtures";

const names = (rows: { label: string; level: number }[]) => rows.map((r) => `${"  ".repeat(r.level - 1)}${r.label}`);

describe("the outline's tree", () => {
  it("lists the top-level elements, groups first, and opens a group to its members and then its relations", () => {
    const closed = outlineRows(snapshot, vocabulary, new Set());
    expect(closed.every((r) => r.level === 1)).toBe(true);
    expect(closed[0].element?.kind).toBe("office");
    const open = outlineRows(snapshot, vocabulary, new Set(["teaching-learning"]));
    const at = open.findIndex((r) => r.id === "teaching-learning");
    expect(names(open.slice(at, at + 4))).toEqual(["Teaching & Learning", "  James Whitfield", "  Priya Raman", "  Reports to Office of the Superintendent"]);
    expect(open[at + 1]).toMatchObject({ level: 2, position: 1, siblings: 3, parent: "teaching-learning" });
  });

  it("finds an element by part of its name, with the groups around it open", () => {
    const rows = outlineRows(snapshot, vocabulary, new Set(), "priya");
    expect(names(rows)).toEqual(["Teaching & Learning", "  Priya Raman"]);
    expect(rows.find((r) => r.matched)?.id).toBe("science-specialist");
  });

  it("opens the groups around a selected element or relation", () => {
    expect(ancestorsOf(snapshot, "science-specialist")).toEqual(["teaching-learning"]);
    expect(ancestorsOf(snapshot, "r3")).toEqual(["science-specialist", "teaching-learning"]);
  });

  it("offers for nesting only groups the element may go into, and for connecting everything else, by typed name", () => {
    expect(pickable(snapshot, "teaching-learning", "nest", "").map((e) => e.id)).not.toContain("teaching-learning");
    expect(pickable(snapshot, "science-specialist", "nest", "cap").map((e) => e.name)).toEqual(["Graduate Capstone"]);
    expect(pickable(snapshot, "science-specialist", "connect", "office").map((e) => e.name)).toEqual(["Office of the Superintendent"]);
  });
});
