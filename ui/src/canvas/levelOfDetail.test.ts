// The level of detail follows the zoom and tells the renderer what to leave out far out.
import cytoscape, { type Core, type SingularElementArgument } from "cytoscape";
import { drawnAtThisLevel, followLevelOfDetail, unseenAtOpening, wakeUnseen } from "./levelOfDetail";

/** `count` people in a grid, an office holding the first ten, and a few lines between them. */
function district(count: number, cy: Core = cytoscape({ headless: true, minZoom: 0.01 })) {
  cy.add({ group: "nodes", data: { id: "office", kind: "office" } });
  cy.add(
    Array.from({ length: count }, (_, i) => ({
      group: "nodes" as const,
      data: { id: `n${i}`, kind: "person", parent: i < 10 ? "office" : undefined },
      position: { x: (i % 100) * 50, y: Math.floor(i / 100) * 50 },
    })),
  );
  cy.add([
    { group: "nodes", data: { id: "chart-head", kind: "person" }, classes: "titled", position: { x: 0, y: -100 } },
    { group: "edges", data: { id: "member", source: "n0", target: "office", kind: "member_of" } },
    { group: "edges", data: { id: "to-person", source: "n2", target: "n3", kind: "flow" }, classes: "person-end" },
    { group: "edges", data: { id: "between-offices", source: "office", target: "chart-head", kind: "flow" } },
  ]);
  return cy;
}

const sightOf = (cy: Core) => (cy as unknown as { renderer(): { sightOf: (e: SingularElementArgument) => number } }).renderer().sightOf;
const drawn = (cy: Core, ids: string[]) => ids.map((id) => drawnAtThisLevel(cy, cy.getElementById(id)));

describe("followLevelOfDetail", () => {
  it("far out leaves people out but the org chart's titled positions, and brings them back closer in", () => {
    const cy = district(600);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(drawn(cy, ["n5", "chart-head", "office"])).toEqual([false, true, true]);
    cy.zoom(1);
    expect(drawn(cy, ["n5", "chart-head", "office"])).toEqual([true, true, true]);
  });

  it("far out draws memberships and relations to people not at all and every other line plain; close in, all in full", () => {
    const cy = district(600);
    followLevelOfDetail(cy);
    const sights = () => ["member", "to-person", "between-offices"].map((id) => sightOf(cy)(cy.getElementById(id)));
    cy.zoom(0.1);
    expect(sights()).toEqual([2, 2, 1]);
    cy.zoom(1);
    expect(sights()).toEqual([0, 0, 0]);
  });

  it("never leaves out the people of a small map, however far out", () => {
    const cy = district(60);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(drawn(cy, ["n5"])).toEqual([true]);
  });

  it("turns far as a big map's nodes arrive at overview zoom, with no zoom after them", () => {
    const cy = cytoscape({ headless: true, minZoom: 0.01 });
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    district(600, cy);
    expect(drawn(cy, ["n5"])).toEqual([false]);
  });

  it("changes level without re-styling a single element", () => {
    const cy = district(600);
    followLevelOfDetail(cy);
    const restyled: string[] = [];
    cy.on("style", (e) => restyled.push(e.target.id()));
    cy.zoom(0.1);
    cy.zoom(1);
    expect(restyled).toEqual([]);
  });

  it("on a big map, waits until a move from script ends and then takes the level where it came to rest", async () => {
    // Styled, as the window's canvas is (a headless instance without style never animates).
    const cy = district(500, cytoscape({ headless: true, styleEnabled: true }));
    followLevelOfDetail(cy, true);
    const drawnDuringTheMove: boolean[] = [];
    cy.on("zoom", () => drawnDuringTheMove.push(drawnAtThisLevel(cy, cy.getElementById("n5"))));
    await new Promise<void>((resolve) => cy.animate({ zoom: 0.1 }, { duration: 60, complete: () => resolve() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drawnDuringTheMove.length).toBeGreaterThan(0);
    expect(drawnDuringTheMove.every(Boolean)).toBe(true);
    expect(drawn(cy, ["n5"])).toEqual([false]);
  });

  it("opens a big map far out with its nodes styled for far out, then styles them all as seen once it is in", async () => {
    const cy = cytoscape({ headless: true, minZoom: 0.01 });
    cy.zoom(0.1);
    const person = { group: "nodes" as const, data: { id: "p", kind: "person" } };
    expect(unseenAtOpening(cy, person, 600)).toEqual(["unseen"]);
    expect(unseenAtOpening(cy, person, 60)).toEqual([]);
    expect(unseenAtOpening(cy, { group: "edges", data: { id: "e", source: "p", target: "p" } }, 600)).toEqual([]);
    district(1500, cy);
    cy.nodes().addClass("unseen");
    await wakeUnseen(cy);
    expect(cy.nodes(".unseen")).toHaveLength(0);
  });

  it("styles what comes into view at once when asked again while a big map is still waking", async () => {
    const cy = district(1500);
    cy.nodes().addClass("unseen");
    // A headless canvas has no size: the view is set by hand, first far from the end of the grid.
    let view = { x1: 0, y1: 0, x2: 500, y2: 100, w: 500, h: 100 };
    (cy as unknown as { extent: () => typeof view }).extent = () => view;
    const waking = wakeUnseen(cy);
    view = { x1: 3000, y1: 600, x2: 4950, y2: 700, w: 1950, h: 100 };
    const inView = () => cy.nodes().filter((n) => {
      const p = n.position();
      return p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2;
    });
    expect(inView().filter(".unseen").nonempty()).toBe(true);
    void wakeUnseen(cy);
    expect(inView().filter(".unseen")).toHaveLength(0);
    await waking;
    expect(cy.nodes(".unseen")).toHaveLength(0);
  });
});
