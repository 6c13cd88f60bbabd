// The compare canvas's drawing: every element and relation carries its mark, unchanged ones fade,
// a move is drawn as an arrow between the two groups, and each mark's look is the vocabulary's.
import { markedDefinitions, markStylesheet, type MarkLook } from "./marks";
import { sections, stillTicked } from "./changes";
import { spotsBeside } from "./arrange";
import { snapshot } from "../testing/fixtures";
import type { Change } from "./types";

const looks: MarkLook[] = [
  { mark: "added", label: "Added", badge: "+", colour: "#009E73", fill: "#66C5AB", pattern: "solid", dash: [], faded: false, meaning: "" },
  { mark: "removed", label: "Removed", badge: "−", colour: "#D55E00", fill: "#E69E66", pattern: "dashed", dash: [4, 3], faded: false, meaning: "" },
  { mark: "moved", label: "Moved", badge: "→", colour: "#0072B2", fill: "#8CC0DC", pattern: "dotted", dash: [1, 2.5], faded: false, meaning: "" },
  { mark: "unchanged", label: "Unchanged", badge: "", colour: "#9CA3AF", fill: "#F3F4F6", pattern: "solid", dash: [], faded: true, meaning: "" },
];

const classesOf = (defs: ReturnType<typeof markedDefinitions>, id: string) => String(defs.find((d) => d.data.id === id)?.classes ?? "").split(" ");

describe("the compare canvas's marks", () => {
  const marks = [
    { id: "element:science-specialist", subject: { type: "element" as const, id: "science-specialist" }, mark: "moved" as const },
    { id: "relation:r7", subject: { type: "relation" as const, id: "r7" }, mark: "removed" as const },
  ];

  it("classes each marked element and relation by its mark and fades the rest", () => {
    const defs = markedDefinitions(snapshot, marks, null);
    expect(classesOf(defs, "science-specialist")).toContain("mark-moved");
    expect(classesOf(defs, "r7")).toContain("mark-removed");
    expect(classesOf(defs, "capstone")).toContain("mark-unchanged");
    expect(classesOf(defs, "capstone")).toContain("group");
  });

  it("draws a move as one arrow from the old group to the new, only when both are drawn", () => {
    const defs = markedDefinitions(snapshot, marks, [
      { element: "science-specialist", from_group: "teaching-learning", to_group: "capstone" },
      { element: "nobody", from_group: "gone", to_group: "capstone" },
    ]);
    const arrows = defs.filter((d) => String(d.classes).includes("moved-arrow"));
    expect(arrows.map((a) => [a.data.source, a.data.target])).toEqual([["teaching-learning", "capstone"]]);
  });

  it("gives every mark but the faded one its colour and a pattern, and the faded one no colour at all", () => {
    const sheet = markStylesheet(looks);
    const removed = sheet.find((b) => b.selector === "node.mark-removed")!.style;
    expect(removed["border-color"]).toBe("#D55E00");
    expect(removed["border-style"]).toBe("dashed");
    expect(sheet.find((b) => b.selector === "edge.mark-removed")!.style["line-style"]).toBe("dashed");
    expect(sheet.find((b) => b.selector === "node.mark-moved")!.style["border-style"]).toBe("dotted");
    const faded = sheet.filter((b) => b.selector.includes("mark-unchanged"));
    expect(faded.length).toBeGreaterThan(0);
    for (const b of faded) expect(JSON.stringify(b.style)).not.toContain("#9CA3AF");
  });
});

describe("the change list", () => {
  const change = (id: string, group: Change["group"], kind: Change["kind"]): Change => ({
    id,
    group,
    kind,
    subject: { type: "element", id },
    words: id,
    fields: [],
    from_group: null,
    to_group: null,
  });
  const changes = [change("a", "attributes", "changed"), change("b", "structure", "added"), change("c", "memberships", "moved"), change("d", "structure", "removed")];

  it("lists the groups in the order a redesign is read, the core's order within each", () => {
    const all = sections(changes, new Set(["added", "removed", "changed", "moved"]));
    expect(all.map((s) => s.heading)).toEqual(["Structure", "Memberships and home bases", "Attributes"]);
    expect(all[0].changes.map((c) => c.id)).toEqual(["b", "d"]);
  });

  it("filters by kind, leaving out groups with nothing shown", () => {
    const moves = sections(changes, new Set(["moved"]));
    expect(moves.map((s) => s.changes.map((c) => c.id))).toEqual([["c"]]);
  });

  it("keeps only the ticks of changes a refreshed comparison still holds", () => {
    expect([...stillTicked(new Set(["a", "gone"]), changes)]).toEqual(["a"]);
  });
});

describe("where a moved element stands", () => {
  it("beside its siblings in the group it moved to, one below the other when several join it", () => {
    const placed = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 200, y: 40 }],
      ["mover", { x: 900, y: 900 }],
    ]);
    const children = (group: string) => (group === "academy" ? ["a", "b", "mover", "other"] : []);
    const spots = spotsBeside(
      [
        { id: "mover", group: "academy" },
        { id: "other", group: "academy" },
        { id: "lonely", group: "empty" },
      ],
      children,
      placed,
      new Set(["mover", "other", "lonely"]),
    );
    expect(spots.get("mover")).toEqual({ x: 310, y: 40 });
    expect(spots.get("other")).toEqual({ x: 310, y: 150 });
    expect(spots.has("lonely")).toBe(false);
  });
});
