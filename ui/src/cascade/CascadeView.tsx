// The cascade view of one rule (004): up to the board policy it comes from, down to the practice
// and the ground it governs, each break marked in words (habit, paper only), and the barriers that
// claim it. The chain is the core's answer (`cascade_trace`), the one paper draws; this view only
// lays it out, asks again when the map changes, and brings the chain forward on the canvas.
import { useEffect, useState } from "react";
import { commands, type CascadeRule_Serialize, type CascadeTrace_Serialize } from "../bindings";
import type { MapElement, MapSnapshot } from "../map/types";
import { useCanvasController } from "../canvas/controller";
import "./cascade.css";

type Props = { rule: MapElement; snapshot: MapSnapshot; onFocus(id: string): void };

type Answer = { trace: CascadeTrace_Serialize } | { error: string } | null;

const MARK_WORDS = { habit: "habit — no policy above it", paper_only: "paper only — no practice below it" } as const;

export function CascadeView({ rule, snapshot, onFocus }: Props) {
  const answer = useTrace(rule.id, snapshot);
  const controller = useCanvasController();
  if (answer === null) return null;
  if ("error" in answer) return <p className="export-error" role="alert">{answer.error}</p>;
  const { trace } = answer;
  const claimedBy = snapshot.relations.filter((r) => r.kind === "barrier" && r.claims === rule.id);
  const name = (id: string) => snapshot.elements.find((e) => e.id === id)?.name ?? id;
  const row = (r: CascadeRule_Serialize, here = false) => (
    <li key={r.rule.id} className={`cascade-rule${here ? " here" : ""}`} data-testid={`cascade-rule-${r.rule.id}`}>
      <span className="cascade-level">{r.level_label}</span>
      {here ? <strong>{r.rule.name}</strong> : <button className="link" onClick={() => onFocus(r.rule.id)}>{r.rule.name}</button>}
      {r.mark && <span className={`cascade-mark ${r.mark}`} data-testid={`cascade-mark-${r.rule.id}`}>{MARK_WORDS[r.mark]}</span>}
    </li>
  );
  return (
    <section className="inspector-section cascade-view" aria-label="Cascade" data-testid="cascade-view">
      <h3>Cascade</h3>
      <p className="metric-words" data-testid="cascade-words">{trace.words}</p>
      <ol className="cascade-chain">
        {[...trace.up].reverse().map((r) => row(r))}
        {row(trace.rule, true)}
        {trace.down.map((r) => row(r))}
      </ol>
      {trace.ground.length > 0 && (
        <>
          <h4>On the ground</h4>
          <ul className="plain-list" data-testid="cascade-ground">
            {trace.ground.map((g) => (
              <li key={g.relation}>
                <button className="link" onClick={() => onFocus(g.element.id)}>{g.words}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {claimedBy.length > 0 && (
        <>
          <h4>Claimed by</h4>
          <ul className="plain-list" data-testid="cascade-claimed">
            {claimedBy.map((b) => (
              <li key={b.id}>
                <button className="link" onClick={() => onFocus(b.source)}>
                  the barrier {name(b.source)} → {name(b.target)}{b.kind === "barrier" && b.reason ? ` (“${b.reason}”)` : ""}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button className="tool-button" onClick={() => controller.bringForward(trace.elements)} data-testid="cascade-bring-forward">
        Bring the cascade forward
      </button>
    </section>
  );
}

/** The core's trace of `rule` in the scenario on screen, asked again after every change. */
function useTrace(rule: string, snapshot: MapSnapshot): Answer {
  const [answer, setAnswer] = useState<Answer>(null);
  useEffect(() => {
    let current = true;
    commands
      .cascadeTrace(rule)
      .then((result) => current && setAnswer(result.status === "ok" ? { trace: result.data } : { error: result.error.message }))
      .catch((e: unknown) => current && setAnswer({ error: String(e) }));
    return () => {
      current = false;
    };
  }, [rule, snapshot.scenario, snapshot.generation]);
  return answer;
}
