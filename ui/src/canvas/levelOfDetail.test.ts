// The level of detail follows the zoom; on big maps the change reaches every element, a slice at a time.
import cytoscape from "cytoscape";
import { followLevelOfDetail } from "./levelOfDetail";

function gridOf(count: number) {
  const cy = cytoscape({ headless: true, minZoom: 0.01 });
  cy.add(Array.from({ length: count }, (_, i) => ({ group: "nodes" as const, data: { id: `n${i}` }, position: { x: (i % 100) * 50, y: Math.floor(i / 100) * 50 } })));
  return cy;
}

describe("followLevelOfDetail", () => {
  afterEach(() => vi.useRealTimers());

  it("changes a mid-size map's level at once, both ways", () => {
    const cy = gridOf(600);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(cy.nodes(".far")).toHaveLength(600);
    cy.zoom(1);
    expect(cy.nodes(".far")).toHaveLength(0);
  });

  it("never hides the people of a small map, however far out", () => {
    const cy = gridOf(60);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    expect(cy.nodes(".far")).toHaveLength(0);
  });

  it("changes a big map's level in slices that reach every element, and a newer change takes over", () => {
    vi.useFakeTimers();
    const cy = gridOf(12000);
    followLevelOfDetail(cy);
    cy.zoom(0.1);
    const atOnce = cy.nodes(".far").length;
    expect(atOnce).toBeLessThan(12000);
    vi.runAllTimers();
    expect(cy.nodes(".far")).toHaveLength(12000);

    cy.zoom(1);
    cy.zoom(0.1); // back before the slices ran: the way out must not be undone by them
    vi.runAllTimers();
    expect(cy.nodes(".far")).toHaveLength(12000);
  });
});
