// "What the redesign does": for every lens, the core's figures from both scenarios — before → after —
// and the change between them in its words, laid out as the metrics panel lays out its figures. A
// row about an element brings it forward on the canvas.
import type { LensDelta } from "./types";
import "../lenses/lenses.css";

type Row = LensDelta["rows"][number];

export function LensDeltas({ lenses, fromName, toName, onFocus }: { lenses: LensDelta[]; fromName: string; toName: string; onFocus(subject: string): void }) {
  return (
    <section className="panel lens-deltas" aria-label="What the redesign does" data-testid="lens-deltas">
      <h2 className="panel-title">What the redesign does</h2>
      <p className="hint-text delta-columns">
        <span>{fromName}</span> → <span>{toName}</span>
      </p>
      {lenses.length === 0 && <p className="hint-text">No lens figure changes.</p>}
      {lenses.map((lens) => (
        <div key={lens.lens} className="metric delta-lens" data-testid={`delta-${lens.lens}`}>
          <h3>{lens.label}</h3>
          <ul>
            {lens.rows.map((row, i) => (
              <li key={`${row.subject?.id ?? ""}:${row.figure}:${i}`}>
                <DeltaRow row={row} onFocus={onFocus} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function DeltaRow({ row, onFocus }: { row: Row; onFocus(subject: string): void }) {
  const body = (
    <>
      <span className="delta-figure">{row.figure}</span>
      <span className="delta-values">
        <span className="delta-before">{shown(row.before)}</span>
        <span aria-label="becomes"> → </span>
        <span className="delta-after">{shown(row.after)}</span>
      </span>
      {!restates(row) && <span className="delta-words">{row.words}</span>}
    </>
  );
  const subject = row.subject;
  const same = row.before === row.after ? " same" : "";
  return subject ? (
    <button className={`delta-row${same}`} onClick={() => onFocus(subject.id)} data-testid={`delta-row-${subject.id}`}>
      {body}
    </button>
  ) : (
    <div className={`delta-row static${same}`}>{body}</div>
  );
}

/** A headline's words only repeat its figure ("Bridges: 15 → 16"): the row already shows it. */
export function restates(row: Row): boolean {
  return row.words.startsWith(`${row.figure}:`);
}

/** A figure as the metrics panel writes it: "—" for none. */
export function shown(value: Row["before"]): string {
  return value === "" ? "—" : value;
}
