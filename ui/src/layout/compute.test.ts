// The network's layout: it places everything (the org chart is the core's, tested there).
import { computeLayout } from "./compute";
import { toCytoscapeElements } from "../map/elements";
import { snapshot } from "../testing/fixtures";

describe("computeLayout", () => {
  it("places every childless element of the network and no group", () => {
    const positions = computeLayout({ view: "network", elements: toCytoscapeElements(snapshot, "network") });
    expect(Object.keys(positions)).toContain("science-specialist");
    expect(Object.keys(positions)).not.toContain("teaching-learning");
    for (const p of Object.values(positions)) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });
});
