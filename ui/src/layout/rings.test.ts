// Rings around a community: what a user looks for — the community in the middle, practice and core
// members inside engagement and active ones, inside interest and peripheral ones; nothing on top of
// anything; groups moving whole; and the rest of the map left alone.
import { hasRingsAround, ringsAround, ringLevels, type RingsRequest } from "./rings";
import { computeLayout, type Positions } from "./compute";
import { toCytoscapeElements } from "../map/elements";
import { snapshot } from "../testing/fixtures";
import type { MapElement, MapRelation } from "../map/types";

const annotations = { span: {}, notes: "", tags: [] as string[] };

function community(id: string, ring: "practice" | "engagement" | "interest", parent?: string): MapElement {
  return { id, name: id, kind: "community", domain: "", ring, cadence: "", stage: "active", boundary: "open", ...(parent ? { parent } : {}), ...annotations };
}
function person(id: string, parent?: string): MapElement {
  return { id, name: id, kind: "person", title: "", position: null, home_base: null, ...(parent ? { parent } : {}), ...annotations };
}
function office(id: string): MapElement {
  return { id, name: id, kind: "office", function: null, practice_culture: null, stance: "service", headcount: null, established: null, hospiced: null, boundary: "solid", ...annotations };
}
function partner(id: string): MapElement {
  return { id, name: id, kind: "partner", partner_type: "university", ...annotations };
}
let serial = 0;
function flow(source: string, target: string): MapRelation {
  return { id: `f${serial++}`, source, target, kind: "flow", medium: "ideas", direction: "both", volume: 2, cadence: "", mode: "support", ...annotations };
}
function member(source: string, target: string, role: "core" | "active" | "peripheral"): MapRelation {
  return { id: `m${serial++}`, source, target, kind: "member_of", role, ...annotations };
}

// Capstone holds a teacher; Linked Learning holds its director (tied to Capstone) and a coach (not).
const elements: MapElement[] = [
  community("capstone", "practice"),
  person("nora", "capstone"),
  community("health", "practice"),
  community("coaches", "engagement"),
  community("wide", "interest"),
  person("core-teacher"),
  person("active-teacher"),
  person("peripheral-parent"),
  partner("university"),
  office("linked-learning"),
  person("ll-director", "linked-learning"),
  person("ll-coach", "linked-learning"),
  office("far-away"),
  partner("in-the-way"),
  partner("unrelated-neighbour"),
];
const relations: MapRelation[] = [
  flow("capstone", "health"),
  flow("coaches", "capstone"),
  flow("capstone", "wide"),
  member("core-teacher", "capstone", "core"),
  member("active-teacher", "capstone", "active"),
  member("peripheral-parent", "capstone", "peripheral"),
  flow("university", "capstone"),
  flow("ll-director", "capstone"),
  flow("far-away", "linked-learning"),
];
const positions: Positions = {
  nora: { x: 0, y: 0 },
  health: { x: 400, y: 40 },
  coaches: { x: -300, y: 200 },
  wide: { x: 90, y: -260 },
  "core-teacher": { x: 200, y: 300 },
  "active-teacher": { x: -180, y: -120 },
  "peripheral-parent": { x: 120, y: 120 },
  university: { x: 700, y: -500 },
  "ll-director": { x: -600, y: 0 },
  "ll-coach": { x: -600, y: 120 },
  "far-away": { x: 6000, y: 6000 },
  "in-the-way": { x: 70, y: 80 },
  "unrelated-neighbour": { x: -260, y: -300 },
};
const sizes = Object.fromEntries(
  elements.map((e) => [e.id, e.kind === "person" ? { w: 60, h: 60 } : { w: 130, h: 50 }]),
);
const request: RingsRequest = { centre: "capstone", elements, relations, positions, sizes };

const after = (moves: Positions, before = positions): Positions => ({ ...before, ...moves });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
type Box = { x1: number; y1: number; x2: number; y2: number };
const boxOf = (p: { x: number; y: number }, s: { w: number; h: number }): Box => ({ x1: p.x - s.w / 2, y1: p.y - s.h / 2, x2: p.x + s.w / 2, y2: p.y + s.h / 2 });
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe("ringLevels", () => {
  it("puts practice communities and core members first, peripheral members and plain ties last", () => {
    const levels = ringLevels("capstone", elements, relations);
    expect(levels.get("health")).toBe(0);
    expect(levels.get("core-teacher")).toBe(0);
    expect(levels.get("coaches")).toBe(1);
    expect(levels.get("active-teacher")).toBe(1);
    expect(levels.get("wide")).toBe(2);
    expect(levels.get("peripheral-parent")).toBe(2);
    expect(levels.get("university")).toBe(2);
    expect(levels.has("far-away")).toBe(false);
  });
});

