// Draws the core's answer to a view request (what a scene shows) on the canvas: hidden elements
// and relations out of sight, faded ones faint, what a hidden group held moved into the nearest
// group still shown. Nothing is decided here — the core's view function (core/src/view.rs) did —
// and nothing leaves the map's store: only classes and the canvas's own grouping change, and
// `clearAnswer` puts them back.
import type { Core } from "cytoscape";
import type { ViewAnswer_Serialize as ViewAnswer } from "../bindings";

export const FADED = "view-faded";
export const HIDDEN = "view-hidden";
/** Where a regrouped node keeps the group the map gives it, to go back there. */
const OWN_GROUP = "viewOwnGroup";

export function clearAnswer(cy: Core | null): void {
  if (!cy || cy.destroyed()) return;
  cy.batch(() => {
    cy.elements(`.${FADED}, .${HIDDEN}`).removeClass(`${FADED} ${HIDDEN}`);
    cy.nodes().forEach((node) => {
      const own = node.scratch(OWN_GROUP) as string | null | undefined;
      if (own === undefined) return;
      node.removeScratch(OWN_GROUP);
      const parent = own && cy.getElementById(own).nonempty() ? own : null;
      node.move({ parent });
    });
  });
}

/** Shows `answer` on `cy`, replacing any answer shown before. */
export function drawAnswer(cy: Core, answer: ViewAnswer): void {
  clearAnswer(cy);
  const mark = (ids: string[], cls: string) => {
    for (const id of ids) cy.getElementById(id).addClass(cls);
  };
  cy.batch(() => {
    mark(answer.hidden, HIDDEN);
    mark(answer.hidden_relations, HIDDEN);
    mark(answer.faded, FADED);
    mark(answer.faded_relations, FADED);
    for (const [id, group] of answer.regrouped) {
      const node = cy.getElementById(id);
      if (node.empty() || !node.isNode()) continue;
      const own = node.parent().nonempty() ? node.parent().first().id() : null;
      node.move({ parent: group && cy.getElementById(group).nonempty() ? group : null });
      // Moving re-creates the node: the scratch goes on the new one.
      cy.getElementById(id).scratch(OWN_GROUP, own);
    }
  });
}
