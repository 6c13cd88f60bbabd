// The layouts themselves: the org chart must put superiors above, the network place everything.
import { computeLayout } from "./compute";
import { toCytoscapeElements } from "../map/elements";
import { snapshot } from "../testing/fixtures";

describe("computeLayout", () => {
  it("draws the org chart top-down: everyone below the one they report to", () => {
    const positions = computeLayout({ view: "org_chart", elements: toCytoscapeElements(snapshot, "org_chart") });
    expect(positions["tl-director"].y).toBeGreaterThan(positions["superintendent-person"].y);
    expect(positions["science-specialist"].y).toBeGreaterThan(positions["tl-director"].y);
    expect(positions["teaching-learning"].y).toBeGreaterThan(positions["superintendent"].y);
  });

  it("places every childless element of the network and no group", () => {
    const positions = computeLayout({ view: "network", elements: toCytoscapeElements(snapshot, "network") });
    expect(Object.keys(positions)).toContain("science-specialist");
    expect(Object.keys(positions)).not.toContain("teaching-learning");
    for (const p of Object.values(positions)) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });
});
