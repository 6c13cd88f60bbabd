// The time control along the bottom of the network and org chart: a slider over the scenario's
// months from its earliest date to today, with year ticks and marks where things formed,
// dissolved, were hospiced or established; "Now" and "All dates" a click away; replay from one
// year to another by month or year at a chosen speed; and whether what has ended is ghosted.
// The slider is a real range input: arrows step a month, PageUp/PageDown a year.
import { useMemo, useState, type KeyboardEvent } from "react";
import type { TimeEvent, Timeline_Serialize as Timeline } from "../bindings";
import type { TimeState } from "./useTime";
import { labelEvery, monthWords, type Step } from "./moments";
import "./time.css";

const SPEEDS = [0.5, 1, 2, 4];

export function Scrubber({ time }: { time: TimeState }) {
  const { timeline } = time;
  if (!timeline || timeline.months.length === 0) return null;
  return <ScrubberBar time={time} timeline={timeline} />;
}

function ScrubberBar({ time, timeline }: { time: TimeState; timeline: Timeline }) {
  const last = timeline.months.length - 1;
  const index = time.moment === null ? last : Math.max(0, timeline.months.indexOf(time.moment));
  const label = time.moment === null ? "All dates" : monthWords(time.moment);
  // null: from the moment shown (from the first year when that is now or all dates).
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [step, setStep] = useState<Step>("year");
  const [speed, setSpeed] = useState(1);
  const go = (i: number) => time.moveTo(timeline.months[Math.min(Math.max(i, 0), last)] ?? null);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const by = e.key === "PageUp" ? 12 : e.key === "PageDown" ? -12 : 0;
    if (!by) return;
    e.preventDefault();
    go(index + by);
  };
  const playButton = () => {
    if (time.playing === "playing") time.pause();
    else time.play({ from: from ?? (index < last ? index : 0), to: to ?? last, step, speed });
  };
  return (
    <div className={`time-bar${time.moment === null ? " all-dates" : ""}`} data-testid="time-bar" role="group" aria-label="Time">
      <div className="time-row">
        <button className="tool-button round" onClick={playButton} data-testid="time-play" aria-label={time.playing === "playing" ? "Pause" : "Play"} title={time.playing === "playing" ? "Pause the replay" : "Replay the map over the years"}>
          {time.playing === "playing" ? "⏸" : "▶"}
        </button>
        <button className="tool-button round" onClick={time.stop} disabled={time.playing === "no"} data-testid="time-stop" aria-label="Stop" title="Stop the replay">■</button>
        <div className="time-track">
          <Marks timeline={timeline} />
          <input
            type="range"
            className="time-slider"
            min={0}
            max={last}
            step={1}
            value={index}
            aria-label="Moment shown"
            aria-valuetext={label}
            data-testid="time-slider"
            data-first={timeline.months[0]}
            data-last={timeline.months[last]}
            data-moment={time.moment ?? ""}
            onChange={(e) => go(Number(e.target.value))}
            onKeyDown={onKey}
          />
          <Ticks timeline={timeline} />
        </div>
        <output className="time-label" data-testid="time-label" aria-live="polite">{label}</output>
        <button className="tool-button" onClick={() => time.moveTo(timeline.months[last] ?? null)} data-testid="time-now" title="The map as it is today">Now</button>
        <button className="tool-button" onClick={() => time.moveTo(null)} disabled={time.moment === null} data-testid="time-all" title="Everything, whatever its dates">All dates</button>
      </div>
      <div className="time-options">
        <label>
          Replay from{" "}
          <select value={from ?? "here"} onChange={(e) => setFrom(e.target.value === "here" ? null : Number(e.target.value))} data-testid="time-from">
            <option value="here">this moment</option>
            {timeline.years.map((y) => <option key={y.at} value={y.at}>{y.label}</option>)}
          </select>
        </label>
        <label>
          to{" "}
          <select value={to ?? last} onChange={(e) => setTo(Number(e.target.value))} data-testid="time-to">
            {timeline.years.filter((y) => y.at > 0).map((y) => <option key={y.at} value={y.at}>{y.label}</option>)}
            <option value={last}>now</option>
          </select>
        </label>
        <label>
          by{" "}
          <select value={step} onChange={(e) => setStep(e.target.value as Step)} data-testid="time-step">
            <option value="month">month</option>
            <option value="year">year</option>
          </select>
        </label>
        <label>
          speed{" "}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="time-speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <label className="time-ghost">
          <input type="checkbox" checked={time.ghost} onChange={(e) => time.setGhost(e.target.checked)} data-testid="time-ghost" />
          Ghost what has ended
        </label>
      </div>
    </div>
  );
}

const percent = (at: number, timeline: Timeline) => `${(at / Math.max(timeline.months.length - 1, 1)) * 100}%`;

/** One mark per month that saw something happen; its title says what. */
function Marks({ timeline }: { timeline: Timeline }) {
  const marks = useMemo(() => {
    const byMonth = new Map<number, TimeEvent[]>();
    for (const e of timeline.events) byMonth.set(e.at, [...(byMonth.get(e.at) ?? []), e]);
    return [...byMonth.entries()];
  }, [timeline]);
  return (
    <div className="time-marks" aria-hidden="true">
      {marks.map(([at, events]) => (
        <span
          key={at}
          className={`time-mark mark-${events[0]?.kind ?? "formed"}`}
          style={{ left: percent(at, timeline) }}
          title={events.map((e) => `${e.name}: ${e.kind} ${e.date}`).join("\n")}
          data-testid={`time-mark-${timeline.months[at]}`}
        />
      ))}
    </div>
  );
}

/** Year ticks; on a long extent only every second, fifth or tenth year is labelled. */
function Ticks({ timeline }: { timeline: Timeline }) {
  const n = timeline.years.length;
  const every = labelEvery(n);
  return (
    <div className="time-ticks" aria-hidden="true">
      {timeline.years.map((y, i) => (
        <span key={y.at} className="time-tick" style={{ left: percent(y.at, timeline) }}>
          {(i % every === 0 || i === n - 1) && <span className="time-tick-label">{y.label}</span>}
        </span>
      ))}
    </div>
  );
}
