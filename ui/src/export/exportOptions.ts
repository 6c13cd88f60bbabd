// The Export dialog's choices and what each format needs: drawings take a view, a page and
// optionally a scene; data formats take none of those.
import type { ExportOptions_Deserialize } from "../bindings";

export type Format = "pdf" | "deck" | "svg" | "png" | "csv" | "graphml" | "gexf" | "json";

export const FORMATS: { id: Format; label: string; drawing: boolean; hint: string }[] = [
  { id: "pdf", label: "PDF", drawing: true, hint: "One board-ready page" },
  { id: "deck", label: "PDF deck", drawing: true, hint: "One page per scene, in story order" },
  { id: "svg", label: "SVG", drawing: true, hint: "A drawing to edit or embed" },
  { id: "png", label: "PNG", drawing: true, hint: "A picture for slides and email" },
  { id: "csv", label: "CSV", drawing: false, hint: "Elements and relations as tables" },
  { id: "graphml", label: "GraphML", drawing: false, hint: "For yEd, Gephi, NetworkX" },
  { id: "gexf", label: "GEXF", drawing: false, hint: "For Gephi" },
  { id: "json", label: "JSON", drawing: false, hint: "The whole map, to open again" },
];

export const PAGES = [
  { id: "a4", label: "A4" },
  { id: "letter", label: "Letter" },
  { id: "16:9", label: "16:9 slide" },
] as const;

export type Choice = {
  format: Format;
  view: "network" | "org-chart";
  page: string;
  scene: string | null;
  /** A deck of one story's scenes; null (or absent) prints every scene. */
  story?: string | null;
};

export function isDrawing(format: Format): boolean {
  return FORMATS.find((f) => f.id === format)?.drawing ?? false;
}

/** The options the core takes; a deck draws every scene (or one story's), so it names no scene. */
export function optionsFor(choice: Choice): ExportOptions_Deserialize {
  const deck = choice.format === "deck";
  return {
    format: choice.format,
    view: choice.view,
    page: choice.page,
    scene: deck || !isDrawing(choice.format) ? null : choice.scene,
    ...(deck && choice.story ? { story: choice.story } : {}),
  };
}

/** The preview is always a drawing: a deck previews its first scene (its story's first). */
export function previewOptions(choice: Choice, firstScene: string | null): ExportOptions_Deserialize {
  const scene = choice.format === "deck" ? choice.scene ?? firstScene : choice.scene;
  return { format: "svg", view: choice.view, page: choice.page, scene };
}

/** An `<img>` source for an SVG string (the CSP allows data: images, never inline scripts). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The page's alternative text, as the core wrote it into the drawing's `<desc>` (the same words
 * a PNG export of that page stands for, and the PDF's figure carries). `null` when there is none.
 */
export function altTextOf(svg: string): string | null {
  const page = new DOMParser().parseFromString(svg, "image/svg+xml");
  const text = page.getElementById("page-desc")?.textContent?.trim();
  return text ? text : null;
}

type Named = { id: string; name: string };

/** Which scenario an export holds, said in the dialog: the one on screen, unless a scene or the format says otherwise. */
export function exportedScenario(choice: Choice, shown: string, scenes: { title: string; scenario: string }[], scenarios: Named[]): string {
  const name = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;
  if (choice.format === "json") return "Every scenario of the map, to open again.";
  if (choice.format === "deck") return choice.story ? `Each scene of “${choice.story}” in its own scenario.` : "Each scene in its own scenario.";
  const scene = isDrawing(choice.format) && choice.scene !== null ? scenes.find((s) => s.title === choice.scene) : undefined;
  if (scene) return `The scene’s scenario, “${name(scene.scenario)}”.`;
  return `The scenario on screen, “${name(shown)}”.`;
}
