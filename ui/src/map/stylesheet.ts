// The canvas stylesheet, built from the core's visual vocabulary.
//
// The vocabulary (shape, fill, stroke per element kind; colour, pattern, arrowhead per relation kind
// and flow medium; outline per boundary; width per volume) is defined once in the core and also
// drives its SVG/PDF exports, so nothing here names a kind's colour. What lives here is how those
// words become Cytoscape properties, plus the canvas-only states (selection, search, level of detail).
import type { Arrowhead, ElementStyle, LinePattern, LineStyle, Shape, Vocabulary } from "../bindings";
import { complianceGlyph, personGlyph, siteGlyph, starGlyph } from "./glyphs";
import { LABEL_FONT_SIZE } from "./elements";
import { ORG_CHART_PADDING } from "./rules";

export type StyleBlock = { selector: string; style: Record<string, unknown> };

/** The ink of the chrome and of group labels that need more contrast than a kind's stroke. */
const INK = "#1F2937";
const SELECTION = "#0072B2";
const FOUND = "#E69F00";

/**
 * Names that sit outside their shape — a group's title above its area, a person's or a sprint
 * team's name below the circle or star — have room to be larger than names inside boxes (which
 * are sized to LABEL_FONT_SIZE): at the zoom that fits a district of ~50 elements on a projector
 * (0.4–0.55) they were 7–9 px; these keep the ones a coach talks about readable without
 * enlarging any box. Group titles are the district's structure, so they are the largest.
 */
export const GROUP_TITLE_FONT_SIZE = 22;
export const NAME_BELOW_FONT_SIZE = 19;

/** Cytoscape has no chevron; a process arrow is a polygon in the unit square [-1, 1]². */
const CHEVRON_POINTS = [-1, -1, 0.72, -1, 1, 0, 0.72, 1, -1, 1, -0.72, 0];

/** Compound nodes are sized by their children; only box-like shapes can hold them. */
const GROUP_SHAPES = new Set<string>(["rectangle", "round-rectangle", "cut-rectangle", "barrel"]);

/** A pattern's dash lengths as the vocabulary sends them (numbers may arrive as null). */
type Dash = (number | null)[];

export function lengths(dash: Dash): number[] {
  return dash.filter((d): d is number => d !== null);
}

export function buildStylesheet(vocabulary: Vocabulary): StyleBlock[] {
  const font = `"${vocabulary.font_family}", "Source Sans 3", "DejaVu Sans", sans-serif`;
  return [
    ...baseBlocks(font),
    ...vocabulary.elements.flatMap((style) => elementBlocks(style, gatekeeperColour(vocabulary))),
    ...ringBlocks(),
    ...vocabulary.boundaries.map((b) => ({
      selector: `node.boundary-${b.boundary}`,
      style: boundaryStyle(b.pattern, b.dash, b.width ?? 0),
    })),
    ...groupBlocks(),
    ...stateBlocks(),
    ...vocabulary.relations.map((r) => ({ selector: `edge[kind = "${r.kind}"]`, style: lineStyle(r.line) })),
    ...vocabulary.media.map((m) => ({
      selector: `edge[kind = "flow"][medium = "${m.medium}"]`,
      style: lineStyle(m.line),
    })),
    ...vocabulary.volume_widths.map((width, i) => ({
      selector: `edge[kind = "flow"][volume = ${i + 1}]`,
      style: { width: width ?? 1 },
    })),
    // Dots keep their spacing on wide flows: the gap is measured in line widths.
    ...vocabulary.media
      .filter((m) => m.line.pattern === "dotted")
      .flatMap((m) =>
        vocabulary.volume_widths.map((width, i) => ({
          selector: `edge[kind = "flow"][medium = "${m.medium}"][volume = ${i + 1}]`,
          style: { "line-dash-pattern": dots(m.line.dash, width ?? 1) },
        })),
      ),
    ...relationBlocks(),
    ...interactionBlocks(),
  ];
}

function baseBlocks(font: string): StyleBlock[] {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": font,
        "font-size": LABEL_FONT_SIZE,
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "text-valign": "center",
        "text-halign": "center",
        "line-height": 1.2,
        width: "data(w)",
        height: "data(h)",
        "border-width": 1.5,
        "min-zoomed-font-size": 7,
      },
    },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier",
        "control-point-step-size": 28,
        width: 2,
        "arrow-scale": 1.1,
        "target-distance-from-node": 1,
        "source-distance-from-node": 1,
        "line-cap": "round",
      },
    },
  ];
}

// The compliance badge takes the colour of the permission line: the gatekeeper's colour.
function gatekeeperColour(vocabulary: Vocabulary): string {
  const permission = vocabulary.media.find((m) => m.medium === "permission");
  return permission ? permission.line.color : INK;
}

