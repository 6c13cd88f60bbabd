// Level of detail: far out, a big map is a picture of groups and flows, not of individual people.
// Below FAR_ZOOM the stylesheet hides people, memberships and arrowheads (the `far` class);
// labels already drop out on their own once too small to read (min-zoomed-font-size).
import type { Core, EventObject } from "cytoscape";

const FAR_ZOOM = 0.38;

/** The level-of-detail classes an element added now takes (see syncElements). */
export function levelOfDetailClasses(cy: Core): string[] {
  return cy.zoom() < FAR_ZOOM ? ["far"] : [];
}

/** Keeps the `far` class in step with the zoom; returns a function that stops it. */
export function followLevelOfDetail(cy: Core): () => void {
  let far: boolean | null = null;
  const update = () => {
    const now = cy.zoom() < FAR_ZOOM;
    if (now === far) return;
    far = now;
    cy.batch(() => {
      if (now) cy.elements().addClass("far");
      else cy.elements().removeClass("far");
    });
  };
  // Elements added later (one event each, thousands when a map opens) take the current level.
  const onAdd = (event: EventObject) => {
    if (far && !event.target.hasClass("far")) event.target.addClass("far");
  };
  cy.on("zoom", update);
  cy.on("add", onAdd);
  update();
  return () => {
    cy.off("zoom", update);
    cy.off("add", onAdd);
  };
}
