// A routine's steps in order, each owned by an element and taking some days ("Legal review — Legal
// · 12 days"). Read-only it is a numbered list; editable, each step can be renamed, given an owner
// and its days, moved or removed.
import type { RoutineStep_Serialize } from "../bindings";
import type { MapElement } from "../map/types";
import { CommitInput } from "./CommitInput";
import { stepDetail, withDays, withOwner } from "./steps";

type Props = {
  value: unknown;
  elements: MapElement[];
  onChange?: (steps: RoutineStep_Serialize[]) => void;
};

export function StepsField({ value, elements, onChange }: Props) {
  const steps = (value as RoutineStep_Serialize[] | undefined) ?? [];
  const owners = elements.filter((e) => e.kind !== "person" && e.kind !== "routine").sort((a, b) => a.name.localeCompare(b.name));
  if (!onChange) {
    if (steps.length === 0) return <span className="empty">No steps yet</span>;
    return (
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={i}>
            <span>{step.name}</span>
            <span className="step-owner">{stepDetail(step, step.owner ? (elements.find((e) => e.id === step.owner)?.name ?? "?") : undefined)}</span>
          </li>
        ))}
      </ol>
    );
  }
  const change = (i: number, next: RoutineStep_Serialize | null) =>
    onChange(next === null ? steps.filter((_, j) => j !== i) : steps.map((s, j) => (j === i ? next : s)));
  const swap = (i: number, j: number) => {
    const next = [...steps];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  return (
    <div className="steps-editor">
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={i} className="step-row">
            <CommitInput id={`step-${i}`} testId={`step-name-${i}`} label={`Step ${i + 1}`} value={step.name} onCommit={(name) => change(i, { ...step, name })} />
            <select
              aria-label="Owner"
              data-testid={`step-owner-${i}`}
              value={step.owner ?? ""}
              onChange={(e) => change(i, withOwner(step, e.target.value))}
            >
              <option value="">No owner</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <CommitInput
              id={`step-days-${i}`}
              testId={`step-days-${i}`}
              type="number"
              value={step.days === undefined || step.days === null ? "" : String(step.days)}
              placeholder="Days"
              label={`Days for ${step.name}`}
              suffix="days"
              onCommit={(text) => change(i, withDays(step, text))}
            />
            <span className="step-actions">
              <button type="button" className="icon-button" title="Move up" disabled={i === 0} onClick={() => swap(i, i - 1)}>↑</button>
              <button type="button" className="icon-button" title="Remove step" onClick={() => change(i, null)}>×</button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="text-button" data-testid="step-add" onClick={() => onChange([...steps, { name: `Step ${steps.length + 1}` }])}>
        + Add a step
      </button>
    </div>
  );
}
