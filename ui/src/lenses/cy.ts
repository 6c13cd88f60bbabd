// The live Cytoscape instance, as the canvas publishes it (canvas/testHook.ts). Lenses, scenes and
// presentation mode drive the canvas through it without touching the canvas's own code.
import type { Core } from "cytoscape";

export function liveCy(): Core | null {
  const cy = typeof window === "undefined" ? undefined : window.__murmuration?.cy;
  return cy && !cy.destroyed() ? cy : null;
}

/** Selects `ids` and animates the view to fit them. */
export function focusIds(ids: string[], padding = 60): void {
  const cy = liveCy();
  if (!cy) return;
  const wanted = new Set(ids);
  const eles = cy.elements().filter((e) => wanted.has(e.id()));
  cy.$(":selected").unselect();
  if (eles.empty()) return;
  eles.select();
  cy.animate({ fit: { eles, padding }, duration: 500, easing: "ease-in-out-cubic" });
}
