// Applies a lens's paint to the live canvas as style bypasses and takes it off again, re-applying
// when the canvas redraws (elements added or their data changed).
import type { Core, NodeSingular } from "cytoscape";
import type { LensPaint } from "../bindings";
import { LENS_BYPASS_KEYS, LENS_CLASS, lensStyles, type NodeFacts } from "./paint";

function facts(node: NodeSingular): NodeFacts {
  return {
    id: node.id(),
    w: Number(node.data("w")) || node.width(),
    h: Number(node.data("h")) || node.height(),
    label: String(node.data("label") ?? node.data("name") ?? ""),
    group: node.isParent(),
  };
}

export function clearLens(cy: Core): void {
  cy.batch(() => {
    const painted = cy.nodes(`.${LENS_CLASS}`);
    painted.removeStyle(LENS_BYPASS_KEYS.join(" "));
    painted.removeClass(LENS_CLASS);
  });
}

export function paintLens(cy: Core, paint: LensPaint | null): void {
  clearLens(cy);
  if (!paint) return;
  const styles = lensStyles(paint, cy.nodes().map(facts));
  cy.batch(() => {
    styles.forEach((style, id) => {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      node.addClass(LENS_CLASS);
      node.style(style);
    });
  });
}

/** Keeps `paint` on `cy` until the returned function is called (which clears it). */
export function followLens(cy: Core, paint: LensPaint | null): () => void {
  paintLens(cy, paint);
  // A repaint waiting when this paint is taken off must not bring it back over the next one (a
  // scene that switches scenario re-adds every node, then paints its own lens).
  let pending: ReturnType<typeof setTimeout> | null = null;
  const again = () => {
    if (pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      if (!cy.destroyed()) paintLens(cy, paint);
    }, 50);
  };
  cy.on("add data", "node", again);
  return () => {
    cy.off("add data", "node", again);
    if (pending !== null) clearTimeout(pending);
    pending = null;
    if (!cy.destroyed()) clearLens(cy);
  };
}
