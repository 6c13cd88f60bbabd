// The inspector: everything known about the selection, in plain words. With nothing selected it
// summarises the map; with one element or relation it lists every attribute (editable when the map
// can be edited) and what the element is connected to; with several it lists them.
import { CascadeView } from "../cascade/CascadeView";
import type { Vocabulary } from "../bindings";
import type { MapElement, MapRelation, MapSnapshot } from "../map/types";
import { ANNOTATION_FIELDS, elementFields, readField, relationFields, withField } from "../map/fields";
import { FieldRow } from "./FieldRow";
import { CommitInput } from "./CommitInput";
import { holdsOthers } from "../map/rules";
import { LineSwatch, ShapeSwatch } from "./Swatches";
import { Connections } from "./Connections";
import { MapSummary } from "./MapSummary";
import { lineFor } from "./lineFor";

export type InspectorEdits = {
  updateElement(next: MapElement): void;
  updateRelation(next: MapRelation): void;
  nest(child: string, parent: string | null): void;
};

type Props = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  selection: string[];
  edits: InspectorEdits | null;
  onFocus(id: string): void;
};

export function Inspector({ snapshot, vocabulary, selection, edits, onFocus }: Props) {
  const elements = snapshot.elements;
  const selected = selection
    .map((id) => elements.find((e) => e.id === id) ?? snapshot.relations.find((r) => r.id === id))
    .filter((s): s is MapElement | MapRelation => s !== undefined);
  let body;
  if (selected.length === 0) {
    body = <MapSummary snapshot={snapshot} vocabulary={vocabulary} />;
  } else if (selected.length > 1) {
    body = <SelectionList items={selected} elements={elements} onFocus={onFocus} />;
  } else if ("source" in selected[0]) {
    body = <RelationInspector relation={selected[0]} snapshot={snapshot} vocabulary={vocabulary} edits={edits} onFocus={onFocus} />;
  } else {
    body = <ElementInspector element={selected[0]} snapshot={snapshot} vocabulary={vocabulary} edits={edits} onFocus={onFocus} />;
  }
  return (
    <section className="panel inspector" data-testid="inspector" aria-label="Inspector">
      {body}
    </section>
  );
}

type ElementProps = {
  element: MapElement;
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  edits: InspectorEdits | null;
  onFocus(id: string): void;
};

