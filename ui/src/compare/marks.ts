// The compare canvas's drawing: the core's union snapshot as the map canvas draws it
// (map/elements.ts), each element and relation carrying the class of its change mark, and a faint
// arrow per element that moved from one group to another. How a mark looks — colour, badge text
// and line pattern — is the vocabulary's (the same on paper); colour is never the only signal.
import type { ElementDefinition } from "cytoscape";
import type { MapSnapshot } from "../map/types";
import { positionsFor, toCytoscapeElements } from "../map/elements";
import { borderPattern, lengths, type StyleBlock } from "../map/stylesheet";
import type { Comparison, Mark, MarkStyle } from "./types";

/** One change mark's look, as the vocabulary gives it. */
export type MarkLook = MarkStyle;

/** The class an element or relation carries for its mark. */
export const markClass = (mark: Mark) => `mark-${mark}`;

/** Prefix of the moved-arrow edges' ids: they are the canvas's own, never the map's. */
export const MOVED_ARROW = "moved-arrow:";

type Overlay = Comparison["overlay"];

/**
 * The Cytoscape definitions of `snapshot` (network view) with every element and relation in
 * `marks` classed by its mark, and, when `moved` is given, one arrow from each mover's old group
 * to its new one (both groups must be drawn).
 */
export function markedDefinitions(snapshot: MapSnapshot, marks: Overlay["marks"], moved: Overlay["moved"] | null): ElementDefinition[] {
  const byId = new Map(marks.map((m) => [m.subject.id, m.mark]));
  const definitions = toCytoscapeElements(snapshot, "network").map((d) => {
    const mark = byId.get(String(d.data.id)) ?? "unchanged";
    return { ...d, classes: [d.classes, markClass(mark)].filter(Boolean).join(" ") };
  });
  if (!moved) return definitions;
  const drawn = new Set(definitions.filter((d) => d.group === "nodes").map((d) => String(d.data.id)));
  const arrows = moved.flatMap(({ element, from_group, to_group }) =>
    from_group && to_group && from_group !== to_group && drawn.has(from_group) && drawn.has(to_group)
      ? [{ group: "edges" as const, data: { id: `${MOVED_ARROW}${element}`, source: from_group, target: to_group, mover: element }, classes: "moved-arrow" }]
      : [],
  );
  return [...definitions, ...arrows];
}

/** The saved network positions of a snapshot, by id: what every compare canvas starts from. */
export const savedPositions = (snapshot: MapSnapshot) => positionsFor(snapshot, "network");

/** How each mark looks on the canvas: border or line in the mark's colour and pattern, unchanged receding. */
export function markStylesheet(looks: MarkLook[]): StyleBlock[] {
  const movedColour = looks.find((l) => l.mark === "moved")?.colour;
  return [
    ...looks.flatMap((look) => (look.faded ? fadedBlocks(look) : markBlocks(look))),
    {
      selector: "edge.moved-arrow",
      style: {
        "curve-style": "unbundled-bezier",
        "control-point-distances": [60],
        "line-color": movedColour,
        "target-arrow-color": movedColour,
        "target-arrow-shape": "triangle",
        "line-style": "dashed",
        "line-dash-pattern": [10, 6],
        width: 4,
        opacity: 0.5,
        events: "no",
        "z-index": 0,
      },
    },
  ];
}

function markBlocks(look: MarkLook): StyleBlock[] {
  const cls = markClass(look.mark);
  const dashes = look.dash.length > 0 ? lengths(look.dash) : null;
  return [
    {
      selector: `node.${cls}`,
      style: { "border-color": look.colour, "border-width": 4, ...borderPattern(look.pattern, look.dash, 4), "underlay-color": look.colour, "underlay-opacity": 0.12, "underlay-padding": 6 },
    },
    {
      selector: `edge.${cls}`,
      style: {
        "line-color": look.colour,
        "target-arrow-color": look.colour,
        "source-arrow-color": look.colour,
        width: 4,
        "line-style": look.pattern === "solid" ? "solid" : "dashed",
        ...(dashes ? { "line-dash-pattern": dashes.map((d) => d * 2) } : {}),
        opacity: 1,
        "z-index": 10,
      },
    },
  ];
}

/** Unchanged: still there to read the rest against, but receding (a group's fill, not its children). */
function fadedBlocks(look: MarkLook): StyleBlock[] {
  const cls = markClass(look.mark);
  return [
    { selector: `node.${cls}`, style: { "background-opacity": 0.35, "background-image-opacity": 0.4, "border-opacity": 0.4, "text-opacity": 0.6 } },
    { selector: `node.${cls}.group`, style: { "background-opacity": 0.1, "text-opacity": 0.7 } },
    { selector: `edge.${cls}`, style: { opacity: 0.25 } },
  ];
}
