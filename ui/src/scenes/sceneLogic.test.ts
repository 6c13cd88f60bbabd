import { describe, expect, it } from "vitest";
import { applyMove, fitRect, frameAround, moveBy, moveOnto, nextTitle, sceneFrom, storiesOf, storyOpenedAt, storyScenes, type Scene } from "./sceneLogic";

const scenes = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("scene ordering", () => {
  it("moves up and down, not past either end", () => {
    expect(moveBy(scenes, "b", -1)).toEqual({ op: "move_scene", id: "b", to: 0 });
    expect(moveBy(scenes, "b", 1)).toEqual({ op: "move_scene", id: "b", to: 2 });
    expect(moveBy(scenes, "a", -1)).toBeNull();
    expect(moveBy(scenes, "c", 1)).toBeNull();
  });
  it("drops onto another scene's place", () => {
    expect(moveOnto(scenes, "a", "c")).toEqual({ op: "move_scene", id: "a", to: 2 });
    expect(moveOnto(scenes, "a", "a")).toBeNull();
    expect(applyMove(scenes, "a", 2).map((s) => s.id)).toEqual(["b", "c", "a"]);
    expect(applyMove(scenes, "c", 0).map((s) => s.id)).toEqual(["c", "a", "b"]);
  });
  it("numbers new scenes past the taken titles", () => {
    expect(nextTitle([])).toBe("Scene 1");
    expect(nextTitle([{ title: "Scene 2" }])).toBe("Scene 3");
  });
});

describe("sceneFrom", () => {
  it("captures the viewport in model coordinates and the focus", () => {
    const s = sceneFrom({ id: "s", title: "T", scenario: "sc", view: "network", viewport: { x1: -10, y1: 5, w: 200, h: 100 }, lens: "silos", focus: ["e1"], time: "2021-04" });
    expect(s.time).toBe("2021-04");
    expect(s.viewport).toEqual({ x: -10, y: 5, width: 200, height: 100 });
    expect(s.lens).toBe("silos");
    expect(s.filters.focus).toEqual(["e1"]);
  });
});

describe("fitRect", () => {
  it("centres the rectangle at the zoom that shows it whole", () => {
    const f = fitRect({ x: 0, y: 0, width: 200, height: 100 }, 800, 800)!;
    expect(f.zoom).toBe(4);
    expect(f.pan).toEqual({ x: 0, y: 200 });
    expect(fitRect({ x: 0, y: 0, width: 0, height: 1 }, 800, 800)).toBeNull();
  });
});

describe("stories", () => {
  const told = (id: string, story?: string) => ({ ...sceneFrom({ id, title: id, scenario: "as-is", view: "network", viewport: null, lens: null, focus: [], time: null }), ...(story ? { story } : {}) }) as Scene;
  const deck = [told("a", "Silos"), told("b", "Silos"), told("c"), told("d", "Purchasing"), told("e", "Silos")];

  it("heads a story where its scenes begin, again after another story's", () => {
    expect(deck.map((_, i) => storyOpenedAt(deck, i))).toEqual(["Silos", null, null, "Purchasing", "Silos"]);
  });
  it("presents and prints one story's scenes in deck order, or every scene", () => {
    expect(storyScenes(deck, "Silos").map((s) => s.id)).toEqual(["a", "b", "e"]);
    expect(storyScenes(deck, null)).toHaveLength(5);
    expect(storiesOf(deck)).toEqual(["Silos", "Purchasing"]);
  });
});

describe("frameAround", () => {
  it("frames a scene's elements with room for the caption at the foot", () => {
    const { zoom, pan } = frameAround({ x1: 0, y1: 0, w: 1000, h: 500 }, 1040, 670, 0.05, 4);
    expect(zoom).toBeCloseTo(0.96);
    // centred across; above the caption's room down
    expect(pan.x + 500 * zoom).toBeCloseTo(520);
    expect(pan.y + 250 * zoom).toBeCloseTo(40 + (670 - 40 - 90) / 2);
  });
  it("does not blow one element up past a readable map", () => {
    expect(frameAround({ x1: 0, y1: 0, w: 60, h: 40 }, 1000, 800, 0.05, 4).zoom).toBe(1.4);
  });
});
