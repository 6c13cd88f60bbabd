// The Compare view's canvas area: which scenario is compared with which, overlay or side by side,
// the canvases and the legend of change marks. Side by side, the two canvases share positions
// (one arrangement of the union) and pan and zoom together.
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import type { Core } from "cytoscape";
import type { MapSnapshot, Vocabulary } from "../map/types";
import { offerCompare } from "../canvas/testHook";
import { CompareCanvas, type CompareCanvasHandle } from "./CompareCanvas";
import { MarkBadge } from "./ChangeList";
import { lockViewports } from "./lockViewports";
import type { ComparisonState } from "./useComparison";
import type { CompareMode, CompareViewHandle } from "./types";

export type { CompareViewHandle };
import "./compare.css";


type Props = { snapshot: MapSnapshot; vocabulary: Vocabulary; state: ComparisonState; handle: Ref<CompareViewHandle> };

const MODES: { mode: CompareMode; label: string; title: string }[] = [
  { mode: "overlay", label: "Overlay", title: "Both scenarios on one canvas, each change marked" },
  { mode: "side_by_side", label: "Side by side", title: "Each scenario on its own canvas, panned and zoomed together" },
];

export function CompareView({ snapshot, vocabulary, state, handle }: Props) {
  const canvases = [useRef<CompareCanvasHandle>(null), useRef<CompareCanvasHandle>(null)];
  const instances = useRef<(Core | null)[]>([null, null]);
  const nameOf = (id: string) => snapshot.scenarios.find((s) => s.id === id)?.name ?? id;
  const { drawing, mode } = state;

  useImperativeHandle(handle, () => ({
    fit: () => canvases.forEach((c) => c.current?.fit()),
    zoomBy: (factor) => canvases[0].current?.zoomBy(factor),
    // Side by side, a removed element is only on the left and an added one only on the right.
    focus: (id) => void canvases.some((c) => c.current?.focus(id)),
  }));

  const lock = useViewportLock(instances);
  const drawn = () => {
    performance.clearMarks("murmuration:compare-drawn");
    performance.mark("murmuration:compare-drawn");
    document.body.dataset.compareDrawn = String(Number(document.body.dataset.compareDrawn ?? 0) + 1);
  };
  useEffect(() => {
    offerCompare({ mode: () => mode, canvases: () => instances.current.filter((c): c is Core => c !== null) });
    return () => offerCompare(null);
  }, [mode]);

  const instance = (i: number) => (cy: Core | null) => {
    instances.current[i] = cy;
    lock();
  };
  const common = { vocabulary, looks: state.looks };
  return (
    <div className="compare-view" data-testid="compare-view" data-mode={mode}>
      <ComparePickers snapshot={snapshot} state={state} />
      {state.error && <p className="compare-error" role="alert">{state.error}</p>}
      {drawing && mode === "overlay" && (
        <div className="compare-canvases one">
          <CompareCanvas key="overlay" {...common} label={`${nameOf(state.from)} and ${nameOf(state.to)} on one canvas`} testId="compare-overlay" definitions={drawing.overlay} positions={drawing.positions} handle={canvases[0]} onInstance={instance(0)} onDrawn={drawn} />
        </div>
      )}
      {drawing && mode === "side_by_side" && (
        <div className="compare-canvases two">
          {[drawing.from, drawing.to].map((definitions, i) => (
            <div key={i} className="compare-half">
              <h2 className="compare-half-title">{nameOf(i === 0 ? state.from : state.to)}</h2>
              <CompareCanvas {...common} label={nameOf(i === 0 ? state.from : state.to)} testId={`compare-${i === 0 ? "from" : "to"}`} definitions={definitions} positions={i === 0 ? drawing.fromPositions : drawing.positions} handle={canvases[i]} onInstance={instance(i)} onDrawn={i === 1 ? drawn : undefined} />
            </div>
          ))}
        </div>
      )}
      {!drawing && !state.error && <p className="compare-waiting">Comparing…</p>}
      <MarkLegend state={state} />
    </div>
  );
}

/** Keeps the two side-by-side canvases on one viewport, whichever the user moves. */
function useViewportLock(instances: { current: (Core | null)[] }) {
  const unlock = useRef<(() => void) | null>(null);
  useEffect(() => () => unlock.current?.(), []);
  return () => {
    unlock.current?.();
    const [a, b] = instances.current;
    unlock.current = a && b ? lockViewports(a, b) : null;
  };
}

function ComparePickers({ snapshot, state }: { snapshot: MapSnapshot; state: ComparisonState }) {
  const options = snapshot.scenarios.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  ));
  return (
    <div className="compare-pickers" role="group" aria-label="What to compare">
      <label>
        <span>From</span>
        <select value={state.from} onChange={(e) => state.setFrom(e.target.value)} data-testid="compare-from">
          {options}
        </select>
      </label>
      <label>
        <span>to</span>
        <select value={state.to} onChange={(e) => state.setTo(e.target.value)} data-testid="compare-to">
          {options}
        </select>
      </label>
      <div className="view-switch compare-modes" role="radiogroup" aria-label="How to compare">
        {MODES.map((m) => (
          <button key={m.mode} role="radio" aria-checked={state.mode === m.mode} className={state.mode === m.mode ? "selected" : undefined} title={m.title} onClick={() => state.setMode(m.mode)} data-testid={`compare-mode-${m.mode}`}>
            {m.label}
          </button>
        ))}
      </div>
      {state.from === state.to && <span className="hint-text">Pick two different scenarios to see what changes.</span>}
    </div>
  );
}

/** The change marks as the vocabulary defines them: badge, colour and pattern, and what each means. */
function MarkLegend({ state }: { state: ComparisonState }) {
  return (
    <ul className="mark-legend" aria-label="Change marks" data-testid="mark-legend">
      {state.looks.map((look) => (
        <li key={look.mark} title={look.meaning}>
          {look.faded ? <span className="mark-swatch faded" aria-hidden="true" /> : <MarkBadge look={look} />}
          <span className={`mark-swatch pattern-${look.pattern}`} style={{ borderColor: look.colour }} aria-hidden="true" />
          <span>{look.label}</span>
        </li>
      ))}
      <li title="An element that moved from one group to another">
        <span className="mark-swatch moved-arrow" aria-hidden="true" />
        <span>Moved from the old group to the new</span>
      </li>
    </ul>
  );
}
