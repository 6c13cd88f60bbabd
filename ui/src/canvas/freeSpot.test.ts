// A new element must land clear of what is already drawn, as near as possible to where the user
// is looking, and inside a group only when it is being added into that group.
import { describe, expect, it } from "vitest";
import cytoscape from "cytoscape";
import { freeSpot, spotForNew, takenBoxes, NEW_ELEMENT_SIZE, type Box, type Placed } from "./freeSpot";
import { buildStylesheet } from "../map/stylesheet";
import { vocabulary } from "../testing/fixtures";

const SIZE = { w: 100, h: 40 };
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const boxAt = (p: { x: number; y: number }, size = SIZE): Box => ({ x1: p.x - size.w / 2, y1: p.y - size.h / 2, x2: p.x + size.w / 2, y2: p.y + size.h / 2 });

describe("freeSpot", () => {
  it("keeps the starting point when it is free", () => {
    expect(freeSpot({ x: 0, y: 0 }, SIZE, [{ x1: 300, y1: 300, x2: 400, y2: 400 }], { step: 10, reach: 500, gap: 0 })).toEqual({ x: 0, y: 0 });
  });

  it("moves off an element to the nearest side that is clear", () => {
    // A wide, flat element under the start: clearing it above or below is far shorter than sideways.
    const taken = [{ x1: -300, y1: -20, x2: 300, y2: 20 }];
    const spot = freeSpot({ x: 0, y: 5 }, SIZE, taken, { step: 5, reach: 500, gap: 10 })!;
    expect(overlaps(boxAt(spot, { w: SIZE.w + 20, h: SIZE.h + 20 }), taken[0])).toBe(false);
    expect(spot.x).toBe(0);
    expect(spot.y).toBe(50); // 20 (the element's half) + 20 (the new one's half) + 10 (gap): below, the nearer side
  });

  it("finds the gap between elements rather than going around them all", () => {
    const taken = [
      { x1: -400, y1: -400, x2: -60, y2: 400 },
      { x1: 60, y1: -400, x2: 400, y2: 400 },
    ];
    // The 120-wide gap between the two holds a 100-wide element; the centre is in that gap.
    expect(freeSpot({ x: 0, y: 0 }, SIZE, taken, { step: 10, reach: 600, gap: 5 })).toEqual({ x: 0, y: 0 });
    // With a larger gap required it no longer fits and must go beyond their ends.
    const spot = freeSpot({ x: 0, y: 0 }, SIZE, taken, { step: 10, reach: 800, gap: 20 })!;
    expect(Math.abs(spot.y)).toBeGreaterThanOrEqual(400 + SIZE.h / 2 + 20);
  });

  it("stays inside the given box, and says so when there is no room", () => {
    const within = { x1: -100, y1: -100, x2: 100, y2: 100 };
    const spot = freeSpot({ x: 90, y: 0 }, SIZE, [], { step: 10, reach: 300, within, gap: 0 })!;
    expect(spot.x + SIZE.w / 2).toBeLessThanOrEqual(100);
    expect(freeSpot({ x: 0, y: 0 }, SIZE, [{ x1: -200, y1: -200, x2: 200, y2: 200 }], { step: 10, reach: 300, within, gap: 0 })).toBeNull();
  });

  it("takes the nearest free point, not the first one met ring by ring", () => {
    // Free only to the right (x ≥ 100) and in the top-left corner beyond (-80, -90): ring by
    // ring the corner comes first (ring 9), but (100, 0) on ring 10 is nearer (100 < 120).
    const taken = [
      { x1: -1000, y1: -90, x2: 100, y2: 1000 },
      { x1: -80, y1: -1000, x2: 100, y2: -80 },
    ];
    const spot = freeSpot({ x: 0, y: 0 }, { w: 0, h: 0 }, taken, { step: 10, reach: 1000, gap: 0 })!;
    expect(spot).toEqual({ x: 100, y: 0 });
  });
});

