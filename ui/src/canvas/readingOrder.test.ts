import { describe, expect, it } from "vitest";
import { neighbourIn, readingOrder, stepInReadingOrder } from "./readingOrder";

// A small page of elements: a title row, a row of three slightly uneven boxes, one at the bottom.
const page = {
  bottom: { x: 0, y: 400 },
  right: { x: 300, y: 205 },
  title: { x: 150, y: 0 },
  middle: { x: 150, y: 190 },
  left: { x: 0, y: 200 },
};

describe("reading order on the canvas", () => {
  it("reads rows top to bottom and each row left to right, even when a row is not level", () => {
    expect(readingOrder(page)).toEqual(["title", "left", "middle", "right", "bottom"]);
  });

  it("Tab goes to the next element, Shift+Tab back, and nowhere past the ends (the focus then leaves the canvas)", () => {
    expect(stepInReadingOrder(page, "left", 1)).toBe("middle");
    expect(stepInReadingOrder(page, "left", -1)).toBe("title");
    expect(stepInReadingOrder(page, "bottom", 1)).toBeNull();
    expect(stepInReadingOrder(page, "title", -1)).toBeNull();
    expect(stepInReadingOrder(page, null, 1)).toBe("title");
    expect(stepInReadingOrder(page, null, -1)).toBe("bottom");
  });
});

describe("the arrow keys on the canvas", () => {
  it("go to the nearest element in that direction", () => {
    expect(neighbourIn(page, "middle", "right")).toBe("right");
    expect(neighbourIn(page, "middle", "left")).toBe("left");
    expect(neighbourIn(page, "middle", "up")).toBe("title");
    expect(neighbourIn(page, "left", "down")).toBe("bottom");
    expect(neighbourIn(page, "title", "up")).toBeNull();
  });

  it("prefer an element straight ahead to a nearer one far to the side", () => {
    const spots = { from: { x: 0, y: 0 }, aside: { x: 40, y: 50 }, ahead: { x: 150, y: 0 } };
    expect(neighbourIn(spots, "from", "right")).toBe("ahead");
  });

  it("always move in the direction pressed, over many random layouts", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1000 - 500;
    for (let trial = 0; trial < 500; trial++) {
      const positions = Object.fromEntries(Array.from({ length: 2 + (trial % 10) }, (_, i) => [`e${i}`, { x: random(), y: random() }]));
      for (const direction of ["up", "down", "left", "right"] as const) {
        const to = neighbourIn(positions, "e0", direction);
        if (to === null) continue;
        const [a, b] = [positions.e0, positions[to]];
        const ahead = { up: a.y - b.y, down: b.y - a.y, left: a.x - b.x, right: b.x - a.x }[direction];
        expect(ahead).toBeGreaterThan(0);
      }
    }
  });
});
