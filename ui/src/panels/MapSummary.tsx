// What the inspector shows with nothing selected: the map at a glance, counted by kind.
import type { ElementKind, RelationKind, Vocabulary } from "../bindings";
import type { MapSnapshot } from "../map/types";
import { ShapeSwatch, LineSwatch } from "./Swatches";

export function MapSummary({ snapshot, vocabulary }: { snapshot: MapSnapshot; vocabulary: Vocabulary }) {
  const scenario = snapshot.scenarios.find((s) => s.id === snapshot.scenario);
  const count = <T extends { kind: string }>(items: T[], kind: string) => items.filter((i) => i.kind === kind).length;
  return (
    <>
      <header className="inspector-header">
        <div>
          <div className="inspector-kind">{scenario ? `Scenario: ${scenario.name}` : "Map"}</div>
          <h2 className="inspector-name">{snapshot.title}</h2>
        </div>
      </header>
      <p className="hint-text">Select an element or a line to see everything known about it.</p>
      <ul className="summary-list" data-testid="map-summary">
        {vocabulary.elements.map((style) => (
          <li key={style.kind}>
            <ShapeSwatch style={style} />
            <span className="summary-count">{count(snapshot.elements, style.kind)}</span>
            <span>{ELEMENT_PLURAL[style.kind] ?? style.label}</span>
          </li>
        ))}
      </ul>
      <ul className="summary-list">
        {vocabulary.relations.map((r) => (
          <li key={r.kind}>
            <LineSwatch line={r.line} width={r.kind === "barrier" ? 4 : 2} blocked={r.kind === "barrier"} />
            <span className="summary-count">{count(snapshot.relations, r.kind)}</span>
            <span>{PLURAL[r.kind]}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const ELEMENT_PLURAL: Record<ElementKind, string> = {
  office: "Offices",
  site: "Sites",
  community: "Communities",
  sprint_team: "Sprint teams",
  routine: "Routines",
  person: "People",
  partner: "Partners",
  rule: "Rules",
};

const PLURAL: Record<RelationKind, string> = {
  reports_to: "Reporting lines",
  flow: "Flows",
  member_of: "Memberships",
  barrier: "Barriers",
  derives_from: "Derives-from lines",
  governs: "Governs lines",
};
