// The relation chooser must leave both ends of the new line, and the line itself, in sight.
import { describe, expect, it } from "vitest";
import { crosses, placeBeside, type Rect } from "./placeBeside";

const WINDOW: Rect = { left: 8, top: 8, width: 1424, height: 884 };
/** About the chooser's size: nine kinds of relation under a title. */
const CARD = { width: 270, height: 560 };

const overlaps = (p: Rect, q: Rect) => p.left < q.left + q.width && q.left < p.left + p.width && p.top < q.top + q.height && q.top < p.top + p.height;
const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
const inside = (r: Rect, bounds: Rect) => r.left >= bounds.left && r.top >= bounds.top && r.left + r.width <= bounds.left + bounds.width && r.top + r.height <= bounds.top + bounds.height;

function placed(source: Rect, target: Rect, bounds = WINDOW): Rect {
  const at = placeBeside(source, target, CARD, bounds);
  expect(at).not.toBeNull();
  return { left: at!.x, top: at!.y, ...CARD };
}

describe("placeBeside", () => {
  // The first-steps journey: a new office on the right, Human Resources to its left, one row.
  const office: Rect = { left: 780, top: 560, width: 90, height: 60 };
  const hr: Rect = { left: 175, top: 575, width: 110, height: 28 };

  it("covers neither end nor the line between them, and stays in the window", () => {
    const card = placed(office, hr);
    expect(overlaps(card, office)).toBe(false);
    expect(overlaps(card, hr)).toBe(false);
    expect(crosses(card, centre(office), centre(hr))).toBe(false);
    expect(inside(card, WINDOW)).toBe(true);
  });

  it("sits near the middle of the line", () => {
    const card = placed(office, hr);
    const middle = { x: (centre(office).x + centre(hr).x) / 2, y: (centre(office).y + centre(hr).y) / 2 };
    const dx = Math.max(card.left - middle.x, 0, middle.x - (card.left + card.width));
    const dy = Math.max(card.top - middle.y, 0, middle.y - (card.top + card.height));
    expect(Math.hypot(dx, dy)).toBeLessThan(40);
  });

  it("flips to the other side when one side has no room", () => {
    // Near the bottom of the window the card cannot go below a flat line, so it goes above it.
    const low = placed({ left: 200, top: 800, width: 100, height: 50 }, { left: 900, top: 810, width: 100, height: 50 });
    expect(low.top + low.height).toBeLessThanOrEqual(830);
    // Near the top, below it.
    const high = placed({ left: 200, top: 20, width: 100, height: 50 }, { left: 900, top: 30, width: 100, height: 50 });
    expect(high.top).toBeGreaterThanOrEqual(50);
  });

  it("keeps clear of two elements on a steep line", () => {
    const a = { left: 600, top: 60, width: 100, height: 50 };
    const b = { left: 640, top: 780, width: 100, height: 50 };
    const card = placed(a, b);
    expect(overlaps(card, a) || overlaps(card, b) || crosses(card, centre(a), centre(b))).toBe(false);
  });

  it("gives up only when the window has no room at all", () => {
    expect(placeBeside(office, hr, CARD, { left: 0, top: 0, width: 200, height: 200 })).toBeNull();
  });
});

describe("crosses", () => {
  const box = { left: 0, top: 0, width: 10, height: 10 };
  it("tells a line through a box from one beside it", () => {
    expect(crosses(box, { x: -5, y: 5 }, { x: 15, y: 5 })).toBe(true);
    expect(crosses(box, { x: -5, y: 15 }, { x: 15, y: 15 })).toBe(false);
    expect(crosses(box, { x: -5, y: -5 }, { x: -1, y: 20 })).toBe(false);
  });
});
