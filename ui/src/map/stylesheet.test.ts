// The stylesheet must carry the vocabulary (not constants of its own) onto the canvas.
import cytoscape from "cytoscape";
import { buildStylesheet, GROUP_TITLE_FONT_SIZE, NAME_BELOW_FONT_SIZE } from "./stylesheet";
import { LABEL_FONT_SIZE } from "./elements";
import { toCytoscapeElements } from "./elements";
import { snapshot, vocabulary } from "../testing/fixtures";
import { BIG_MAP_STYLE } from "../canvas/bigMap";
import { personGlyph } from "./glyphs";
import type { View } from "../bindings";

// The stylesheet is checked the way the canvas uses it: applied by Cytoscape to the sample's
// elements, reading back each element's computed style.
function styledMap(vocab = vocabulary, { big = false, view = "network" as View } = {}) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: toCytoscapeElements(snapshot, view),
    // Composed the way MapCanvas composes it: a big map appends its cheaper settings.
    style: [...buildStylesheet(vocab), ...(big ? BIG_MAP_STYLE : [])] as never,
  });
}

/** The text a node's picture draws (jsdom has no canvas, so the picture is the SVG form). */
function pictureText(url: unknown): string | null {
  const svg = decodeURIComponent(String(url).replace(/^data:image\/svg\+xml;utf8,/, ""));
  return /<text[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? null;
}

function initialsDrawn(cy: cytoscape.Core): Record<string, string | null> {
  return Object.fromEntries(
    cy.nodes('[kind = "person"]').map((p) => [p.data("name") as string, pictureText(p.style("background-image"))]),
  );
}

const EVERY_PERSONS_INITIALS = {
  "Dr. Maria Alvarez": "MA",
  "James Whitfield": "JW",
  "Priya Raman": "PR",
  "Nora Patel": "NP",
};

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe("buildStylesheet", () => {
  const cy = styledMap();
  const node = (id: string) => cy.getElementById(id);

  it("gives each kind the vocabulary's shape and colours", () => {
    expect(node("riverside-high").style("shape")).toBe("round-rectangle");
    expect(node("riverside-high").style("background-color")).toBe(rgb("#DCEBF7"));
    expect(node("riverside-high").style("border-color")).toBe(rgb("#0072B2"));
    expect(node("watershed").style("shape")).toBe("hexagon");
    expect(node("es-redesign").style("shape")).toBe("star");
  });

  it("follows the vocabulary when it changes, not constants of its own", () => {
    const changed = structuredClone(vocabulary);
    changed.elements[5] = { ...changed.elements[5], shape: "hexagon", fill: "#123456" };
    const other = styledMap(changed);
    expect(other.getElementById("science-specialist").style("shape")).toBe("hexagon");
    expect(other.getElementById("science-specialist").style("background-color")).toBe(rgb("#123456"));
  });

  it("draws a rule as a cut rectangle, its cascade lines solid (derives from) and dashed (governs)", () => {
    const rule = (id: string, level: "board_policy" | "procedural_practice") => ({
      id, name: id, kind: "rule" as const, level, span: {}, notes: "", tags: [] as string[],
    });
    const withCascade = {
      ...snapshot,
      elements: [...snapshot.elements, rule("board", "board_policy"), rule("practice", "procedural_practice")],
      labels: [...snapshot.labels, { id: "board", text: "board\n§ Board policy", w: 120, h: 58, room_w: 120, room_h: 58 }],
      relations: [
        ...snapshot.relations,
        { id: "d1", source: "practice", target: "board", kind: "derives_from" as const, span: {}, notes: "", tags: [] },
        { id: "g1", source: "practice", target: "purchasing", kind: "governs" as const, step: 2, span: {}, notes: "", tags: [] },
      ],
    };
    const drawn = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: toCytoscapeElements(withCascade, "network"),
      style: buildStylesheet(vocabulary) as never,
    });
    expect(drawn.getElementById("board").style("shape")).toBe("cut-rectangle");
    expect(drawn.getElementById("board").style("border-color")).toBe(rgb("#1F2937"));
    expect(drawn.getElementById("board").style("label")).toBe("board\n§ Board policy");
    expect(drawn.getElementById("d1").style("line-style")).toBe("solid");
    expect(drawn.getElementById("d1").style("target-arrow-shape")).toBe("triangle");
    expect(drawn.getElementById("g1").style("line-style")).toBe("dashed");
    expect(drawn.getElementById("g1").style("target-arrow-shape")).toBe("triangle");
  });

  it("draws a chevron routine as a polygon, since Cytoscape has no chevron", () => {
    expect(node("purchasing").style("shape")).toBe("polygon");
  });

  it("draws a group with children as a box even when its kind's shape is round", () => {
    expect(node("capstone").style("shape")).toBe("round-rectangle");
    expect(node("teaching-learning").style("shape")).toBe("rectangle");
  });

  it("draws boundaries: solid as a thick wall, permeable dashed, open without outline", () => {
    expect(node("teaching-learning").style("border-width")).toBe("4px");
    expect(node("teaching-learning").style("border-style")).toBe("solid");
    expect(node("superintendent").style("border-style")).toBe("dashed");
  });

  it("fades a dissolved sprint team and dashes its outline", () => {
    expect(Number(node("es-redesign").style("opacity"))).toBeCloseTo(0.4);
    expect(node("es-redesign").style("border-style")).toBe("dashed");
  });

  it("colours and patterns flows by medium, sizes them by volume, heads them by direction", () => {
    const permission = cy.getElementById("r4");
    expect(permission.style("line-color")).toBe(rgb("#D55E00"));
    expect(permission.style("target-arrow-shape")).toBe("tee");
    expect(permission.style("width")).toBe("4.75px");
    const ideas = cy.getElementById("r5");
    expect(ideas.style("line-color")).toBe(rgb("#009E73"));
    expect(ideas.style("source-arrow-shape")).toBe("triangle");
    expect(ideas.style("width")).toBe("2.25px");
  });

  it("draws member-of thin and dotted, reports-to faint, a barrier thick with a mark at its middle", () => {
    // Dotted: round dots (zero-length dashes with round caps), a few widths apart.
    expect(cy.getElementById("r6").style("line-style")).toBe("dashed");
    expect(cy.getElementById("r6").style("line-cap")).toBe("round");
    expect(parseFloat(String(cy.getElementById("r6").style("line-dash-pattern")).split(/[ ,]+/)[0])).toBeLessThan(0.1);
    expect(Number(cy.getElementById("r1").style("opacity"))).toBeLessThan(0.5);
    const barrier = cy.getElementById("r7");
    expect(barrier.style("width")).toBe("5px");
    expect(barrier.style("line-color")).toBe(rgb("#D55E00"));
    expect(barrier.style("mid-target-arrow-shape")).toBe("circle");
  });

  it("uses the vocabulary's font", () => {
    expect(String(node("watershed").style("font-family"))).toContain("Source Sans 3");
  });
});

