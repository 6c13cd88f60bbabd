// The change list: every change between the two scenarios under four headings, in the core's
// words, filtered by kind. A row's name brings its element or relation forward on the canvas; its
// checkbox ticks it for adopting into another scenario as one undoable edit.
import type { MapSnapshot } from "../map/types";
import { ActionButton } from "../actions/useActions";
import { KINDS, countByKind, sections } from "./changes";
import type { ComparisonState } from "./useComparison";
import type { Change } from "./types";
import type { MarkLook } from "./marks";

type Props = {
  snapshot: MapSnapshot;
  state: ComparisonState;
  onFocus(subject: string): void;
};

export function ChangeList({ snapshot, state, onFocus }: Props) {
  const changes = state.drawing?.comparison.diff.changes ?? [];
  const counts = countByKind(changes);
  const shown = sections(changes, state.shownKinds);
  const badge = (mark: string) => state.looks.find((l) => l.mark === mark);
  return (
    <section className="panel change-list" aria-label="Changes" data-testid="change-list">
      <h2 className="panel-title">
        Changes <small>({changes.length})</small>
      </h2>
      <fieldset className="kind-filter" data-testid="change-filter">
        <legend className="visually-hidden">Show changes of these kinds</legend>
        {KINDS.map(({ kind, label }) => (
          <label key={kind} className="kind-toggle">
            <input type="checkbox" checked={state.shownKinds.has(kind)} onChange={() => state.toggleKind(kind)} data-testid={`change-filter-${kind}`} />
            <MarkBadge look={badge(kind)} /> {label} <small>{counts[kind]}</small>
          </label>
        ))}
      </fieldset>
      {changes.length === 0 && state.drawing && <p className="hint-text">The two scenarios are the same.</p>}
      {shown.map((section) => (
        <div key={section.group} className="change-section" data-testid={`change-group-${section.group}`}>
          <h3>{section.heading}</h3>
          <ul>
            {section.changes.map((change) => (
              <ChangeRow key={change.id} change={change} look={badge(change.kind)} ticked={state.ticked.has(change.id)} onTick={(on) => state.tick(change.id, on)} onFocus={() => onFocus(change.subject.id)} />
            ))}
          </ul>
        </div>
      ))}
      <AdoptBar snapshot={snapshot} state={state} />
    </section>
  );
}

type RowProps = { change: Change; look: MarkLook | undefined; ticked: boolean; onTick(on: boolean): void; onFocus(): void };

function ChangeRow({ change, look, ticked, onTick, onFocus }: RowProps) {
  const label = `Adopt: ${change.words}`;
  return (
    <li className={`change-row kind-${change.kind}`} data-testid={`change-${change.id}`} data-subject={change.subject.id} data-kind={change.kind}>
      <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.target.checked)} aria-label={label} title={label} data-testid={`change-tick-${change.id}`} />
      <button className="change-words" onClick={onFocus} title="Show it on the canvas" data-testid={`change-focus-${change.id}`}>
        <MarkBadge look={look} />
        <span>{change.words}</span>
      </button>
    </li>
  );
}

/** A mark's badge as the canvas draws it: its text in its colour. */
export function MarkBadge({ look }: { look: MarkLook | undefined }) {
  if (!look) return null;
  return (
    <span className={`mark-badge inline badge-${look.mark}`} style={{ borderColor: look.colour, color: look.colour }} aria-hidden="true">
      {look.badge}
    </span>
  );
}

/** "Adopt 2 into As is": the ticked rows applied to the scenario picked, or the core's refusal. */
function AdoptBar({ snapshot, state }: { snapshot: MapSnapshot; state: ComparisonState }) {
  const targets = snapshot.scenarios.filter((s) => s.id !== state.to);
  return (
    <div className="adopt-bar" data-testid="adopt-bar">
      <label className="adopt-into">
        <span>Adopt the ticked changes into</span>
        <select value={state.into} onChange={(e) => state.setInto(e.target.value)} data-testid="adopt-into">
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <ActionButton name="adopt_changes" className="tool-button primary" testId="adopt-button">
        Adopt {state.ticked.size > 0 ? state.ticked.size : ""} into {snapshot.scenarios.find((s) => s.id === state.into)?.name ?? "…"}
      </ActionButton>
      {state.refusal && (
        <p className="adopt-refusal" role="alert" data-testid="adopt-refusal">
          {state.refusal}
        </p>
      )}
    </div>
  );
}
