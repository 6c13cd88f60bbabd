// Selection, double-click and right-click on the canvas, reported to the window as plain events.
import type { Core, EventObject, NodeSingular } from "cytoscape";
import type { CanvasEvents } from "./canvasApi";

/** Selection, double-click and right-click, reported to the window. */
export function reportGestures(cy: Core, events: () => CanvasEvents): () => void {
  let pending = false;
  const onSelect = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!cy.destroyed()) events().onSelectionChange(cy.$(":selected").map((e) => e.id()));
    });
  };
  const onDoubleTap = (e: EventObject) => events().onRename((e.target as NodeSingular).id());
  const onContext = (e: EventObject) => {
    const original = e.originalEvent as MouseEvent | undefined;
    const client = original ? { x: original.clientX, y: original.clientY } : { x: 0, y: 0 };
    const target = e.target === cy ? null : e.target;
    if (target && !target.selected()) {
      cy.$(":selected").unselect();
      target.select();
    }
    events().onContextMenu(target ? { type: target.isNode() ? "node" : "edge", id: target.id() } : { type: "background" }, client);
  };
  cy.on("select unselect", onSelect);
  cy.on("dbltap", "node", onDoubleTap);
  cy.on("cxttap", onContext);
  return () => {
    cy.off("select unselect", onSelect);
    cy.off("dbltap", "node", onDoubleTap);
    cy.off("cxttap", onContext);
  };
}
