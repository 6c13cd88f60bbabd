// How each view is laid out when it has no saved positions.
//
// Network: fcose, a force layout that understands nesting, tuned so flows, memberships and barriers
// shape the picture and the reports-to lines (kept, but subdued) pull only weakly: the network should
// look like how work flows, not like the chart. It is tuned compact (so the map fits a projector at
// a readable zoom); the overlaps that leaves are removed afterwards (compute.ts). The org chart is
// laid out by the core (requestLayout.ts), as its export is.
import type { LayoutOptions } from "cytoscape";

type EdgeLike = { data(key: "kind"): string };

const ELASTICITY: Record<string, number> = { flow: 0.45, barrier: 0.3, member_of: 0.3, reports_to: 0.06 };

export function layoutOptions(): LayoutOptions {
  return {
    name: "fcose",
    quality: "proof",
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeRepulsion: () => 1500,
    idealEdgeLength: () => 50,
    edgeElasticity: (edge: EdgeLike) => ELASTICITY[edge.data("kind")] ?? 0.3,
    // Short edges inside groups and a strong pull towards each group's centre keep groups compact.
    nestingFactor: 0.05,
    gravity: 0.6,
    gravityCompound: 3.0,
    gravityRangeCompound: 1.0,
    numIter: 4000,
    tile: true,
    tilingPaddingVertical: 24,
    tilingPaddingHorizontal: 24,
  } as LayoutOptions;
}

/** Space a group keeps around its children during layout; more than it draws, to leave room for its title. */
export const LAYOUT_GROUP_PADDING = 40;
