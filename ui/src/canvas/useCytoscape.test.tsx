// A big map opened after a small one must get the big map's cheaper drawing (and the reverse):
// the canvas is made afresh for each map opened, and only then. Cytoscape runs headless here
// (jsdom has no canvas); the options the canvas was made with are read from the calls.
import { act, useRef } from "react";
import type { Core } from "cytoscape";
import cytoscape from "cytoscape";
import { snapshot as fixture, vocabulary } from "../testing/fixtures";
import { rootPerTest } from "../testing/reactRoot";
import type { MapSnapshot } from "../map/types";
import { BIG_MAP } from "./bigMap";
import { CanvasController } from "./controller";
import { useCytoscape, type LatestProps } from "./useCytoscape";

vi.mock("cytoscape", async (original) => {
  const real = (await original<{ default: typeof import("cytoscape") }>()).default;
  const made = vi.fn((options: cytoscape.CytoscapeOptions) => real({ ...options, container: undefined, headless: true }));
  return { default: Object.assign(made, real) };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
  unobserve() {}
} as never;

const small = (document: number, more: Partial<MapSnapshot> = {}): MapSnapshot => ({ ...fixture, document, ...more });
const big = (document: number): MapSnapshot => ({
  ...fixture,
  document,
  elements: Array.from({ length: BIG_MAP }, (_, i) => ({ ...fixture.elements[0], id: `office-${i}` })),
});

describe("the canvas's instance", () => {
  const mounted = rootPerTest();
  const controller = new CanvasController();
  const selections: string[][] = [];
  const shown: (Core | null)[] = [];
  const made = vi.mocked(cytoscape as unknown as (o: cytoscape.CytoscapeOptions) => Core);

  function Canvas({ snapshot }: { snapshot: MapSnapshot }) {
    const frame = useRef<HTMLDivElement>(null);
    const events = { onSelectionChange: (ids: string[]) => void selections.push(ids) } as LatestProps["events"];
    const latest = useRef<LatestProps>({ snapshot, change: null, view: "network", events, editable: true });
    latest.current = { ...latest.current, snapshot };
    shown.push(useCytoscape(frame, vocabulary, snapshot.document, latest, controller).cy);
    return <div ref={frame} />;
  }
  const render = (snapshot: MapSnapshot) => act(() => mounted.root.render(<Canvas snapshot={snapshot} />));
  const options = (call: number) => made.mock.calls[call][0] as Record<string, unknown>;
  const instance = (call: number) => made.mock.results[call].value as Core;

  beforeEach(() => made.mockClear());

  it("is made afresh with the big map's drawing when a big map is opened after a small one, and back", () => {
    render(small(1));
    expect(made).toHaveBeenCalledTimes(1);
    expect(options(0).textureOnViewport).toBeUndefined();

    render(big(2));
    expect(made).toHaveBeenCalledTimes(2);
    expect(options(1)).toMatchObject({ textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 });
    expect(instance(0).destroyed()).toBe(true);
    expect(controller.cy()).toBe(instance(1));
    expect(shown.at(-1)).toBe(instance(1));
    // The old map's selection went with its instance.
    expect(selections.at(-1)).toEqual([]);

    render(small(3));
    expect(made).toHaveBeenCalledTimes(3);
    expect(options(2).textureOnViewport).toBeUndefined();
    expect(instance(1).destroyed()).toBe(true);
    expect(controller.cy()).toBe(instance(2));
  });

  it("is never handed out for a map it was not made for", () => {
    render(small(1));
    shown.length = 0;
    render(big(2));
    // The render that first sees the new map gets no instance (the small map's is about to go).
    expect(shown[0]).toBeNull();
    expect(shown.filter((cy) => cy !== null).every((cy) => cy === instance(1))).toBe(true);
    expect(shown.at(-1)).toBe(instance(1));
  });

  it("stays the same through edits and scenario switches of the same map", () => {
    render(small(1));
    render(small(1, { generation: 1, title: "Renamed" }));
    render(small(1, { generation: 2, scenario: "other" }));
    expect(made).toHaveBeenCalledTimes(1);
    expect(instance(0).destroyed()).toBe(false);
    expect(shown.at(-1)).toBe(instance(0));
  });
});