function elementBlocks(style: ElementStyle, gatekeeper: string): StyleBlock[] {
  const selector = `node[kind = "${style.kind}"]`;
  const blocks: StyleBlock[] = [
    {
      selector,
      style: {
        ...shapeStyle(style.shape),
        "background-color": style.fill,
        "border-color": style.stroke,
        color: style.text,
      },
    },
    {
      selector: `${selector}.group`,
      style: {
        shape: GROUP_SHAPES.has(cytoscapeShape(style.shape)) ? cytoscapeShape(style.shape) : "round-rectangle",
        color: INK,
      },
    },
  ];
  switch (style.kind) {
    case "person":
      blocks.push({
        selector,
        style: {
          "text-valign": "bottom",
          "text-margin-y": 5,
          "font-size": NAME_BELOW_FONT_SIZE,
          "background-image": (node: { data(key: string): string }) =>
            personGlyph(node.data("initials") ?? "", style.text),
          "background-fit": "contain",
          "background-clip": "node",
        },
      });
      // On the org chart the name and title sit inside a larger circle, initials give way.
      blocks.push({ selector: `${selector}.titled`, style: { "text-valign": "center", "text-margin-y": 0, "font-size": LABEL_FONT_SIZE, "background-image": "none" } });
      break;
    case "sprint_team":
      // A star is too small to hold its name, so the name sits below (groups put it on top).
      blocks.push(
        { selector, style: { "text-valign": "bottom", "text-margin-y": 6, "font-size": NAME_BELOW_FONT_SIZE } },
        { selector: `${selector}.group`, style: corner(starGlyph(style.stroke)) },
      );
      break;
    case "site":
      blocks.push({ selector, style: corner(siteGlyph(style.stroke)) });
      break;
    case "community":
      // Round means community: a group of them is a stadium, not a box.
      blocks.push({ selector: `${selector}.group`, style: { "corner-radius": 36 } });
      break;
    case "office":
      blocks.push({ selector: `${selector}.compliance`, style: corner(complianceGlyph(gatekeeper)) });
      break;
    default:
      break;
  }
  return blocks;
}

/** A round badge straddling a node's top-left corner, clear of the label inside. */
function corner(url: string): Record<string, unknown> {
  return {
    "background-image": url,
    "background-width": BADGE,
    "background-height": BADGE,
    "background-position-x": -BADGE / 2,
    "background-position-y": -BADGE / 2,
    "background-clip": "none",
    "background-image-containment": "over",
    "background-fit": "none",
    "bounds-expansion": BADGE / 2,
  };
}

const BADGE = 22;

function cytoscapeShape(shape: Shape): string {
  return shape === "chevron" ? "polygon" : shape;
}

function shapeStyle(shape: Shape): Record<string, unknown> {
  if (shape === "chevron") return { shape: "polygon", "shape-polygon-points": CHEVRON_POINTS };
  return { shape };
}

// Albury's rings: practice is a full fill, engagement a light one, interest only a trace.
function ringBlocks(): StyleBlock[] {
  return [
    { selector: "node.ring-engagement", style: { "background-opacity": 0.5 } },
    { selector: "node.ring-interest", style: { "background-opacity": 0.2 } },
  ];
}

function boundaryStyle(pattern: LinePattern, dash: Dash, width: number): Record<string, unknown> {
  if (width === 0) return { "border-width": 0 };
  return { "border-width": width, ...borderPattern(pattern, dash, width) };
}

/** Dash lengths come from the vocabulary, in multiples of the line width (a thick line keeps its rhythm). */
export function borderPattern(pattern: LinePattern, dash: Dash, width: number): Record<string, unknown> {
  const dashes = lengths(dash);
  if (pattern === "solid" || dashes.length === 0) return { "border-style": "solid" };
  if (pattern === "dotted") return { "border-style": "dotted" };
  return { "border-style": "dashed", "border-dash-pattern": dashes.map((d) => d * Math.max(width, 1.5)) };
}

// Groups are areas: a tint that children stand out against, the title above the area.
function groupBlocks(): StyleBlock[] {
  return [
    {
      selector: "node.group",
      style: {
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": -6,
        "font-weight": 600,
        "font-size": GROUP_TITLE_FONT_SIZE,
        "background-opacity": 0.45,
        padding: 22,
        "min-zoomed-font-size": 5,
      },
    },
    // An org chart office's box is padded as paper pads it, so boxes stand where the core put them.
    { selector: "node.group.chart-office", style: { padding: ORG_CHART_PADDING } },
    // Open: no wall, only a faint tint. A community's ring sets its own tint.
    { selector: "node.group.boundary-open", style: { "background-opacity": 0.2 } },
    { selector: "node.group.ring-practice", style: { "background-opacity": 0.45 } },
    { selector: "node.group.ring-engagement", style: { "background-opacity": 0.28 } },
    { selector: "node.group.ring-interest", style: { "background-opacity": 0.16 } },
  ];
}

// Element states that are not kinds: a dissolved sprint team, a forming one, an office in hospice.
function stateBlocks(): StyleBlock[] {
  return [
    {
      selector: "node.status-dissolved, node.status-transformed, node.status-absorbed_into_routine",
      style: { opacity: 0.4, "border-width": 2, "border-style": "dashed", "border-dash-pattern": [6, 4] },
    },
    { selector: "node.status-forming", style: { "border-width": 2.5, "border-style": "dotted" } },
    { selector: "node.hospiced", style: { opacity: 0.55, "border-style": "dashed" } },
  ];
}

