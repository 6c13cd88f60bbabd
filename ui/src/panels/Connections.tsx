// What an element is connected to, grouped the way a leader asks: what flows in and out, what it
// belongs to, who it reports to, what blocks it. Each name leads to that element on the canvas.
import type { Vocabulary } from "../bindings";
import type { MapElement, MapRelation, MapSnapshot } from "../map/types";
import { LineSwatch } from "./Swatches";
import { lineFor } from "./lineFor";

type Props = { element: MapElement; snapshot: MapSnapshot; vocabulary: Vocabulary; onFocus(id: string): void };

const GROUPS: { kind: MapRelation["kind"]; title: string; out: string; in: string }[] = [
  { kind: "flow", title: "Flows", out: "to", in: "from" },
  { kind: "member_of", title: "Membership", out: "member of", in: "member" },
  { kind: "reports_to", title: "Reporting", out: "reports to", in: "reports here" },
  { kind: "barrier", title: "Barriers", out: "blocked from", in: "blocked by" },
];

export function Connections({ element, snapshot, vocabulary, onFocus }: Props) {
  const touching = snapshot.relations.filter((r) => r.source === element.id || r.target === element.id);
  if (touching.length === 0) return null;
  const name = (id: string) => snapshot.elements.find((e) => e.id === id)?.name ?? "?";
  return (
    <div className="inspector-section connections" data-testid="connections">
      {GROUPS.map((group) => {
        const relations = touching.filter((r) => r.kind === group.kind);
        if (relations.length === 0) return null;
        return (
          <div key={group.kind}>
            <h3>
              {group.title} <span className="count">{relations.length}</span>
            </h3>
            <ul className="plain-list">
              {relations.map((r) => {
                const outgoing = r.source === element.id;
                const other = outgoing ? r.target : r.source;
                const line = lineFor(r, vocabulary);
                const both = r.kind === "flow" && r.direction === "both";
                return (
                  <li key={r.id} className="connection">
                    {line && <LineSwatch line={line} width={2} bothWays={both} blocked={r.kind === "barrier"} />}
                    <span className="connection-verb">{both ? "with" : outgoing ? group.out : group.in}</span>
                    <button className="link" onClick={() => onFocus(other)}>
                      {name(other)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
