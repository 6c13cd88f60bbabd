// Computes a view's layout on a headless Cytoscape instance and returns the positions of the
// elements it places. It runs in a worker (layoutWorker.ts) so a big map never freezes the window;
// the live canvas then animates its nodes to these positions.
import cytoscape, { type ElementDefinition } from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import type { View } from "../map/types";
import { LAYOUT_GROUP_PADDING, layoutOptions } from "./specs";

cytoscape.use(fcose);
cytoscape.use(dagre);

export type Positions = Record<string, { x: number; y: number }>;

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
  if (nodes.length > 0) cy.layout(layoutOptions(view)).run();
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