describe("takenBoxes", () => {
  const placed: Placed[] = [
    { id: "school", box: { x1: 0, y1: 0, x2: 400, y2: 300 }, group: true, ancestors: [] },
    { id: "team", box: { x1: 20, y1: 20, x2: 200, y2: 150 }, group: true, ancestors: ["school"] },
    { id: "teacher", box: { x1: 40, y1: 40, x2: 80, y2: 80 }, group: false, ancestors: ["team", "school"] },
  ];

  it("counts every group's area, with its title above it, as taken", () => {
    const taken = takenBoxes(placed, null);
    expect(taken).toHaveLength(3);
    expect(taken[0].y1).toBeLessThan(0);
  });

  it("leaves the group being added into, and the groups around it, free — but not its members", () => {
    const taken = takenBoxes(placed, "team");
    expect(taken).toEqual([placed[2].box]);
  });
});

describe("spotForNew on a canvas", () => {
  /** A canvas the size of a window's, showing `elements` (model = screen pixels: zoom 1, no pan). */
  const canvas = (elements: cytoscape.ElementDefinition[]) => {
    // The elements are copied: Cytoscape keeps (and its default layout zeroes) the positions given.
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: structuredClone(elements), layout: { name: "preset", fit: false } as never, style: buildStylesheet(vocabulary) as never });
    // A headless canvas has no size; give its view one (the extent follows from it).
    Object.assign(cy, { width: () => 1000, height: () => 700 });
    return cy;
  };
  const office = (id: string, x: number, y: number, parent?: string) => ({
    data: { id, kind: "office", w: 110, h: 44, layoutW: 110, layoutH: 44, label: id, ...(parent ? { parent } : {}) },
    position: { x, y },
  });
  const group = (id: string, kind = "site") => ({ data: { id, kind, w: 110, h: 44, layoutW: 110, layoutH: 44, label: id }, classes: "group" });
  const drawn = [
    group("school"),
    office("front-office", 150, 150, "school"),
    office("library", 450, 350, "school"),
    office("district", 500, 120),
    office("finance", 800, 500),
  ];
  const box = (cy: cytoscape.Core, id: string) => cy.getElementById(id).boundingBox({ includeLabels: false, includeOverlays: false });

  it("puts a new element clear of every element and group, even when asked for the middle of one", () => {
    const cy = canvas(drawn);
    for (const at of [{ x: 500, y: 120 }, { x: 300, y: 250 }, { x: 800, y: 500 }]) {
      const spot = spotForNew(cy, at);
      const mine = boxAt(spot, NEW_ELEMENT_SIZE);
      cy.nodes().forEach((n) => {
        expect(overlaps(mine, box(cy, n.id())), `${n.id()} under the new element at ${JSON.stringify(spot)}`).toBe(false);
      });
      expect(Math.hypot(spot.x - at.x, spot.y - at.y), "nearby").toBeLessThan(350);
    }
  });

  it("puts it inside the selected group, clear of the group's members, wherever the pointer is", () => {
    const cy = canvas(drawn);
    cy.getElementById("school").select();
    const area = box(cy, "school");
    for (const at of [{ x: 900, y: 650 }, { x: 150, y: 150 }]) {
      const spot = spotForNew(cy, at);
      expect(spot.x > area.x1 && spot.x < area.x2 && spot.y > area.y1 && spot.y < area.y2, `inside the group: ${JSON.stringify(spot)}`).toBe(true);
      const mine = boxAt(spot, NEW_ELEMENT_SIZE);
      for (const member of ["front-office", "library"]) expect(overlaps(mine, box(cy, member)), member).toBe(false);
    }
  });

  it("puts it beside a selected element that holds nothing yet, not on top of it", () => {
    const cy = canvas(drawn);
    cy.getElementById("finance").select();
    const spot = spotForNew(cy, { x: 150, y: 550 });
    expect(overlaps(boxAt(spot, NEW_ELEMENT_SIZE), box(cy, "finance"))).toBe(false);
    expect(Math.hypot(spot.x - 800, spot.y - 500), "beside it").toBeLessThan(200);
  });

  it("takes the pointer itself when nothing is there", () => {
    expect(spotForNew(canvas(drawn), { x: 150, y: 550 })).toEqual({ x: 150, y: 550 });
  });
});
