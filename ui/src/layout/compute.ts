// Computes a view's layout on a headless Cytoscape instance and returns the positions of the
// elements it places. It runs in a worker (layoutWorker.ts) so a big map never freezes the window;
// the live canvas then animates its nodes to these positions.
import cytoscape, { type ElementDefinition } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { View } from "../map/types";
import { LAYOUT_GROUP_PADDING, layoutOptions } from "./specs";

cytoscape.use(fcose);

export type Positions = Record<string, { x: number; y: number }>;

/** Room kept between elements that the force layout left touching. */
const SEPARATION = 14;
/** Sibling sets larger than this are left as the force layout put them (the check is quadratic). */
const MAX_SEPARATED = 400;

/**
 * A force layout leaves a few elements overlapping. Pushes overlapping siblings apart along the
 * axis that needs the smaller move, innermost groups first (a group grows as its children part),
 * moving a group together with everything inside it.
 */
function separateOverlaps(cy: cytoscape.Core, rounds = 60): void {
  const siblings = new Map<string, cytoscape.NodeSingular[]>();
  cy.nodes().forEach((n) => {
    const key = n.isChild() ? n.parent().first().id() : "";
    siblings.set(key, [...(siblings.get(key) ?? []), n]);
  });
  const depth = (key: string) => (key === "" ? 0 : cy.getElementById(key).ancestors().length + 1);
  const sets = [...siblings.entries()].filter(([, set]) => set.length > 1 && set.length <= MAX_SEPARATED).sort(([a], [b]) => depth(b) - depth(a));
  const shift = (n: cytoscape.NodeSingular, by: { x: number; y: number }) =>
    (n.isParent() ? n.descendants().filter((d) => d.isChildless()) : n).shift(by);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const [, set] of sets) {
      for (let i = 0; i < set.length; i++) {
        for (let j = i + 1; j < set.length; j++) {
          const a = set[i].boundingBox({});
          const b = set[j].boundingBox({});
          const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + SEPARATION;
          const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + SEPARATION;
          if (dx <= 0 || dy <= 0) continue;
          moved = true;
          const sign = (d: number) => (d >= 0 ? 1 : -1);
          const push =
            dx < dy
              ? { x: (sign((b.x1 + b.x2) - (a.x1 + a.x2)) * dx) / 2, y: 0 }
              : { x: 0, y: (sign((b.y1 + b.y2) - (a.y1 + a.y2)) * dy) / 2 };
          shift(set[i], { x: -push.x, y: -push.y });
          shift(set[j], push);
        }
      }
    }
    if (!moved) return;
  }
}

export type LayoutRequest = { view: View; elements: ElementDefinition[] };

/** Positions of every childless node (groups follow their children). */
export function computeLayout({ view, elements }: LayoutRequest): Positions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      // The drawn size plus the room the label needs: layouts here cannot measure text.
      { selector: "node", style: { width: "data(layoutW)", height: "data(layoutH)", shape: "rectangle" } },
      { selector: ":parent", style: { padding: `${LAYOUT_GROUP_PADDING}px` } },
    ],
  });
  const nodes = cy.nodes();
  // The org chart is the core's (requestLayout.ts); only the network is laid out here.
  if (view === "network" && nodes.length > 0) {
    cy.layout(layoutOptions()).run();
    separateOverlaps(cy);
  }
  const positions: Positions = {};
  for (const node of nodes.filter((n) => n.isChildless())) {
    const { x, y } = node.position();
    // A person's or star's label hangs below its shape; centre the shape, not shape and label.
    const shapeH = node.data("h") ?? 0;
    const layoutH = node.data("layoutH") ?? shapeH;
    const shift = node.data("kind") === "person" || node.data("kind") === "sprint_team" ? (shapeH - layoutH) / 2 : 0;
    positions[node.id()] = { x: Math.round(x), y: Math.round(y + shift) };
  }
  cy.destroy();
  return positions;
}
