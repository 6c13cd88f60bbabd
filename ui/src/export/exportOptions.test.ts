import { describe, expect, it } from "vitest";
import { altTextOf, exportedScenario, isDrawing, optionsFor, previewOptions, svgDataUrl } from "./exportOptions";

describe("export options", () => {
  it("drawings keep view, page and scene; a deck names no scene", () => {
    expect(optionsFor({ format: "pdf", view: "org-chart", page: "letter", scene: "Silos" })).toEqual({ format: "pdf", view: "org-chart", page: "letter", scene: "Silos" });
    expect(optionsFor({ format: "deck", view: "network", page: "16:9", scene: "Silos" }).scene).toBeNull();
    expect(optionsFor({ format: "csv", view: "network", page: "a4", scene: "Silos" }).scene).toBeNull();
    expect(optionsFor({ format: "deck", view: "network", page: "16:9", scene: null, story: "The purchasing bottleneck" }).story).toBe("The purchasing bottleneck");
    expect(optionsFor({ format: "pdf", view: "network", page: "16:9", scene: null, story: "The purchasing bottleneck" })).not.toHaveProperty("story");
    expect(isDrawing("png")).toBe(true);
    expect(isDrawing("gexf")).toBe(false);
  });
  it("previews as SVG, a deck by its first scene", () => {
    expect(previewOptions({ format: "deck", view: "network", page: "16:9", scene: null }, "One")).toEqual({ format: "svg", view: "network", page: "16:9", scene: "One" });
    expect(previewOptions({ format: "png", view: "network", page: "a4", scene: null }, "One").scene).toBeNull();
  });
  it("encodes SVG as a data URL", () => {
    expect(svgDataUrl('<svg a="#"/>')).toBe("data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22%23%22%2F%3E");
  });
});

describe("the scenario an export holds", () => {
  const scenarios = [
    { id: "as-is", name: "As is 2025" },
    { id: "to-be", name: "To be" },
  ];
  const scenes = [{ title: "Communities as home base", scenario: "to-be" }];
  const choice = { format: "pdf" as const, view: "network" as const, page: "a4", scene: null };

  it("is the scenario on screen for a drawing or data of the view", () => {
    expect(exportedScenario(choice, "to-be", scenes, scenarios)).toBe("The scenario on screen, “To be”.");
    expect(exportedScenario({ ...choice, format: "csv" }, "as-is", scenes, scenarios)).toBe("The scenario on screen, “As is 2025”.");
  });

  it("is the scene's own scenario when a scene is drawn, and every one for JSON and decks", () => {
    expect(exportedScenario({ ...choice, scene: "Communities as home base" }, "as-is", scenes, scenarios)).toBe("The scene’s scenario, “To be”.");
    expect(exportedScenario({ ...choice, format: "json" }, "as-is", scenes, scenarios)).toMatch(/Every scenario/);
    expect(exportedScenario({ ...choice, format: "deck" }, "as-is", scenes, scenarios)).toMatch(/own scenario/);
  });
});

describe("the alternative text offered beside a PNG", () => {
  it("is the words the core wrote into the page's description", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="page-title page-desc"><title id="page-title">Riverside Unified</title>' +
      '<desc id="page-desc">An org chart of 25 people &amp; offices.</desc><rect/></svg>';
    expect(altTextOf(svg)).toBe("An org chart of 25 people & offices.");
  });

  it("is missing when the drawing has no description", () => {
    expect(altTextOf('<svg xmlns="http://www.w3.org/2000/svg"><title id="page-title">x</title></svg>')).toBeNull();
  });
});
