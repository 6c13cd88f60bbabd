// The canvas renderer as patched for big maps (ui/patches/cytoscape+*.patch): thin dashes drawn
// square-ended, elements the level of detail puts out of sight neither drawn nor clickable, and a
// change of visibility re-filtering what can be clicked without sorting the map anew.
import cytoscape, { type Core, type EdgeSingular } from "cytoscape";

type Renderer = Record<string, (...args: unknown[]) => unknown> & { sightOf?: (ele: EdgeSingular) => number };
const CanvasRenderer = (cytoscape as unknown as (type: string, name: string) => { prototype: object })("renderer", "canvas");

/** A 2D context that records each stroke with the dash, caps and offset it was drawn with. */
function recordingContext(scale: number) {
  const strokes: { cap: string; dash: number[]; offset: number }[] = [];
  const ctx = {
    lineCap: "round",
    lineWidth: 1,
    lineDashOffset: 0,
    dash: [] as number[],
    canvas: { width: 800, height: 600 },
    getTransform: () => ({ a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 }),
    setLineDash(dash: number[]) {
      this.dash = dash;
    },
    beginPath() {},
    moveTo() {},
    lineTo() {},
    quadraticCurveTo() {},
    stroke() {
      strokes.push({ cap: ctx.lineCap, dash: [...ctx.dash], offset: ctx.lineDashOffset });
    },
  };
  return { ctx, strokes };
}

function dashedEdge(pattern: number[]) {
  return {
    _private: { rscratch: { edgeType: "straight" } },
    pstyle: (name: string) => ({ pfValue: name === "line-dash-pattern" ? pattern : 0 }),
  };
}

function drawDashed(pattern: number[], width: number, scale: number) {
  const { ctx, strokes } = recordingContext(scale);
  ctx.lineWidth = width;
  const renderer = Object.create(CanvasRenderer.prototype) as Renderer;
  renderer.usePaths = () => false;
  renderer.drawEdgePath(dashedEdge(pattern), ctx, [0, 0, 300, 0], "dashed");
  return strokes;
}

describe("the patched renderer's dashes", () => {
  it("draws a thin dashed line square-ended over the same stretch as its round-ended dashes", () => {
    // 1 device pixel wide: each dash grows by the width, each gap shrinks by it, half a width earlier.
    expect(drawDashed([6, 4], 1, 1)).toEqual([{ cap: "butt", dash: [7, 3], offset: 0.5 }]);
    // A dotted line (zero-length dashes with round caps) keeps its dots, as squares one width across.
    const [dots] = drawDashed([0.01, 4.375], 1.25, 1);
    expect(dots.cap).toBe("butt");
    expect(dots.dash[0]).toBeCloseTo(1.26);
    expect(dots.dash[1]).toBeCloseTo(3.125);
    expect(dots.offset).toBeCloseTo(0.625);
  });

  it("keeps round ends where the line is wide enough on screen for them to show", () => {
    expect(drawDashed([6, 4], 1, 4)).toEqual([{ cap: "round", dash: [6, 4], offset: 0 }]);
    expect(drawDashed([18, 8], 6, 1)).toEqual([{ cap: "round", dash: [18, 8], offset: 0 }]);
  });

  it("keeps round ends when square ones would close the gaps", () => {
    expect(drawDashed([3, 1], 2, 1)).toEqual([{ cap: "round", dash: [3, 1], offset: 0 }]);
  });
});

function twoNodesAndALine(): { cy: Core; edge: EdgeSingular } {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { group: "nodes", data: { id: "a" }, position: { x: 0, y: 0 } },
      { group: "nodes", data: { id: "b" }, position: { x: 300, y: 0 } },
      { group: "edges", data: { id: "ab", source: "a", target: "b" } },
    ],
  });
  const edge = cy.getElementById("ab") as EdgeSingular;
  Object.assign((edge as unknown as { _private: { rscratch: object } })._private.rscratch, {
    edgeType: "straight",
    allpts: [15, 0, 285, 0],
    startX: 15,
    startY: 0,
    endX: 285,
    endY: 0,
  });
  return { cy, edge };
}

