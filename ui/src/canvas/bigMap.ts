// Big maps (a district of thousands of elements) are drawn with cheaper settings than small ones.
// Under WebKitGTK without GPU compositing (Xvfb, many Linux desktops) the canvas is drawn in
// software and every frame pays for every line: on a 2,000-element district a full redraw takes
// ~0.5 s. While the user drags or wheels the view, Cytoscape can instead move a picture of it
// (textureOnViewport) and leave out the relations (hideEdgesOnViewport); the full drawing comes
// back when the view stops. Small maps keep the full drawing at every frame.
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
