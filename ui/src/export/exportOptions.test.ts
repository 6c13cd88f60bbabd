import { describe, expect, it } from "vitest";
import { isDrawing, optionsFor, previewOptions, svgDataUrl } from "./exportOptions";

describe("export options", () => {
  it("drawings keep view, page and scene; a deck names no scene", () => {
    expect(optionsFor({ format: "pdf", view: "org-chart", page: "letter", scene: "Silos" })).toEqual({ format: "pdf", view: "org-chart", page: "letter", scene: "Silos" });
    expect(optionsFor({ format: "deck", view: "network", page: "16:9", scene: "Silos" }).scene).toBeNull();
    expect(optionsFor({ format: "csv", view: "network", page: "a4", scene: "Silos" }).scene).toBeNull();
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
