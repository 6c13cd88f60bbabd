// The timeline view, beside Network and Org chart: the scenario's swim lanes over the years, as
// the core laid them out (core/src/timeline.rs) — offices by the year they were established (the
// strata), communities with their stage, sprint teams from forming to dissolving, routines,
// partners and flows with spans. Clicking a bar selects the element and moves the scrubber to
// when it began.
import { useState } from "react";
import type { Bar, Timeline_Serialize as Timeline, Vocabulary } from "../bindings";
import { labelEvery, monthWords } from "./moments";
import "./time.css";

/** Enough rows to read; a lane with more says how many it leaves out. */
const MOST_BARS = 150;

type Props = {
  timeline: Timeline | null;
  vocabulary: Vocabulary;
  moment: string | null;
  selection: string[];
  onPick(bar: Bar, moment: string): void;
};

export function TimelineView(props: Props) {
  // The first month drawn: the whole extent, or from a year the user picked (old offices can
  // stretch the extent over decades and squeeze a sprint team to a sliver).
  const [first, setFirst] = useState(0);
  const { timeline } = props;
  if (!timeline) return <div className="timeline-view" data-testid="timeline-view" />;
  return <Lanes {...props} timeline={timeline} first={Math.min(first, timeline.months.length - 1)} setFirst={setFirst} />;
}

function Lanes({ timeline, vocabulary, moment, selection, onPick, first, setFirst }: Props & { timeline: Timeline; first: number; setFirst(first: number): void }) {
  const span = Math.max(timeline.months.length - 1 - first, 1);
  const at = (i: number) => `${((Math.max(i, first) - first) / span) * 100}%`;
  const width = (b: Bar) => `${(Math.max(b.end - Math.max(b.start, first), 0.6) / span) * 100}%`;
  const momentAt = moment === null ? -1 : timeline.months.indexOf(moment);
  const picked = new Set(selection);
  const years = timeline.years.filter((y) => y.at >= first);
  const every = labelEvery(years.length);
  return (
    <div className="timeline-view" data-testid="timeline-view" role="region" aria-label="Timeline">
      <div className="timeline-content">
      <div className="timeline-years">
        <label className="timeline-names timeline-from">
          From{" "}
          <select value={first} onChange={(e) => setFirst(Number(e.target.value))} data-testid="timeline-from">
            {timeline.years.map((y) => <option key={y.at} value={y.at}>{y.label}</option>)}
          </select>
        </label>
        <span className="timeline-area" aria-hidden="true">
          {years.map((y, i) => (i % every === 0 || i === years.length - 1) && (
            <span key={y.at} className="timeline-year" style={{ left: at(y.at) }}>{y.label}</span>
          ))}
        </span>
      </div>
      {timeline.lanes.length === 0 && <p className="hint-text timeline-empty">Nothing on this map carries a date yet. Give elements a “from” or “until” in the inspector, or an office the year it was established.</p>}
      {timeline.lanes.map((lane) => {
        const style = vocabulary.elements.find((s) => s.kind === lane.kind);
        return (
          <section key={lane.id} className={`timeline-lane lane-${lane.id}`} data-testid={`timeline-lane-${lane.id}`}>
            <h3>{lane.label}</h3>
            {lane.bars.slice(0, MOST_BARS).map((bar) => (
              <div key={bar.id} className="timeline-row">
                <span className="timeline-names" title={bar.name}>{bar.name}</span>
                <span className="timeline-area">
                  {years.map((y, i) => i % every === 0 && <span key={y.at} className="timeline-grid" style={{ left: at(y.at) }} />)}
                  {bar.end >= first && <button
                    className={`timeline-bar${bar.open ? " open" : ""}${picked.has(bar.id) ? " picked" : ""}`}
                    style={{ left: at(bar.start), width: width(bar), background: style?.fill, borderColor: style?.stroke }}
                    title={`${bar.name}: ${monthWords(timeline.months[bar.start] ?? "")} – ${bar.open ? "now" : monthWords(timeline.months[bar.end] ?? "")}${bar.note ? ` (${bar.note})` : ""}`}
                    onClick={() => onPick(bar, timeline.months[bar.start] ?? "")}
                    data-testid={`timeline-bar-${bar.id}`}
                  >
                    {bar.note && <span className="timeline-note">{bar.note}</span>}
                  </button>}
                </span>
              </div>
            ))}
            {lane.bars.length > MOST_BARS && <p className="hint-text">and {lane.bars.length - MOST_BARS} more</p>}
          </section>
        );
      })}
      {momentAt >= first && (
        <div className="timeline-now-line" aria-hidden="true">
          <span className="timeline-names" />
          <span className="timeline-area"><span className="timeline-cursor" style={{ left: at(momentAt) }} title={monthWords(moment ?? "")} /></span>
        </div>
      )}
      </div>
    </div>
  );
}