describe("ringsAround", () => {
  const arrangement = ringsAround(request);
  const placed = after(arrangement.positions);

  it("keeps the centre community where it was, at the middle of the rings", () => {
    expect(arrangement.positions.nora).toBeUndefined();
    expect(arrangement.origin).toEqual(positions.nora);
  });

  it("nests the rings by distance: practice and core inside engagement and active, inside interest and peripheral", () => {
    const from = (id: string) => distance(placed[id], arrangement.origin);
    const inner = ["health", "core-teacher"].map(from);
    const middle = ["coaches", "active-teacher"].map(from);
    const outer = ["wide", "peripheral-parent", "university"].map(from);
    expect(Math.max(...inner)).toBeLessThan(Math.min(...middle));
    expect(Math.max(...middle)).toBeLessThan(Math.min(...outer));
    // Each ring lies on its own circle.
    for (const ring of [inner, middle]) expect(Math.max(...ring) - Math.min(...ring)).toBeLessThan(1);
  });

  it("moves a group whole, with the tie inside it on the ring", () => {
    const director = placed["ll-director"];
    const coach = placed["ll-coach"];
    expect(director).not.toEqual(positions["ll-director"]);
    expect({ x: coach.x - director.x, y: coach.y - director.y }).toEqual({ x: 0, y: 120 });
  });

  it("leaves no two elements on top of each other", () => {
    const ids = Object.keys(placed);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i], ids[j]];
        expect(overlap(boxOf(placed[a], sizes[a]), boxOf(placed[b], sizes[b])), `${a} and ${b} overlap`).toBe(false);
      }
    }
  });

  it("leaves unrelated elements alone, unless they stood where the rings go", () => {
    expect(arrangement.positions["far-away"]).toBeUndefined();
    const outermost = Math.max(...["wide", "peripheral-parent", "university"].map((id) => distance(placed[id], arrangement.origin)));
    expect(distance(placed["in-the-way"], arrangement.origin)).toBeGreaterThan(outermost);
    expect(distance(placed["unrelated-neighbour"], arrangement.origin)).toBeGreaterThan(outermost);
  });

  it("stays put when asked again", () => {
    const again = ringsAround({ ...request, positions: placed });
    for (const [id, p] of Object.entries(again.positions)) {
      expect(distance(p, placed[id]), `${id} moved again`).toBeLessThan(2);
    }
  });

  it("offers rings only where something would move", () => {
    expect(hasRingsAround("capstone", elements, relations)).toBe(true);
    // Its one member sits inside it already: nothing outside to bring round.
    const lonely = [community("lonely", "practice"), person("member", "lonely")];
    expect(hasRingsAround("lonely", lonely, [member("member", "lonely", "core")])).toBe(false);
  });

  it("does nothing around an element that is not a community", () => {
    expect(ringsAround({ ...request, centre: "linked-learning" }).positions).toEqual({});
    expect(ringsAround({ ...request, centre: "nobody" }).positions).toEqual({});
  });

  it("arranges a laid-out district without any group landing on another", () => {
    const definitions = toCytoscapeElements(snapshot, "network");
    const laidOut = computeLayout({ view: "network", elements: definitions });
    const measured = Object.fromEntries(definitions.filter((d) => d.group === "nodes").map((d) => [String(d.data.id), { w: d.data.layoutW, h: d.data.layoutH }]));
    const rings = ringsAround({ centre: "capstone", elements: snapshot.elements, relations: snapshot.relations, positions: laidOut, sizes: measured });
    expect(Object.keys(rings.positions).length).toBeGreaterThan(0);
    const final = after(rings.positions, laidOut);
    // Boxes of top-level blocks: leaves' boxes joined per outermost group.
    const topOf = (id: string): string => {
      const parent = snapshot.elements.find((e) => e.id === id)?.parent;
      return parent ? topOf(parent) : id;
    };
    const blocks = new Map<string, Box>();
    for (const [id, p] of Object.entries(final)) {
      const b = boxOf(p, measured[id]);
      const top = topOf(id);
      const had = blocks.get(top);
      blocks.set(top, had ? { x1: Math.min(had.x1, b.x1), y1: Math.min(had.y1, b.y1), x2: Math.max(had.x2, b.x2), y2: Math.max(had.y2, b.y2) } : b);
    }
    const moved = new Set(Object.keys(rings.positions).map(topOf));
    for (const a of moved) {
      for (const [b, box] of blocks) {
        if (a !== b) expect(overlap(blocks.get(a)!, box), `${a} lands on ${b}`).toBe(false);
      }
    }
  });
});
