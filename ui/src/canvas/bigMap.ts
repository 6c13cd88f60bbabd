// Big maps (a district of thousands of elements) are drawn with cheaper settings than small ones.
// Under WebKitGTK without GPU compositing (Xvfb, many Linux desktops) the canvas is drawn in
// software and every frame pays for every line: on a 2,000-element district a full redraw takes
// ~0.5 s. While the user drags or wheels the view, Cytoscape can instead move a picture of it
// (textureOnViewport) and leave out the relations (hideEdgesOnViewport); the full drawing comes
// back when the view stops. Small maps keep the full drawing at every frame.
import type { ElementDefinition } from "cytoscape";
import { inSlices } from "./slices";
import type { MapSnapshot } from "../map/types";
import type { StyleBlock } from "../map/stylesheet";

/** From this many elements plus relations a map is drawn the cheap way. */
export const BIG_MAP = 1500;

export function isBigMap(snapshot: MapSnapshot): boolean {
  return snapshot.elements.length + snapshot.relations.length >= BIG_MAP;
}

/** Appended to the stylesheet for big maps: no fade animations when thousands of nodes restyle. */
export const BIG_MAP_STYLE: StyleBlock[] = [
  { selector: "node", style: { "transition-property": "none" } },
];

/** Renderer settings for big maps (Cytoscape's standard big-graph options). */
export const BIG_MAP_RENDERER = {
  textureOnViewport: true,
  hideEdgesOnViewport: true,
  pixelRatio: 1,
};

/** The class of a relation with a person at an end on a big map. */
export const PERSON_END = "person-end";

/**
 * Far out on a big map people are hidden (level of detail), but their relations would still be
 * drawn, ending nowhere — most of a district's lines. A relation with a person at either end is
 * marked `person-end` as it is added (see syncElements), so that the level of detail leaves it out
 * below FAR_ZOOM too (levelOfDetail.ts). `kindOf` maps a node's id to its kind.
 */
export function personEndClasses(definition: ElementDefinition, kindOf: { get(id: string): unknown }): string[] {
  if (definition.group !== "edges") return [];
  const { source, target } = definition.data as { source: string; target: string };
  return kindOf.get(source) === "person" || kindOf.get(target) === "person" ? [PERSON_END] : [];
}

/**
 * The relations of a big map that the overview does not show (those with a person at an end, and
 * memberships): most of a district's lines. When a big map opens at overview zoom they are left
 * out of its first drawing and added just after (`addInSlices`), which makes the first drawing
 * several times quicker; by the time the user zooms in they are there.
 */
export function hiddenAtOverview(definitions: ElementDefinition[], kindOf: Map<string, unknown>): Set<string> {
  // An element with no saved place (and no members to be placed by) is put beside what it is
  // related to when the map is arranged, so its relations must be there from the start.
  const parents = new Set(definitions.map((d) => d.data.parent).filter(Boolean));
  const unplaced = new Set(
    definitions.filter((d) => d.group === "nodes" && !d.position && !parents.has(d.data.id)).map((d) => String(d.data.id)),
  );
  const later = new Set<string>();
  for (const definition of definitions) {
    if (definition.group !== "edges") continue;
    if (unplaced.has(String(definition.data.source)) || unplaced.has(String(definition.data.target))) continue;
    if (definition.data.kind === "member_of" || personEndClasses(definition, kindOf).length > 0) later.add(String(definition.data.id));
  }
  return later;
}

/**
 * Relations added per slice. Each slice also costs a fixed re-sort and redraw of the whole map
 * (about 2 s at 20,000 elements), so slices are large: the window answers between them.
 */
const SLICE = 10000;

/** Calls `add` with `definitions` a slice at a time (see inSlices). */
export function addInSlices(
  definitions: ElementDefinition[],
  add: (slice: ElementDefinition[]) => void,
  current: () => boolean,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<void> {
  return inSlices(definitions.length, SLICE, (from, to) => add(definitions.slice(from, to)), current, progress);
}
