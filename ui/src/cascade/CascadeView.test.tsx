// The cascade view lays out the core's trace of one rule — the board policy on top, the rule, the
// practice below, the ground it governs — says each break in words, names the barrier that claims
// the rule, and brings the whole chain forward on the canvas.
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { CanvasController, CanvasControllerContext } from "../canvas/controller";
import { snapshot } from "../testing/fixtures";
import { rootPerTest } from "../testing/reactRoot";
import type { MapElement, MapRelation } from "../map/types";
import { CascadeView } from "./CascadeView";

const named = (id: string, name: string) => ({ id, name });
const rule = (id: string, name: string, level: "board_policy" | "procedural_policy" | "procedural_practice", label: string, mark: "habit" | "paper_only" | null = null) => ({
  rule: named(id, name),
  level,
  level_label: label,
  owner: null,
  derives_from: [],
  derived: [],
  governs: [],
  mark,
  words: "",
});

const trace = {
  scenario: "as-is",
  rule: rule("quotes", "Three quotes for every purchase", "procedural_policy", "Procedural policy"),
  up: [rule("board", "Spend public money wisely", "board_policy", "Board policy")],
  down: [rule("signoff", "Legal signs off every order", "procedural_practice", "Procedural practice", null)],
  ground: [{ element: named("purchasing", "Purchasing"), kind: "routine", relation: "g1", step: 4, words: "step 4 “Legal review” of Purchasing" }],
  board_policies: [named("board", "Spend public money wisely")],
  elements: ["board", "quotes", "signoff", "purchasing"],
  relations: ["d1", "d2", "g1"],
  words: "Three quotes for every purchase: from the board's “Spend public money wisely” down to 1 practice and 1 step on the ground",
};

vi.mock("../bindings", () => ({ commands: { cascadeTrace: vi.fn(() => Promise.resolve({ status: "ok", data: trace })) } }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("the cascade view of a rule", () => {
  const mounted = rootPerTest();

  it("runs from the board policy down to the ground, names the barrier that claims it, and brings the chain forward", async () => {
    const quotes = { id: "quotes", name: "Three quotes for every purchase", kind: "rule", level: "procedural_policy", owner: null, span: {}, notes: "", tags: [] } as unknown as MapElement;
    const barrier = { id: "b1", kind: "barrier", source: snapshot.elements[0].id, target: snapshot.elements[1].id, reason: "Forbidden by contract", checked: false, claims: "quotes", span: {}, notes: "", tags: [] } as unknown as MapRelation;
    const map = { ...snapshot, elements: [...snapshot.elements, quotes], relations: [...snapshot.relations, barrier] };
    const controller = new CanvasController();
    const forward = vi.spyOn(controller, "bringForward").mockImplementation(() => undefined);
    const focus = vi.fn();
    await act(async () => {
      mounted.root.render(
        <CanvasControllerContext.Provider value={controller}>
          <CascadeView rule={quotes} snapshot={map} onFocus={focus} />
        </CanvasControllerContext.Provider>,
      );
    });
    const chain = [...mounted.host.querySelectorAll(".cascade-rule")].map((li) => li.textContent);
    expect(chain).toEqual(["Board policySpend public money wisely", "Procedural policyThree quotes for every purchase", "Procedural practiceLegal signs off every order"]);
    expect(mounted.host.querySelector("[data-testid='cascade-words']")?.textContent).toBe(trace.words);
    expect(mounted.host.querySelector("[data-testid='cascade-ground']")?.textContent).toContain("step 4 “Legal review” of Purchasing");
    expect(mounted.host.querySelector("[data-testid='cascade-claimed']")?.textContent).toContain("“Forbidden by contract”");
    act(() => (mounted.host.querySelector("[data-testid='cascade-bring-forward']") as HTMLButtonElement).click());
    expect(forward).toHaveBeenCalledWith(trace.elements);
  });

  it("says a practice with no policy above it is habit", async () => {
    const { commands } = await import("../bindings");
    vi.mocked(commands.cascadeTrace).mockResolvedValueOnce({
      status: "ok",
      data: { ...trace, rule: rule("habit", "Schools may not order directly", "procedural_practice", "Procedural practice", "habit"), up: [], down: [], ground: [] },
    } as never);
    const habit = { id: "habit", name: "Schools may not order directly", kind: "rule", level: "procedural_practice", owner: null, span: {}, notes: "", tags: [] } as unknown as MapElement;
    await act(async () => {
      mounted.root.render(
        <CanvasControllerContext.Provider value={new CanvasController()}>
          <CascadeView rule={habit} snapshot={snapshot} onFocus={vi.fn()} />
        </CanvasControllerContext.Provider>,
      );
    });
    expect(mounted.host.querySelector("[data-testid='cascade-mark-habit']")?.textContent).toBe("habit — no policy above it");
  });
});
