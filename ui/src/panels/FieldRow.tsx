// One attribute in the inspector: its name and its value in plain words, or — when the map can be
// edited — a control for it. Text commits when the field is left or Enter is pressed, so one edit
// becomes one command (and one undo step), not one per keystroke.
import type { Field } from "../map/fields";
import { choiceLabel } from "../map/fields";
import type { MapElement } from "../map/types";
import { StepsField } from "./StepsField";
import { CommitInput } from "./CommitInput";

type Props = {
  field: Field;
  value: unknown;
  elements: MapElement[];
  /** Absent when the map cannot be edited: the value is shown, not offered for change. */
  onChange?: (value: unknown) => void;
};

export function FieldRow({ field, value, elements, onChange }: Props) {
  const id = `field-${field.key.replace(".", "-")}`;
  return (
    <div className={`field field-${field.type}`}>
      <label htmlFor={onChange ? id : undefined} className="field-label">
        {field.label}
      </label>
      <div className="field-value">
        {onChange ? (
          <FieldControl id={id} field={field} value={value} elements={elements} onChange={onChange} />
        ) : (
          <FieldText field={field} value={value} elements={elements} />
        )}
      </div>
    </div>
  );
}

function nameOf(elements: MapElement[], id: unknown): string {
  return elements.find((e) => e.id === id)?.name ?? "—";
}

function FieldText({ field, value, elements }: Omit<Props, "onChange">) {
  const empty = <span className="empty">—</span>;
  switch (field.type) {
    case "choice":
      return value === null || value === undefined ? empty : <>{choiceLabel(field, value)}</>;
    case "boolean":
      return <span title={field.hint}>{value ? "Yes" : "No"}</span>;
    case "element":
      return value ? <>{nameOf(elements, value)}</> : empty;
    case "number":
      return value === null || value === undefined ? empty : <>{`${value}${field.unit && field.unit !== "year" ? ` ${field.unit}` : ""}`}</>;
    case "tags": {
      const tags = (value as string[] | undefined) ?? [];
      return tags.length === 0 ? empty : <>{tags.map((t) => <span key={t} className="tag">{t}</span>)}</>;
    }
    case "steps":
      return <StepsField value={value} elements={elements} />;
    default:
      return value ? <span className="prose">{String(value)}</span> : empty;
  }
}

type ControlProps = Omit<Props, "onChange"> & { id: string; onChange(value: unknown): void };

function FieldControl({ id, field, value, elements, onChange }: ControlProps) {
  const testId = `inspector-${field.key.replace(".", "-")}`;
  switch (field.type) {
    case "choice":
      return <ChoiceSelect id={id} testId={testId} field={field} value={value} onChange={onChange} />;
    case "boolean":
      return (
        <label className="check">
          <input id={id} data-testid={testId} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />
          <span>{field.hint}</span>
        </label>
      );
    case "element":
      return <ElementSelect id={id} testId={testId} field={field} value={value} elements={elements} onChange={onChange} />;
    case "number":
      return (
        <CommitInput
          id={id}
          testId={testId}
          type="number"
          value={value === null || value === undefined ? "" : String(value)}
          suffix={field.unit}
          onCommit={(text) => onChange(text.trim() === "" ? null : Number(text))}
        />
      );
    case "tags":
      return (
        <CommitInput
          id={id}
          testId={testId}
          value={((value as string[] | undefined) ?? []).join(", ")}
          placeholder="Comma between tags"
          onCommit={(text) => onChange(text.split(",").map((t) => t.trim()).filter(Boolean))}
        />
      );
    case "date":
      return (
        <CommitInput id={id} testId={testId} value={value ? String(value) : ""} placeholder="2021 or 2021-02" onCommit={(t) => onChange(t.trim() || undefined)} />
      );
    case "steps":
      return <StepsField value={value} elements={elements} onChange={onChange} />;
    case "longtext":
      return (
        <CommitInput id={id} testId={testId} multiline value={value ? String(value) : ""} placeholder={field.placeholder} onCommit={onChange} />
      );
    default:
      return (
        <CommitInput id={id} testId={testId} value={value ? String(value) : ""} placeholder={field.type === "text" ? field.placeholder : undefined} onCommit={onChange} />
      );
  }
}

type SelectProps<T extends Field["type"]> = { id: string; testId: string; field: Extract<Field, { type: T }>; value: unknown; onChange(value: unknown): void };

function ChoiceSelect({ id, testId, field, value, onChange }: SelectProps<"choice">) {
  return (
    <select
      id={id}
      data-testid={testId}
      value={value === null || value === undefined ? "" : String(value)}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
    >
      {field.optional && <option value="">—</option>}
      {field.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** Another element of the kinds the field allows, by name. */
function ElementSelect({ id, testId, field, value, elements, onChange }: SelectProps<"element"> & { elements: MapElement[] }) {
  return (
    <select
      id={id}
      data-testid={testId}
      value={value ? String(value) : ""}
      onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
    >
      <option value="">—</option>
      {elements
        .filter((e) => field.kinds.includes(e.kind))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
    </select>
  );
}
