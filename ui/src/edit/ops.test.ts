// Each gesture's op, checked without a window: what a new element starts as, what a delete or a
// paste sends (and that copies point at copies).
import { clip, connect, deleteSelection, moveOp, newElement, paste } from "./ops";
import { elements, relations } from "../testing/fixtures";
import type { Op } from "../state/useMapDocument";

const batchOf = (op: Op) => (op.op === "batch" ? op.ops : [op]);

describe("newElement", () => {
  it("starts an office with a permeable boundary, not a silo's wall, inside the group it is given", () => {
    const office = newElement("office", "superintendent");
    expect(office).toMatchObject({ kind: "office", name: "New office", boundary: "permeable", parent: "superintendent" });
    expect(office.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newElement("sprint_team")).toMatchObject({ status: "forming", boundary: "open" });
    expect(newElement("person")).not.toHaveProperty("parent");
  });
});

describe("moveOp", () => {
  it("names each element with a whole-pixel point", () => {
    expect(moveOp("network", { a: { x: 1.4, y: 2.6 } })).toEqual({
      op: "move",
      view: "network",
      positions: [{ element: "a", point: { x: 1, y: 3 } }],
    });
  });
});

describe("connect", () => {
  it("gives a flow its medium and a middling volume", () => {
    const { op } = connect("a", "b", { kind: "flow", medium: "funds" });
    expect(op).toMatchObject({ op: "connect", relation: { source: "a", target: "b", kind: "flow", medium: "funds", volume: 3 } });
    expect(connect("a", "b", { kind: "barrier" }).op).toMatchObject({ relation: { kind: "barrier" } });
  });
});

describe("deleteSelection", () => {
  it("deletes relations before elements and leaves out relations that go with a deleted element", () => {
    const op = deleteSelection(["r7", "r5", "science-specialist"], elements, relations)!;
    expect(batchOf(op)).toEqual([
      { op: "delete_relation", id: "r5" },
      { op: "delete_element", id: "science-specialist" },
    ]);
  });

  it("does nothing for an empty selection", () => {
    expect(deleteSelection([], elements, relations)).toBeNull();
  });
});

describe("copy and paste", () => {
  const positions = { "tl-director": { x: 10, y: 20 }, "science-specialist": { x: 30, y: 40 } };

  it("takes a group with everything inside it and the relations among what it took", () => {
    const taken = clip(["teaching-learning"], elements, relations, positions)!;
    expect(taken.elements.map((e) => e.id).sort()).toEqual(["science-specialist", "teaching-learning", "tl-director"]);
    expect(taken.relations.map((r) => r.id)).toEqual(["r3"]);
  });

  it("pastes fresh copies: nesting and relations point at the copies, other references stay, positions shift", () => {
    const taken = clip(["teaching-learning"], elements, relations, positions)!;
    const { ids, op } = paste(taken, "network", { x: 40, y: 40 }, new Set(elements.map((e) => e.id)));
    const steps = batchOf(op);
    const created = steps.filter((s) => s.op === "create_element").map((s) => (s.op === "create_element" ? s.element : null)!);
    expect(ids).toHaveLength(3);
    expect(ids.some((id) => elements.some((e) => e.id === id))).toBe(false);
    const office = created.find((e) => e.kind === "office")!;
    const director = created.find((e) => e.name === "James Whitfield")!;
    expect(created[0]).toBe(office);
    expect(director.parent).toBe(office.id);
    expect((director as { position?: string }).position).toBe(office.id);
    const link = steps.find((s) => s.op === "connect");
    expect(link && link.op === "connect" && link.relation.target).toBe(director.id);
    const move = steps.find((s) => s.op === "move");
    expect(move && move.op === "move" && move.positions.find((p) => p.element === director.id)?.point).toEqual({ x: 50, y: 60 });
  });

  it("drops the nesting of a copied child whose group is gone", () => {
    const taken = clip(["tl-director"], elements, relations, positions)!;
    const { op } = paste(taken, "network", { x: 0, y: 0 }, new Set(["superintendent"]));
    const created = batchOf(op).find((s) => s.op === "create_element");
    expect(created && created.op === "create_element" && created.element.parent).toBeNull();
  });
});
