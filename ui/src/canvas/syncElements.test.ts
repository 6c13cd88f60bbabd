// The canvas follows each new snapshot by changing only what differs; these check it keeps up.
import cytoscape from "cytoscape";
import { syncElements } from "./syncElements";
import { toCytoscapeElements } from "../map/elements";
import { snapshot } from "../testing/fixtures";
import type { MapSnapshot } from "../map/types";

function withChanges(change: (s: MapSnapshot) => void): MapSnapshot {
  const copy = structuredClone(snapshot);
  change(copy);
  return copy;
}

describe("syncElements", () => {
  it("adds, updates, moves between groups and removes, keeping what others painted", () => {
    const cy = cytoscape({ headless: true });
    syncElements(cy, toCytoscapeElements(snapshot, "network"));
    expect(cy.nodes()).toHaveLength(snapshot.elements.length);
    const keep = cy.getElementById("science-specialist");
    keep.addClass("lens-painted");

    const next = withChanges((s) => {
      s.elements = s.elements.filter((e) => e.id !== "watershed");
      s.relations = s.relations.filter((r) => r.target !== "watershed" && r.source !== "watershed");
      const specialist = s.elements.find((e) => e.id === "science-specialist")!;
      specialist.parent = "superintendent";
      specialist.name = "Priya R.";
      const team = s.elements.find((e) => e.id === "es-redesign")!;
      if (team.kind === "sprint_team") team.status = "active";
    });
    syncElements(cy, toCytoscapeElements(next, "network"));

    expect(cy.getElementById("watershed").empty()).toBe(true);
    const moved = cy.getElementById("science-specialist");
    expect(moved.parent().first().id()).toBe("superintendent");
    expect(moved.data("name")).toBe("Priya R.");
    expect(moved.hasClass("lens-painted")).toBe(true);
    expect(cy.getElementById("teaching-learning").hasClass("group")).toBe(true);
    const team = cy.getElementById("es-redesign");
    expect(team.hasClass("status-dissolved")).toBe(false);
    expect(team.hasClass("status-active")).toBe(true);
  });

  it("re-creates an edge whose ends changed", () => {
    const cy = cytoscape({ headless: true });
    syncElements(cy, toCytoscapeElements(snapshot, "network"));
    const next = withChanges((s) => {
      const flow = s.relations.find((r) => r.id === "r4")!;
      flow.target = "superintendent";
    });
    syncElements(cy, toCytoscapeElements(next, "network"));
    expect(cy.getElementById("r4").target().id()).toBe("superintendent");
  });

  it("touches nothing when a snapshot changes one element: a big map is not re-styled for one edit", () => {
    const cy = cytoscape({ headless: true });
    syncElements(cy, toCytoscapeElements(snapshot, "network"));
    const touched = new Set<string>();
    cy.on("data style", (e) => touched.add(e.target.id()));
    const next = withChanges((s) => {
      s.elements.find((e) => e.id === "science-specialist")!.name = "Priya R.";
    });
    syncElements(cy, toCytoscapeElements(next, "network"));
    expect([...touched]).toEqual(["science-specialist"]);
  });

  it("gives added elements the canvas's own classes without taking them for the snapshot's", () => {
    const cy = cytoscape({ headless: true });
    syncElements(cy, toCytoscapeElements(snapshot, "network"), () => ["far"]);
    expect(cy.elements().toArray().every((e) => e.hasClass("far"))).toBe(true);
    // A later snapshot replaces the snapshot's classes but leaves the canvas's alone.
    syncElements(cy, toCytoscapeElements(snapshot, "network"));
    expect(cy.elements().toArray().every((e) => e.hasClass("far"))).toBe(true);
  });
});