/** A canvas renderer with its drawing steps recorded instead of drawn. */
function recordingRenderer(cy: Core, sight: number) {
  const renderer = Object.create(CanvasRenderer.prototype) as Renderer;
  const drawn: string[] = [];
  for (const step of ["drawEdgePath", "drawArrowheads", "drawElementText", "drawEdgeOverlay", "drawEdgeUnderlay"]) {
    renderer[step] = () => void drawn.push(step);
  }
  renderer.eleStrokeStyle = () => undefined;
  renderer.colorStrokeStyle = () => undefined;
  renderer.cy = cy as never;
  renderer.sightOf = () => sight;
  return { renderer, drawn };
}

describe("the patched renderer's level of detail for lines", () => {
  it("draws a line in full, plain without arrowheads, or not at all, as the level of detail says", () => {
    const { cy, edge } = twoNodesAndALine();
    const { ctx } = recordingContext(1);
    const drawnAt = (sight: number) => {
      const { renderer, drawn } = recordingRenderer(cy, sight);
      renderer.drawEdge(ctx, edge);
      return drawn;
    };
    expect(drawnAt(0)).toContain("drawArrowheads");
    expect(drawnAt(1)).toContain("drawEdgePath");
    expect(drawnAt(1)).not.toContain("drawArrowheads");
    expect(drawnAt(2)).toEqual([]);
  });

  it("lets a line out of sight be neither clicked nor box-selected", () => {
    const { cy, edge } = twoNodesAndALine();
    const hits = (sight: number) => {
      const { renderer } = recordingRenderer(cy, sight);
      const sorted = Object.assign([edge], { interactive: [edge] });
      renderer.getCachedZSortedEles = () => sorted;
      const clicked = renderer.findNearestElements(150, 0, true, false) as unknown[];
      const boxed = renderer.getAllInBox(-20, -20, 320, 20) as unknown[];
      return [clicked.length, boxed.length];
    };
    expect(hits(1)).toEqual([1, 1]);
    expect(hits(2)).toEqual([0, 0]);
  });
});

describe("the patched renderer's order of drawing", () => {
  it("keeps its sorted order when only what can be clicked changes, and sorts again when a z-index does", () => {
    const { cy } = twoNodesAndALine();
    const renderer = Object.create(CanvasRenderer.prototype) as Renderer;
    Object.assign(renderer, { cy, data: { canvasNeedsRedraw: [] }, redraw: () => undefined, startRenderLoop: () => undefined });
    (cy as unknown as { _private: { renderer: unknown } })._private.renderer = renderer;
    const ids = (eles: { id(): string }[]) => eles.map((e) => e.id());
    const sorted = renderer.getCachedZSortedEles() as unknown as { id(): string }[] & { interactive: { id(): string }[] };
    expect(ids(sorted.interactive)).toContain("a");

    cy.getElementById("a").style("visibility", "hidden");
    const afterHiding = renderer.getCachedZSortedEles() as typeof sorted;
    expect(afterHiding === sorted).toBe(true); // the same list: not sorted anew
    expect(ids(afterHiding.interactive)).not.toContain("a");

    cy.getElementById("a").style("z-index", 99);
    const afterRaising = renderer.getCachedZSortedEles() as typeof sorted;
    expect(afterRaising === sorted).toBe(false);
    expect(ids(afterRaising).indexOf("a")).toBeGreaterThan(ids(afterRaising).indexOf("b"));
  });
});

describe("the patched renderer's level of detail for nodes", () => {
  it("leaves a node out of sight undrawn, label and all, and unclickable", () => {
    const { cy } = twoNodesAndALine();
    const node = cy.getElementById("a");
    const at = (sight: number) => {
      const { renderer, drawn } = recordingRenderer(cy, sight);
      renderer.data = {} as never;
      for (const step of ["drawElementUnderlay", "drawCachedElementPortion", "drawElementOverlay"]) {
        renderer[step] = () => void drawn.push(step);
      }
      renderer.drawCachedElement(recordingContext(1).ctx, node, 1, null, 0, false);
      renderer.registerNodeShapes();
      renderer.getCachedZSortedEles = () => Object.assign([node], { interactive: [node] });
      const clicked = renderer.findNearestElements(0, 0, true, false) as unknown[];
      return { drawn, clicked: clicked.length };
    };
    expect(at(0).drawn).toContain("drawCachedElementPortion");
    expect(at(0).clicked).toBe(1);
    expect(at(2)).toEqual({ drawn: [], clicked: 0 });
  });
});
