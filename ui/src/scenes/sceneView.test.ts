// The canvas draws exactly what the core answered for a scene, and leaving the scene puts the map
// back as it was, without anything removed from the canvas.
import cytoscape from "cytoscape";
import { clearAnswer, drawAnswer, FADED, HIDDEN } from "./sceneView";
import type { ViewAnswer_Serialize } from "../bindings";

function canvas() {
  return cytoscape({
    headless: true,
    elements: [
      { data: { id: "site" } },
      { data: { id: "office" } },
      { data: { id: "team", parent: "site" } },
      { data: { id: "a" } },
      { data: { id: "flow", source: "a", target: "office" } },
      { data: { id: "joins", source: "a", target: "team" } },
    ],
  });
}

const answer: ViewAnswer_Serialize = {
  scenario: "as-is",
  view: "network",
  visible: ["a", "team"],
  faded: ["office"],
  hidden: ["site"],
  visible_relations: ["joins"],
  faded_relations: ["flow"],
  hidden_relations: [],
  regrouped: [["team", null]],
  departed: [],
  departed_relations: [],
  as_it_was: [],
  lens: null,
  caption: null,
};

describe("a scene's answer on the canvas", () => {
  it("hides, fades and regroups as the core says, and leaving puts everything back", () => {
    const cy = canvas();
    drawAnswer(cy, answer);
    expect(cy.getElementById("site").hasClass(HIDDEN)).toBe(true);
    expect(cy.getElementById("office").hasClass(FADED)).toBe(true);
    expect(cy.getElementById("flow").hasClass(FADED)).toBe(true);
    expect(cy.getElementById("a").hasClass(FADED)).toBe(false);
    expect(cy.getElementById("team").parent().empty()).toBe(true);
    expect(cy.elements().length).toBe(6);
    clearAnswer(cy);
    expect(cy.elements(`.${FADED}, .${HIDDEN}`).length).toBe(0);
    expect(cy.getElementById("team").parent().first().id()).toBe("site");
  });

  it("replaces the answer shown before", () => {
    const cy = canvas();
    drawAnswer(cy, answer);
    drawAnswer(cy, { ...answer, faded: [], faded_relations: [], hidden: [], regrouped: [] });
    expect(cy.elements(`.${FADED}, .${HIDDEN}`).length).toBe(0);
    expect(cy.getElementById("team").parent().first().id()).toBe("site");
  });

  it("draws a team as it was then, and as it is once the answer is left", () => {
    const cy = canvas();
    cy.getElementById("team").addClass("status-dissolved");
    drawAnswer(cy, { ...answer, as_it_was: ["team"] });
    expect(cy.getElementById("team").hasClass("status-dissolved")).toBe(false);
    drawAnswer(cy, answer);
    expect(cy.getElementById("team").hasClass("status-dissolved")).toBe(true);
    drawAnswer(cy, { ...answer, as_it_was: ["team"] });
    clearAnswer(cy);
    expect(cy.getElementById("team").hasClass("status-dissolved")).toBe(true);
  });

  it("changes only what differs from the answer shown before", () => {
    const cy = canvas();
    drawAnswer(cy, answer);
    const untouched = cy.getElementById("site");
    const touched: string[] = [];
    cy.on("class", (e) => void touched.push(e.target.id()));
    drawAnswer(cy, { ...answer, faded: [], visible: ["a", "team", "office"] });
    expect(touched).toEqual(["office"]);
    expect(untouched.hasClass(HIDDEN)).toBe(true);
    expect(cy.getElementById("team").parent().empty()).toBe(true);
    clearAnswer(cy);
    expect(cy.getElementById("team").parent().first().id()).toBe("site");
  });
});