function ElementInspector({ element, snapshot, vocabulary, edits, onFocus }: ElementProps) {
  const style = vocabulary.elements.find((s) => s.kind === element.kind);
  const elements = snapshot.elements;
  const change = edits ? (key: string) => (value: unknown) => edits.updateElement(withField(element, key, value)) : () => undefined;
  const children = elements.filter((e) => e.parent === element.id);
  const parent = elements.find((e) => e.id === element.parent);
  return (
    <>
      <header className="inspector-header">
        {style && <ShapeSwatch style={style} size={1.2} />}
        <div>
          <div className="inspector-kind">{style?.label ?? element.kind}</div>
          {edits ? (
            <CommitInput id="inspector-name" testId="inspector-name" value={element.name} onCommit={(name) => name.trim() && edits.updateElement({ ...element, name: name.trim() })} />
          ) : (
            <h2 className="inspector-name" data-testid="inspector-name">{element.name}</h2>
          )}
        </div>
      </header>
      <div className="fields">
        <div className="field">
          <label className="field-label" htmlFor={edits ? "inspector-parent" : undefined}>Inside</label>
          <div className="field-value">
            {edits ? (
              <ParentPicker element={element} elements={elements} onNest={(p) => edits.nest(element.id, p)} />
            ) : parent ? (
              <button className="link" onClick={() => onFocus(parent.id)}>{parent.name}</button>
            ) : (
              <span className="empty">—</span>
            )}
          </div>
        </div>
        {elementFields(element.kind, vocabulary.boundaries).map((field) => (
          <FieldRow key={field.key} field={field} value={readField(element, field.key)} elements={elements} onChange={edits ? change(field.key) : undefined} />
        ))}
        {ANNOTATION_FIELDS.map((field) => (
          <FieldRow key={field.key} field={field} value={readField(element, field.key)} elements={elements} onChange={edits ? change(field.key) : undefined} />
        ))}
      </div>
      {children.length > 0 && (
        <div className="inspector-section">
          <h3>Contains</h3>
          <ul className="plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <button className="link" onClick={() => onFocus(c.id)}>{c.name}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {element.kind === "rule" && <CascadeView rule={element} snapshot={snapshot} onFocus={onFocus} />}
      <Connections element={element} snapshot={snapshot} vocabulary={vocabulary} onFocus={onFocus} />
    </>
  );
}

/** The groups an element may be put inside: not itself, nor anything inside it. */
function ParentPicker({ element, elements, onNest }: { element: MapElement; elements: MapElement[]; onNest(parent: string | null): void }) {
  const inside = new Set<string>([element.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of elements) {
      if (e.parent && inside.has(e.parent) && !inside.has(e.id)) {
        inside.add(e.id);
        grew = true;
      }
    }
  }
  const groups = elements
    .filter((e) => holdsOthers(e.kind) && !inside.has(e.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <select id="inspector-parent" data-testid="inspector-parent" value={element.parent ?? ""} onChange={(e) => onNest(e.target.value || null)}>
      <option value="">Not inside anything</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );
}

type RelationProps = {
  relation: MapRelation;
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  edits: InspectorEdits | null;
  onFocus(id: string): void;
};

function RelationInspector({ relation, snapshot, vocabulary, edits, onFocus }: RelationProps) {
  const elements = snapshot.elements;
  const line = lineFor(relation, vocabulary);
  const name = (id: string) => elements.find((e) => e.id === id)?.name ?? "?";
  const change = edits ? (key: string) => (value: unknown) => edits.updateRelation(withField(relation, key, value)) : () => undefined;
  return (
    <>
      <header className="inspector-header">
        {line && <LineSwatch line={line} bothWays={relation.kind === "flow" && relation.direction === "both"} blocked={relation.kind === "barrier"} />}
        <div>
          <div className="inspector-kind">{vocabulary.relations.find((r) => r.kind === relation.kind)?.line.label ?? relation.kind}</div>
          <h2 className="inspector-name">{line?.label ?? relation.kind}</h2>
        </div>
      </header>
      <p className="relation-ends">
        <button className="link" onClick={() => onFocus(relation.source)}>{name(relation.source)}</button>
        <span className="relation-verb"> {RELATION_VERBS[relation.kind]} </span>
        <button className="link" onClick={() => onFocus(relation.target)}>{name(relation.target)}</button>
      </p>
      <div className="fields">
        {relationFields(relation.kind).map((field) => (
          <FieldRow key={field.key} field={field} value={readField(relation, field.key)} elements={elements} onChange={edits ? change(field.key) : undefined} />
        ))}
        {ANNOTATION_FIELDS.map((field) => (
          <FieldRow key={field.key} field={field} value={readField(relation, field.key)} elements={elements} onChange={edits ? change(field.key) : undefined} />
        ))}
      </div>
    </>
  );
}

const RELATION_VERBS: Record<MapRelation["kind"], string> = {
  reports_to: "reports to",
  flow: "→",
  member_of: "is a member of",
  barrier: "is blocked from",
  derives_from: "derives from",
  governs: "governs",
};

function SelectionList({ items, elements, onFocus }: { items: (MapElement | MapRelation)[]; elements: MapElement[]; onFocus(id: string): void }) {
  const name = (id: string) => elements.find((e) => e.id === id)?.name ?? "?";
  return (
    <>
      <header className="inspector-header">
        <div>
          <div className="inspector-kind">Selection</div>
          <h2 className="inspector-name">{items.length} selected</h2>
        </div>
      </header>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            <button className="link" onClick={() => onFocus("source" in item ? item.source : item.id)}>
              {"source" in item ? `${name(item.source)} → ${name(item.target)}` : item.name}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
