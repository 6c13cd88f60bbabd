// The org chart's reporting lines drawn along the core's connectors, as paper draws them: each
// line stays its own Cytoscape edge (selectable, inspectable), bent along its route — down from
// its superior's box to the bus or spine, then to its report's box — so lines that share a
// connector lie on one another and none crosses an office box. The routes are the core's
// (`org_chart_places`); they hold while everyone stands where the core put them, so a line whose
// end (or the box it sits in) is dragged goes back to a plain right-angled line.
import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import type { ChartRoute } from "../bindings";

type At = { x: number; y: number };

/** The style that bends one edge (from its report to its superior) along `points`, boss first. */
export function routeStyle(
  points: At[],
  source: { at: At; own: boolean },
  target: { at: At; own: boolean },
): Record<string, unknown> | null {
  const [s, t] = [source.at, target.at];
  const v = { x: t.x - s.x, y: t.y - s.y };
  const length2 = v.x * v.x + v.y * v.y;
  if (points.length < 2 || length2 < 1) return null;
  const length = Math.sqrt(length2);
  // From the report up to the superior; an end drawn at its own node is clipped to its outline.
  const path = [...points].reverse();
  const inner = path.slice(1, -1);
  const weights = inner.map((p) => ((p.x - s.x) * v.x + (p.y - s.y) * v.y) / length2);
  const distances = inner.map((p) => ((p.x - s.x) * -v.y + (p.y - s.y) * v.x) / length);
  const end = (own: boolean, p: At, from: At) => (own ? "outside-to-node" : `${p.x - from.x}px ${p.y - from.y}px`);
  return {
    "curve-style": "segments",
    "edge-distances": "node-position",
    "segment-weights": weights,
    "segment-distances": distances,
    "source-endpoint": end(source.own, path[0], s),
    "target-endpoint": end(target.own, path[path.length - 1], t),
  };
}

const ROUTE_STYLE = "curve-style edge-distances segment-weights segment-distances source-endpoint target-endpoint";

/** Bends each reporting line along its route; lines without one keep their own right angles. */
export function drawChartRoutes(cy: Core, routes: ChartRoute[]): void {
  cy.batch(() => {
    clearChartRoutes(cy);
    for (const route of routes) {
      const edge = cy.getElementById(route.relation);
      if (edge.empty() || !edge.isEdge()) continue;
      const [source, target] = [edge.source(), edge.target()];
      // An end is drawn at its own node when the route reaches that very node (not its office's box).
      const own = (node: NodeSingular, id: string) => node.id() === id && node.isChildless();
      const style = routeStyle(
        route.points.flatMap((p) => (p.x === null || p.y === null ? [] : [{ x: p.x, y: p.y }])),
        { at: source.position(), own: own(source, route.kid) },
        { at: target.position(), own: own(target, route.boss) },
      );
      if (style) edge.style(style).addClass("routed");
    }
  });
}

/** Every line back to a plain right-angled line (another view, another layout). */
export function clearChartRoutes(cy: Core): void {
  cy.edges(".routed").removeStyle(ROUTE_STYLE).removeClass("routed");
}

/** A dragged node takes its lines, and those of the box it sits in, off their routes. */
export function unrouteAround(node: NodeSingular): void {
  const boxes = node.ancestors().union(node);
  const moved = boxes.union(boxes.descendants());
  moved.connectedEdges(".routed").forEach((edge: EdgeSingular) => {
    edge.removeStyle(ROUTE_STYLE).removeClass("routed");
  });
}
