// The metrics panel's District Operating System sections: the Operating System lens (the slowest
// routines, the longest permission chains, each DOS office's stance) and the instructional core
// (each office's distance from teaching, loose coupling). Every sentence is the core's; the panel
// only lays them out and brings their elements forward on the canvas.
import type { LensState } from "./useLens";
import { useCanvasController } from "../canvas/controller";

type Analysis = NonNullable<LensState["view"]>["analysis"];

/** How many rows each list shows: the core ranks them, most telling first. */
const SHOWN = 4;

export function OperatingSystemMetric({ analysis }: { analysis: Analysis }) {
  const controller = useCanvasController();
  const os = analysis.operating_system;
  const timed = os.routines.filter((r) => r.days != null).slice(0, SHOWN);
  const longest = Math.max(1, ...timed.map((r) => r.days ?? 0));
  const chains = os.chains.filter((c) => c.offices.length > 0).slice(0, SHOWN);
  return (
    <div className="metric system-metric" data-testid="metric-operating-system">
      <h3>Operating System</h3>
      <p className="metric-words" data-testid="os-words">{os.words}</p>
      {timed.map((r) => (
        <button
          key={r.routine.id}
          className="bar-row"
          title={r.words}
          data-testid={`os-routine-${r.routine.id}`}
          onClick={() => controller.bringForward([r.routine.id, ...r.by_owner.flatMap((o) => (o.owner ? [o.owner.id] : []))])}
        >
          <span className="bar-name">{r.routine.name}</span>
          <span className="bar-track">
            <span className="bar-fill routine" style={{ width: `${((r.days ?? 0) / longest) * 100}%` }} />
          </span>
          <span className="bar-value">{r.days} d</span>
        </button>
      ))}
      <ul className="metric-sentences">
        {chains.map((c, i) => (
          <li key={`chain-${i}`}>
            <button
              className="metric-sentence"
              data-testid={`os-chain-${i}`}
              onClick={() => controller.bringForward([c.routine?.id ?? c.start.id, ...c.offices.map((o) => o.id)])}
            >
              {c.words}
            </button>
          </li>
        ))}
        {os.offices.slice(0, SHOWN).map((o) => (
          <li key={o.office.id}>
            <button
              className={`metric-sentence stance-${o.stance}`}
              data-testid={`os-office-${o.office.id}`}
              onClick={() => controller.bringForward([o.office.id, ...o.askers.map((a) => a.id)])}
            >
              {o.words}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InstructionalCoreMetric({ analysis }: { analysis: Analysis }) {
  const controller = useCanvasController();
  const core = analysis.instructional_core;
  return (
    <div className="metric system-metric" data-testid="metric-instructional-core">
      <h3>Instructional core <small>(steps of flows from teaching)</small></h3>
      <p className="metric-words" data-testid="core-words">{core.words}</p>
      <ul className="metric-sentences">
        {core.offices.slice(0, SHOWN).map((o) => (
          <li key={o.office.id}>
            <button
              className={`metric-sentence${o.loose_coupling ? " loose-coupling" : ""}`}
              data-testid={`core-office-${o.office.id}`}
              onClick={() => controller.bringForward([o.office.id, ...(o.nearest ? [o.nearest.id] : [])])}
            >
              {o.words}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
