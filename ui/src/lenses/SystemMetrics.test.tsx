// The metrics panel shows the Operating System lens and the instructional core in the core's own
// sentences (no rule restated in the window), and a click brings their elements forward.
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { CanvasController, CanvasControllerContext } from "../canvas/controller";
import { LensPanel } from "./LensPanel";
import type { LensState } from "./useLens";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Analysis = NonNullable<LensState["view"]>["analysis"];

const named = (id: string, name: string) => ({ id, name });

const ROUTINE_WORDS = "Purchasing: 47 days over 5 steps; Procurement holds it longest, 25 days (53%); the slowest step is “Quotes”, 20 days";
const LEGAL_WORDS =
  "Legal: more permission demanded than service given: a gatekeeper, not a service centre — 1 permission flow ends at it and it sends 0 monitoring flows, against 0 service flows out (the map calls it service)";
const LOOSE_WORDS =
  "Research & Accountability: 2 steps of flows from the instructional core; the nearest classroom site or teacher team is Riverside High; it sends 2 monitoring flows toward the core and 0 support flows: loose coupling — it manages the structures around instruction from a distance, not instruction";

/** What the core sends for the small purchasing story (core/tests/system.rs), cut to what the panel reads. */
const analysis = {
  scenario: "s",
  moment: null,
  silos: { mean_ei: null, groups: [] },
  brokers: { betweenness: { scores: [], exact: true, sources: 0 }, top: [], articulation_points: [], bridges: [] },
  home_base: { people: 1, with_home_base: 1, share: 1, without: [], words: "" },
  moves: [],
  cascade: { rules: [], habits: [], paper_only: [], unchecked_rules: [], words: "" },
  operating_system: {
    chains: [
      {
        start: named("rhs", "Riverside High"),
        routine: named("buy", "Purchasing"),
        steps: [],
        offices: [named("budget", "Budget"), named("proc", "Procurement"), named("legal", "Legal")],
        days: 47,
        words: "Purchasing, from Riverside High: 5 steps, 3 offices must say yes — Budget, Procurement and Legal; 47 days",
      },
    ],
    routines: [
      {
        routine: named("buy", "Purchasing"),
        days: 47,
        from_steps: true,
        steps: [],
        by_owner: [{ owner: named("proc", "Procurement"), days: 25, steps: 2, share: 0.53 }],
        words: ROUTINE_WORDS,
      },
    ],
    offices: [
      {
        office: named("legal", "Legal"),
        service_given: 0,
        permission_flows_in: 1,
        monitor_flows_out: 0,
        permission_demanded: 1,
        askers: [named("proc", "Procurement")],
        stance: "gatekeeper",
        declared: "service",
        words: LEGAL_WORDS,
      },
    ],
    open_loops: [],
    open_loop_count: 4,
    words: "Longest permission chain: Purchasing (3 offices must say yes); slowest routine: Purchasing, 47 days; 2 of 3 DOS offices demand more permission than they give service; 4 flows with nothing coming back",
  },
  instructional_core: {
    core: [named("rhs", "Riverside High")],
    offices: [
      {
        office: named("ra", "Research & Accountability"),
        steps: 2,
        nearest: named("rhs", "Riverside High"),
        monitor_toward_core: 2,
        support_toward_core: 0,
        loose_coupling: true,
        words: LOOSE_WORDS,
      },
    ],
    loose_coupling: [named("ra", "Research & Accountability")],
    words: "3 of 5 offices within one step of flows of a classroom site or teacher team; farthest: Legal (2 steps); loose coupling at Research & Accountability",
  },
} as unknown as Analysis;

const state = (a: Analysis): LensState =>
  ({
    lenses: [],
    lens: null,
    setLens: () => undefined,
    showPaint: () => undefined,
    view: { analysis: a, paint: null } as unknown as LensState["view"],
    progress: null,
    error: null,
    moment: null,
    metricsOpen: true,
    setMetricsOpen: () => undefined,
  }) as LensState;

describe("the Operating System and instructional core sections", () => {
  let root: Root;
  let container: HTMLDivElement;
  const controller = new CanvasController();
  const forward = vi.spyOn(controller, "bringForward").mockImplementation(() => undefined);

  beforeEach(async () => {
    forward.mockClear();
    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () =>
      root.render(
        <CanvasControllerContext.Provider value={controller}>
          <LensPanel state={state(analysis)} />
        </CanvasControllerContext.Provider>,
      ),
    );
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`) as HTMLElement;

  it("shows the Operating System lens in the core's words", () => {
    expect(byTestId("metric-operating-system")).not.toBeNull();
    expect(byTestId("os-words").textContent).toBe(analysis.operating_system.words);
    const routine = byTestId("os-routine-buy");
    expect(routine.textContent).toContain("Purchasing");
    expect(routine.textContent).toContain("47 d");
    expect(routine.title).toBe(ROUTINE_WORDS);
    expect(byTestId("os-office-legal").textContent).toBe(LEGAL_WORDS);
    expect(byTestId("os-chain-0").textContent).toBe(analysis.operating_system.chains[0].words);
  });

  it("shows the instructional core and its loose coupling in the core's words", () => {
    expect(byTestId("core-words").textContent).toBe(analysis.instructional_core.words);
    const ra = byTestId("core-office-ra");
    expect(ra.textContent).toBe(LOOSE_WORDS);
    expect(ra.className).toContain("loose-coupling");
  });

  it("brings a chain's routine and the offices that must say yes forward", async () => {
    await act(async () => byTestId("os-chain-0").click());
    expect(forward).toHaveBeenCalledWith(["buy", "budget", "proc", "legal"]);
    await act(async () => byTestId("core-office-ra").click());
    expect(forward).toHaveBeenLastCalledWith(["ra", "rhs"]);
  });
});
