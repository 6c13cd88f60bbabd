// The scenario picker in the top bar: a button naming the scenario on screen that opens a card with
// the scenarios as a list box (pick one to show it), the tools for the one shown (rename, duplicate,
// move up or down, delete — buttons of the action table) and a name field for a new scenario or a
// new name. A name the core would refuse is said beside the field before anything is sent; the
// last scenario's delete is greyed with the core's reason shown.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ActionButton } from "../actions/useActions";
import { addScenarioOp, renameScenarioOp } from "./scenarioOps";
import type { ScenarioCommands } from "./useScenarios";
import "./scenarios.css";

export function ScenarioPicker({ scenarios }: { scenarios: ScenarioCommands }) {
  const { shown, picker } = scenarios;
  const card = useClosesOnEscapeOrOutside(picker !== null, scenarios.closePicker);
  return (
    <div className="scenario-picker" ref={card}>
      <button
        className="tool-button scenario-button"
        aria-haspopup="dialog"
        aria-expanded={picker !== null}
        aria-controls="scenario-card"
        title="The scenario on screen: show another, add, rename, reorder or delete (Shift+S)"
        onClick={() => (picker === null ? scenarios.openPicker("list") : scenarios.closePicker())}
        data-testid="scenario-button"
      >
        <span className="tool-label">Scenario</span> <strong data-testid="scenario-shown">{shown?.name ?? "?"}</strong> <span aria-hidden="true">▾</span>
      </button>
      {picker !== null && <ScenarioCard scenarios={scenarios} />}
    </div>
  );
}

function ScenarioCard({ scenarios }: { scenarios: ScenarioCommands }) {
  const { list, shown, picker, deleteRefusal } = scenarios;
  const listBox = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (picker === "list") listBox.current?.focus();
  }, [picker]);
  return (
    <div className="scenario-card" id="scenario-card" role="dialog" aria-label="Scenarios" data-testid="scenario-card">
      <label className="scenario-card-label" htmlFor="scenario-list">Show scenario</label>
      <select
        id="scenario-list"
        ref={listBox}
        className="scenario-list"
        size={Math.min(Math.max(list.length, 2), 8)}
        value={shown?.id ?? ""}
        onChange={(e) => void scenarios.show(e.target.value)}
        data-testid="scenario-list"
      >
        {list.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
      </select>
      <div className="scenario-tools" role="group" aria-label={`Change “${shown?.name ?? ""}”`}>
        <ActionButton name="rename_scenario" className="tool-button" testId="scenario-rename">Rename…</ActionButton>
        <ActionButton name="duplicate_scenario" className="tool-button" testId="scenario-duplicate">Duplicate</ActionButton>
        <ActionButton name="move_scenario_up" className="tool-button" ariaLabel="Move up" testId="scenario-up">↑</ActionButton>
        <ActionButton name="move_scenario_down" className="tool-button" ariaLabel="Move down" testId="scenario-down">↓</ActionButton>
        <ActionButton name="delete_scenario" className="tool-button" testId="scenario-delete" describedBy={deleteRefusal ? "scenario-delete-reason" : undefined}>Delete</ActionButton>
      </div>
      {deleteRefusal && (
        <p className="hint-text scenario-reason" id="scenario-delete-reason" data-testid="scenario-delete-reason">{deleteRefusal}</p>
      )}
      {picker === "list" ? (
        <ActionButton name="new_scenario" className="tool-button scenario-new" testId="scenario-new">+ New scenario…</ActionButton>
      ) : (
        <NameForm key={`${picker}-${shown?.id}`} scenarios={scenarios} />
      )}
    </div>
  );
}

/** A new scenario's name and what it starts from, or the shown scenario's new name. */
function NameForm({ scenarios }: { scenarios: ScenarioCommands }) {
  const { shown, picker } = scenarios;
  const creating = picker === "create";
  const [name, setName] = useState(creating ? "" : shown?.name ?? "");
  const [copy, setCopy] = useState(true);
  const [busy, setBusy] = useState(false);
  const [draftId] = useState(() => `draft-${Math.random().toString(36).slice(2)}`);
  const opFor = (wanted: string) => (creating ? addScenarioOp(draftId, wanted, copy && shown ? shown.id : null) : renameScenarioOp(shown?.id ?? "", wanted));
  const problem = useCoreProblem(scenarios, name, opFor);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || problem !== null || !shown) return;
    setBusy(true);
    const done = creating ? await scenarios.create(name, copy ? shown.id : null) : await scenarios.rename(shown.id, name);
    setBusy(false);
    if (done) scenarios.openPicker("list");
  };
  return (
    <form className="scenario-form" onSubmit={(e) => void submit(e)} data-testid="scenario-form">
      <label htmlFor="scenario-name">{creating ? "New scenario’s name" : `New name for “${shown?.name ?? ""}”`}</label>
      <input
        id="scenario-name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby="scenario-name-problem"
        data-testid="scenario-name"
      />
      <p className="scenario-problem" id="scenario-name-problem" role="status" aria-live="polite" data-testid="scenario-name-problem">
        {problem ?? ""}
      </p>
      {creating && (
        <fieldset className="scenario-start">
          <legend>Start from</legend>
          <label>
            <input type="radio" name="scenario-start" checked={copy} onChange={() => setCopy(true)} data-testid="scenario-start-copy" /> A copy of “{shown?.name}”
          </label>
          <label>
            <input type="radio" name="scenario-start" checked={!copy} onChange={() => setCopy(false)} data-testid="scenario-start-blank" /> A blank map
          </label>
        </fieldset>
      )}
      <div className="scenario-form-buttons">
        <button type="submit" className="tool-button primary" disabled={busy || problem !== null} data-testid="scenario-submit">
          {creating ? "Create and show" : "Rename"}
        </button>
        <button type="button" className="tool-button" onClick={() => scenarios.openPicker("list")} data-testid="scenario-cancel">Cancel</button>
      </div>
    </form>
  );
}

/** The core's words on the op a name would send, asked a moment after typing stops; null when fine. */
function useCoreProblem(scenarios: ScenarioCommands, name: string, opFor: (name: string) => Parameters<ScenarioCommands["problemWith"]>[0]): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  const op = JSON.stringify(opFor(name));
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void scenarios.problemWith(JSON.parse(op)).then((p) => current && setProblem(p));
    }, 120);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [op]);
  return problem;
}

/** Closes the card on Escape or a click outside `ref`. */
function useClosesOnEscapeOrOutside(open: boolean, close: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        close();
      }
    };
    const onPointer = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("mousedown", onPointer, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("mousedown", onPointer, true);
    };
  }, [open, close]);
  return ref;
}