// A stylesheet rule that blanked every person's picture once shipped in a build: the circles were
// drawn empty. Every way the canvas composes the stylesheet must keep the initials.
describe("people's initials", () => {
  it("are drawn inside each person's circle", () => {
    expect(initialsDrawn(styledMap())).toEqual(EVERY_PERSONS_INITIALS);
  });

  it("are drawn on a big map too", () => {
    expect(initialsDrawn(styledMap(vocabulary, { big: true }))).toEqual(EVERY_PERSONS_INITIALS);
  });

  it("give way to the name and title inside the org chart's larger circle", () => {
    const cy = styledMap(vocabulary, { view: "org_chart" });
    expect(cy.getElementById("tl-director").style("background-image")).toBe("none");
  });

  it("are painted as text on a canvas in the real window, in the person kind's ink", () => {
    const drawn: { text: string; fill: unknown }[] = [];
    const context = {
      scale() {},
      fillStyle: "" as unknown,
      font: "",
      textAlign: "",
      textBaseline: "",
      fillText(text: string) {
        drawn.push({ text, fill: this.fillStyle });
      },
    };
    const canvas = { width: 0, height: 0, getContext: () => context, toDataURL: () => "data:image/png;base64,UElD" };
    const create = document.createElement.bind(document);
    vi.stubGlobal("OffscreenCanvas", class {});
    const spy = vi
      .spyOn(document, "createElement")
      .mockImplementation(((tag: string) => (tag === "canvas" ? canvas : create(tag))) as typeof document.createElement);
    try {
      expect(personGlyph("QZ", "#123456")).toBe("data:image/png;base64,UElD");
      expect(drawn).toEqual([{ text: "QZ", fill: "#123456" }]);
    } finally {
      spy.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});


// At the zoom that fits a small district, names at LABEL_FONT_SIZE were 7–9 px on screen; the
// names with room around them are drawn larger, and the ones inside shapes sized for
// LABEL_FONT_SIZE keep it (they would spill out of their boxes).
describe("label sizes", () => {
  const px = (value: unknown) => parseFloat(String(value));
  const network = styledMap();
  const chart = styledMap(vocabulary, { view: "org_chart" });

  it("draws group titles and the names under people and stars larger than names inside boxes", () => {
    expect(GROUP_TITLE_FONT_SIZE).toBeGreaterThan(NAME_BELOW_FONT_SIZE);
    expect(NAME_BELOW_FONT_SIZE).toBeGreaterThan(LABEL_FONT_SIZE);
    expect(px(network.getElementById("teaching-learning").style("font-size"))).toBe(GROUP_TITLE_FONT_SIZE);
    expect(px(network.getElementById("capstone").style("font-size"))).toBe(GROUP_TITLE_FONT_SIZE);
    expect(px(network.getElementById("science-specialist").style("font-size"))).toBe(NAME_BELOW_FONT_SIZE);
    expect(px(network.getElementById("es-redesign").style("font-size"))).toBe(NAME_BELOW_FONT_SIZE);
  });

  it("keeps names inside shapes at the size their shapes were measured for", () => {
    expect(px(network.getElementById("purchasing").style("font-size"))).toBe(LABEL_FONT_SIZE);
    expect(px(network.getElementById("watershed").style("font-size"))).toBe(LABEL_FONT_SIZE);
    // On the org chart a person's name and title sit inside the circle.
    expect(px(chart.getElementById("science-specialist").style("font-size"))).toBe(LABEL_FONT_SIZE);
  });
});

