// The level of detail follows the zoom; on big maps the change reaches every element, a slice at a time.
import cytoscape from "cytoscape";
import { followLevelOfDetail } from "./levelOfDetail";

function gridOf(count: number) {
  const cy = cytoscape({ headless: true, minZoom: 0.01 });
  cy.add(Array.from({ length: count }, (_, i) => ({ group: "nodes" as const, data: { id: `n${i}` }, position: { x: (i % 100) * 50, y: Math.floor(i / 100) * 50 } })));
  return cy;
}

describe("followLevelOfDetail", () => {
  afterEach(() => vi.useRealTimers());

  it("changes a mid-size map's level at once, both ways", () => {
    const cy = gridOf(600);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(cy.nodes(".far")).toHaveLength(600);
    cy.zoom(1);
    expect(cy.nodes(".far")).toHaveLength(0);
  });

  it("never hides the people of a small map, however far out", () => {
    const cy = gridOf(60);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(cy.nodes(".far")).toHaveLength(0);
  });

  it("changes a big map's level in slices that reach every element, and a newer change takes over", () => {
    vi.useFakeTimers();
    const cy = gridOf(12000);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    const atOnce = cy.nodes(".far").length;
    expect(atOnce).toBeLessThan(12000);
    vi.runAllTimers();
    expect(cy.nodes(".far")).toHaveLength(12000);

    cy.zoom(1);
    cy.zoom(0.1); // back before the slices ran: the way out must not be undone by them
    vi.runAllTimers();
    expect(cy.nodes(".far")).toHaveLength(12000);
  });

  it("styles the groups after what is in view, so the first change does not re-style every group's members", () => {
    vi.useFakeTimers();
    const cy = gridOf(12000);
    cy.add({ group: "nodes", data: { id: "office" } });
    cy.nodes().slice(0, 6000).move({ parent: "office" });
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(cy.getElementById("office").hasClass("far")).toBe(false);
    vi.runAllTimers();
    expect(cy.elements(".far")).toHaveLength(12001);
  });

  it("on a big map, waits until a move from script ends and then styles the level where it came to rest", async () => {
    // Styled, as the window's canvas is (a headless instance without style never animates).
    const cy = cytoscape({ headless: true, styleEnabled: true });
    cy.add(Array.from({ length: 500 }, (_, i) => ({ group: "nodes" as const, data: { id: `n${i}` }, position: { x: i, y: 0 } })));
    followLevelOfDetail(cy, true);
    const farDuringTheMove: number[] = [];
    cy.on("zoom", () => farDuringTheMove.push(cy.nodes(".far").length));
    await new Promise<void>((resolve) => cy.animate({ zoom: 0.1 }, { duration: 60, complete: () => resolve() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(farDuringTheMove.length).toBeGreaterThan(0);
    expect(Math.max(...farDuringTheMove)).toBe(0);
    expect(cy.nodes(".far")).toHaveLength(500);
  });
});

describe("the level of detail's lines", () => {
  it("far out draws memberships and relations to people not at all and every other line plain; close in, all in full", () => {
    const cy = gridOf(600);
    cy.add([
      { group: "edges", data: { id: "member", source: "n0", target: "n1", kind: "member_of" } },
      { group: "edges", data: { id: "to-person", source: "n2", target: "n3", kind: "flow" }, classes: "person-end" },
      { group: "edges", data: { id: "between-offices", source: "n4", target: "n5", kind: "flow" } },
    ]);
    followLevelOfDetail(cy);
    const sight = (cy as unknown as { renderer(): { edgeSight: (e: unknown) => number } }).renderer().edgeSight;
    const sights = () => ["member", "to-person", "between-offices"].map((id) => sight(cy.getElementById(id)));
    cy.zoom(0.1);
    expect(sights()).toEqual([2, 2, 1]);
    cy.zoom(1);
    expect(sights()).toEqual([0, 0, 0]);
  });
});
