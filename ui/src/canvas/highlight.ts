// With elements selected, the relations that touch them stay clear and the rest recede, so a coach
// can point at one office and the room sees who it actually works with.
import type { Core } from "cytoscape";

export function highlightSelection(cy: Core): () => void {
  const update = () => {
    const selectedNodes = cy.nodes(":selected");
    cy.batch(() => {
      cy.edges().removeClass("faded");
      const touching = selectedNodes.union(selectedNodes.descendants()).connectedEdges();
      if (touching.nonempty()) cy.edges().difference(touching).addClass("faded");
    });
  };
  // A box selection fires once per element; redraw the highlight once per burst.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!cy.destroyed()) update();
    });
  };
  cy.on("select unselect", schedule);
  return () => cy.off("select unselect", schedule);
}
