import { describe, expect, it } from "vitest";
import type { LensPaint } from "../bindings";
import { eiBars, lensStyles } from "./paint";
import { withoutVerb } from "./LensPanel";

const paint: LensPaint = {
  lens: "silos",
  name: "Silos",
  fills: { a: "#d55e00", g: "#56b4e9" },
  sizes: { a: 1.5, g: 1.4, b: null },
  badges: { a: "walled · 1 lateral for 4 inside" },
  legend: [["#d55e00", "a silo"]],
  caption: "one silo",
};

describe("lensStyles", () => {
  it("is empty without a paint", () => {
    expect(lensStyles(null, [{ id: "a", w: 10, h: 10, label: "A", group: false }]).size).toBe(0);
  });
  it("maps fills, sizes (leaves only) and badges to bypasses", () => {
    const styles = lensStyles(paint, [
      { id: "a", w: 100, h: 40, label: "Alpha", group: false },
      { id: "g", w: 300, h: 300, label: "Group", group: true },
      { id: "b", w: 10, h: 10, label: "B", group: false },
    ]);
    expect(styles.get("a")).toEqual({
      "background-color": "#d55e00",
      "background-opacity": 1,
      width: 150,
      height: 60,
      label: "Alpha\nwalled · 1 lateral for 4 inside",
      "text-wrap": "wrap",
    });
    expect(styles.get("g")).toEqual({ "background-color": "#56b4e9" });
    expect(styles.has("b")).toBe(false);
  });
});

describe("eiBars", () => {
  it("places a diverging bar from zero and skips groups without flows", () => {
    const bars = eiBars([
      { group: { id: "x", name: "X" }, ei: -1, is_silo: true },
      { group: { id: "y", name: "Y" }, ei: null, is_silo: false },
      { group: { id: "z", name: "Z" }, ei: 0.5, is_silo: false },
    ]);
    expect(bars.map((b) => b.id)).toEqual(["x", "z"]);
    expect(eiBars([{ group: { id: "p", name: "P" }, ei: 0.2, is_silo: false }, { group: { id: "q", name: "Q" }, ei: 1, is_silo: true }]).map((b) => b.id)).toEqual(["q", "p"]);
    expect(bars[0]).toMatchObject({ left: 0, width: 50, silo: true });
    expect(bars[1]).toMatchObject({ left: 50, width: 25 });
  });
  it("marks a walled silo so its row says why instead of a bare +1", () => {
    const words = "T&L: walled, a silo: 1 lateral flow across a solid boundary for 4 inside (0 flows inside, 1 outside)";
    const [bar] = eiBars([{ group: { id: "tl", name: "T&L" }, ei: 1, is_silo: true, verdict: "walled", words }]);
    expect(bar).toMatchObject({ walled: true, words });
  });
});

describe("withoutVerb", () => {
  it("drops the verb the tag already shows", () => {
    expect(withoutVerb("connect: A and B", "connect")).toBe("A and B");
    expect(withoutVerb("A and B", "connect")).toBe("A and B");
  });
});
