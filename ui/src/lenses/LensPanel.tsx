// The side panel's lens section: the caption and legend of the lens on, a compact metrics panel
// (silo ranking by E-I, top brokers, home-base coverage, the Operating System and the instructional
// core in the core's words) and the leader moves, each of which
// brings its elements forward on the canvas.
import type { LensState } from "./useLens";
import { eiBars } from "./paint";
import { useCanvasController } from "../canvas/controller";
import { monthWords } from "../time/moments";
import { InstructionalCoreMetric, OperatingSystemMetric } from "./SystemMetrics";
import "./lenses.css";

export function LensPanel({ state }: { state: LensState }) {
  const { metricsOpen: open, setMetricsOpen: setOpen } = state;
  const controller = useCanvasController();
  const { view, progress, error } = state;
  const paint = state.lens ? view?.paint ?? null : null;
  const analysis = view?.analysis;
  return (
    <section className="panel lens-panel" data-testid="lens-panel" aria-label="Lens">
      <button className="panel-heading" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="lens-panel-toggle">
        <span>{paint ? `Lens · ${paint.name}` : "Lenses"}</span>
        <span className="chevron" aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      {open && (
        <div className="lens-body">
          <p className="lens-moment" data-testid="lens-moment">
            {state.moment === null ? "All dates: everything on the map, whatever its dates" : `As of ${monthWords(state.moment)}: only what existed then`}
          </p>
          {progress && (
            <div className="lens-progress" data-testid="lens-progress" title="Refining betweenness">
              <span>Refining brokers… {progress.done}/{progress.total}</span>
              <progress max={progress.total} value={progress.done} />
            </div>
          )}
          {error && <p className="lens-error" data-testid="lens-error">{error}</p>}
          {paint && (
            <>
              <p className="lens-caption" data-testid="lens-caption">{paint.caption}</p>
              <ul className="lens-legend" data-testid="lens-legend">
                {paint.legend.map(([colour, words]) => (
                  <li key={colour + words}>
                    <span className="lens-swatch" style={{ background: colour }} />
                    <span>{words}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {!paint && !state.lens && <p className="hint-text">Choose a lens in the top bar to colour the map.</p>}
          {analysis && <Metrics analysis={analysis} />}
          {analysis && analysis.moves.length > 0 && (
            <div className="lens-moves" data-testid="leader-moves">
              <h3>Leader moves</h3>
              <ul>
                {analysis.moves.map((move, i) => (
                  <li key={i}>
                    <button
                      className="lens-move"
                      data-testid={`leader-move-${i}`}
                      title={move.evidence}
                      onClick={() => controller.bringForward(move.elements.map((e) => e.id))}
                    >
                      <span className={`move-verb verb-${move.verb}`}>{move.verb}</span>
                      <span className="move-words">{withoutVerb(move.words, move.verb)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

type Analysis = NonNullable<LensState["view"]>["analysis"];

function Metrics({ analysis }: { analysis: Analysis }) {
  const controller = useCanvasController();
  const focusIds = (ids: string[]) => controller.bringForward(ids);
  const bars = eiBars(analysis.silos.groups);
  const brokers = analysis.brokers.top.slice(0, 5);
  const share = analysis.home_base.share;
  return (
    <div className="lens-metrics" data-testid="lens-metrics">
      {bars.length > 0 && (
        <div className="metric" data-testid="metric-silos">
          <h3>Silos by E-I <small>(−1 inward … +1 outward)</small></h3>
          {bars.map((b) => (
            <button key={b.id} className="bar-row" onClick={() => focusIds([b.id])} title={b.words} data-testid={`metric-silo-${b.id}`}>
              <span className="bar-name">{b.name}</span>
              <span className="bar-track diverging">
                <span className="bar-zero" />
                <span className={`bar-fill ${b.silo ? "silo" : ""}`} style={{ left: `${b.left}%`, width: `${Math.max(b.width, 1)}%` }} />
              </span>
              <span className="bar-value">{b.walled ? "walled" : `${b.ei > 0 ? "+" : ""}${b.ei.toFixed(2)}`}</span>
            </button>
          ))}
        </div>
      )}
      {brokers.length > 0 && (
        <div className="metric" data-testid="metric-brokers">
          <h3>Top brokers {!analysis.brokers.betweenness.exact && <small>(estimate)</small>}</h3>
          {brokers.map((b) => (
            <button key={b.element.id} className="bar-row" onClick={() => focusIds([b.element.id])} title={b.words} data-testid={`metric-broker-${b.element.id}`}>
              <span className="bar-name">{b.element.name}{b.articulation_point ? " ✂" : ""}</span>
              <span className="bar-track">
                <span className="bar-fill broker" style={{ width: `${Math.max((b.betweenness ?? 0) * 100, 1)}%` }} />
              </span>
              <span className="bar-value">{(b.betweenness ?? 0).toFixed(2)}</span>
            </button>
          ))}
        </div>
      )}
      <div className="metric" data-testid="metric-home-base">
        <h3>Home-base coverage</h3>
        <div className="bar-row static">
          <span className="bar-name">{analysis.home_base.with_home_base} of {analysis.home_base.people} people</span>
          <span className="bar-track">
            <span className="bar-fill home" style={{ width: `${(share ?? 0) * 100}%` }} />
          </span>
          <span className="bar-value">{share == null ? "—" : `${Math.round(share * 100)}%`}</span>
        </div>
      </div>
      <OperatingSystemMetric analysis={analysis} />
      <InstructionalCoreMetric analysis={analysis} />
    </div>
  );
}

/** The core's words start with the verb ("connect: …"); the tag already says it. */
export function withoutVerb(words: string, verb: string): string {
  const prefix = `${verb}: `;
  return words.toLowerCase().startsWith(prefix) ? words.slice(prefix.length) : words;
}
