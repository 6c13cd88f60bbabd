// Where the compare canvases put each element. One arrangement of the union of both scenarios,
// made once per comparison, so the overlay and the two side-by-side canvases put every shared
// element in the same place: the core's saved network positions first, then those the window's
// own map canvas shows now (its layout of the scenario on screen), then the places this compare
// view used before (so adopting a change moves nothing), and only when most of the union is
// unplaced a fresh layout (the same as the map canvas's, in the worker).
import cytoscape, { type ElementDefinition } from "cytoscape";
import type { Positions } from "../layout/compute";
import { arrangementFor } from "../canvas/arrange";
import { MOVED_ARROW } from "./marks";

export async function arrangeUnion(definitions: ElementDefinition[], ...known: (Positions | Map<string, { x: number; y: number }> | null)[]): Promise<Positions> {
  const saved = new Map<string, { x: number; y: number }>();
  // Later sources only fill what earlier ones left out.
  for (const source of known) {
    if (!source) continue;
    const entries = source instanceof Map ? [...source] : Object.entries(source);
    for (const [id, at] of entries) if (!saved.has(id)) saved.set(id, at);
  }
  const mapOnly = definitions.filter((d) => !String(d.data.id).startsWith(MOVED_ARROW));
  const headless = cytoscape({ headless: true, styleEnabled: false, elements: mapOnly });
  const leaves = headless.nodes().filter((n) => n.isChildless());
  const placed = leaves.filter((n) => saved.has(n.id())).length;
  // Mostly unplaced: a fresh layout reads better than most elements put beside a few.
  const usable = placed * 2 >= leaves.length ? saved : new Map<string, { x: number; y: number }>();
  const { positions } = await arrangementFor(headless, "network", mapOnly, usable, undefined);
  headless.destroy();
  return positions;
}
