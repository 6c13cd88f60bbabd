import { describe, expect, it } from "vitest";
import cytoscape from "cytoscape";
import { routeStyle } from "./chartRoutes";

describe("an org chart line along the core's connector", () => {
  // Boss at (0, 0), report at (100, 200); the route leaves the boss's foot, runs down to the bus
  // at y = 100, across, and down to the report's top.
  const route = [
    { x: 0, y: 30 },
    { x: 0, y: 100 },
    { x: 100, y: 100 },
    { x: 100, y: 170 },
  ];

  it("passes through every corner of the route, from the report up to the superior", () => {
    const style = routeStyle(route, { at: { x: 100, y: 200 }, own: true }, { at: { x: 0, y: 0 }, own: true })!;
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: "boss" }, position: { x: 0, y: 0 } },
        { data: { id: "report" }, position: { x: 100, y: 200 } },
        { data: { id: "line", source: "report", target: "boss" } },
      ],
    });
    const edge = cy.getElementById("line");
    edge.style(style);
    expect(edge.style("curve-style")).toBe("segments");
    // The corners, in order from the report: the bus above the report, then the bus under the boss.
    const weights = style["segment-weights"] as number[];
    const distances = style["segment-distances"] as number[];
    const corners = weights.map((w, i) => {
      const [vx, vy] = [-100, -200];
      const length = Math.hypot(vx, vy);
      return { x: 100 + w * vx + (-vy / length) * distances[i], y: 200 + w * vy + (vx / length) * distances[i] };
    });
    expect(corners.map((c) => [Math.round(c.x), Math.round(c.y)])).toEqual([
      [100, 100],
      [0, 100],
    ]);
    expect(style["source-endpoint"]).toBe("outside-to-node");
  });

  it("starts a head's line at their office box's top, not inside the box", () => {
    const style = routeStyle(route, { at: { x: 100, y: 260 }, own: false }, { at: { x: 0, y: 0 }, own: true })!;
    expect(style["source-endpoint"]).toBe("0px -90px");
    expect(style["target-endpoint"]).toBe("outside-to-node");
  });

  it("leaves a line whose ends coincide alone", () => {
    expect(routeStyle(route, { at: { x: 0, y: 0 }, own: true }, { at: { x: 0, y: 0 }, own: true })).toBeNull();
  });
});
