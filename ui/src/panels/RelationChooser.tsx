// After a relation is drawn between two elements: what is it? A flow of one of the six media, a
// membership, a reporting line or a barrier, or from a rule the cascade's line (first, as the
// default: `relationOptions`) — each shown with its line, keys 1–9 to choose quickly.
// While it asks, the line just drawn stays on screen and the card sits beside it, clear of both ends.
import { useEffect } from "react";
import type { ElementKind, Vocabulary } from "../bindings";
import type { RelationChoice } from "../edit/ops";
import { LineSwatch } from "./Swatches";
import { Popover } from "./Popover";
import { placeBeside, type Rect } from "./placeBeside";
import { relationOptions } from "./relationOptions";

/** The card keeps this far inside the window. */
const MARGIN = 8;

type Props = {
  vocabulary: Vocabulary;
  sourceName: string;
  targetName: string;
  /** The kinds of the two ends: a rule's lines come first from a rule. */
  sourceKind?: ElementKind;
  targetKind?: ElementKind;
  at: { x: number; y: number };
  /** Where the two elements are drawn (window pixels), when the canvas can tell. */
  ends: { source: Rect; target: Rect } | null;
  onChoose(choice: RelationChoice): void;
  onClose(): void;
};

export function RelationChooser({ vocabulary, sourceName, targetName, sourceKind, targetKind, at, ends, onChoose, onClose }: Props) {
  const options = relationOptions(vocabulary, sourceKind, targetKind);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= Math.min(options.length, 9)) {
        e.preventDefault();
        e.stopPropagation();
        onChoose(options[n - 1].choice);
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  });
  const placeCard = (card: { width: number; height: number }) =>
    ends &&
    placeBeside(ends.source, ends.target, card, {
      left: MARGIN,
      top: MARGIN,
      width: window.innerWidth - 2 * MARGIN,
      height: window.innerHeight - 2 * MARGIN,
    });
  return (
    <>
      {ends && <PendingLine ends={ends} />}
      <Popover at={at} placeCard={placeCard} onClose={onClose} label="Choose the kind of relation" testId="relation-chooser">
        <div className="popover-title">
          {sourceName} <span className="muted">→</span> {targetName}
        </div>
        {options.map((o, i) => (
          <button
            key={o.label}
            role="menuitem"
            className="menu-item"
            data-testid={`relation-${o.choice.kind === "flow" ? o.choice.medium : o.choice.kind}`}
            onClick={() => onChoose(o.choice)}
          >
            <LineSwatch line={o.line} blocked={o.choice.kind === "barrier"} width={o.choice.kind === "barrier" ? 4 : 2.25} />
            <span>{o.label}</span>
            {i < 9 && <kbd>{i + 1}</kbd>}
          </button>
        ))}
      </Popover>
    </>
  );
}

/** The line being asked about, centre to centre, as the connect handle drew it. */
function PendingLine({ ends }: { ends: { source: Rect; target: Rect } }) {
  const [a, b] = [ends.source, ends.target].map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }));
  return (
    <svg className="connect-preview pending" aria-hidden="true" data-testid="relation-pending-line">
      <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
      <circle cx={b.x} cy={b.y} r={7} />
    </svg>
  );
}