function lineStyle(line: LineStyle): Record<string, unknown> {
  const dashes = lengths(line.dash).length > 0 ? lengths(line.dash) : null;
  return {
    "line-color": line.color,
    "target-arrow-color": line.color,
    "source-arrow-color": line.color,
    "mid-target-arrow-color": line.color,
    "target-arrow-shape": arrowShape(line.arrowhead),
    "line-style": line.pattern === "solid" ? "solid" : "dashed",
    ...(line.pattern === "dotted" ? { "line-dash-pattern": dots(line.dash, THIN), "line-cap": "round" } : {}),
    ...(dashes && line.pattern !== "dotted" ? { "line-dash-pattern": dashes.map((d) => d * 2) } : {}),
  };
}

/** The width dots are spaced for when a line's own width is not known here (memberships, thin flows). */
const THIN = 1.25;

/**
 * A dotted line as round dots one line-width across with the vocabulary's gap between them (a
 * zero-length dash with round caps is a dot; the caps take half a width from each side of the gap).
 * Cytoscape's own "dotted" is a hairline dash every 2 units — thinner than the line, and thousands
 * of dashes on a long line, which made drawing a zoomed-in big map several times slower.
 */
function dots(dash: Dash, width: number): number[] {
  const gap = lengths(dash)[1] ?? 2.5;
  return [0.01, (gap + 1) * Math.max(width, THIN)];
}

function arrowShape(arrowhead: Arrowhead): string {
  return arrowhead === "none" ? "none" : arrowhead;
}

// What the vocabulary leaves to the canvas: widths of the thin relations, the barrier's ⊘ mark,
// two-way heads, and the org chart's right-angled lines.
function relationBlocks(): StyleBlock[] {
  return [
    { selector: 'edge[kind = "reports_to"]', style: { width: 1.5 } },
    { selector: 'edge[kind = "reports_to"].subdued', style: { opacity: 0.35, width: 1 } },
    {
      selector: 'edge[kind = "reports_to"].chart-line',
      style: { "curve-style": "taxi", "taxi-direction": "downward", "taxi-turn": "50%", width: 2 },
    },
    { selector: 'edge[kind = "member_of"]', style: { width: 1.25, opacity: 0.8 } },
    // The policy cascade: thin ink lines, so the flows stay the map's loudest lines.
    { selector: 'edge[kind = "derives_from"], edge[kind = "governs"]', style: { width: 1.25 } },
    {
      selector: 'edge[kind = "barrier"]',
      style: {
        width: 5,
        // A hollow ring over the line at its middle: the "blocked" sign, ⊘, turned along the line.
        "mid-target-arrow-shape": "circle",
        "mid-target-arrow-fill": "hollow",
        "arrow-scale": 1.9,
      },
    },
    {
      selector: "edge.both-ways",
      style: { "source-arrow-shape": "triangle" },
    },
  ];
}

// Selection, search results, hover and the level of detail at overview zoom.
function interactionBlocks(): StyleBlock[] {
  return [
    {
      selector: "node:selected",
      style: { "underlay-color": SELECTION, "underlay-opacity": 0.22, "underlay-padding": 7, "underlay-shape": "round-rectangle" },
    },
    {
      selector: "edge:selected",
      style: { "underlay-color": SELECTION, "underlay-opacity": 0.25, "underlay-padding": 5 },
    },
    {
      selector: "node.found",
      style: { "underlay-color": FOUND, "underlay-opacity": 0.45, "underlay-padding": 10 },
    },
    // Where a dragged element would land, and where a relation being drawn would end.
    { selector: "node.drop-target", style: { "underlay-color": SELECTION, "underlay-opacity": 0.18, "underlay-padding": 4 } },
    { selector: "node.connect-target", style: { "underlay-color": SELECTION, "underlay-opacity": 0.35, "underlay-padding": 8 } },
    { selector: "edge.faded", style: { opacity: 0.12 } },
    { selector: "node.faded", style: { opacity: 0.3 } },
    // What a scene shows, as the core answered it (scenes/sceneView.ts).
    { selector: "edge.view-faded", style: { opacity: 0.12 } },
    { selector: "node.view-faded", style: { opacity: 0.3 } },
    { selector: ".view-hidden", style: { display: "none" } },
    // Far out, people, memberships and relations to people drop out and lines lose their
    // arrowheads as the renderer draws them (canvas/levelOfDetail.ts): no element is re-styled.
    // The nodes of a big map opened far out, until they are styled as seen (canvas/levelOfDetail.ts):
    // people hidden but the org chart's positions, no pictures.
    { selector: "node.unseen", style: { "background-image": "none" } },
    { selector: 'node.unseen[kind = "person"]', style: { visibility: "hidden" } },
    { selector: 'node.unseen[kind = "person"].titled', style: { visibility: "visible" } },
  ];
}
