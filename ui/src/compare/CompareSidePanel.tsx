// The side panel while comparing: the change list (with adopting) and what the redesign does to
// the network, lens by lens.
import type { MapSnapshot } from "../map/types";
import { ChangeList } from "./ChangeList";
import { LensDeltas } from "./LensDeltas";
import type { ComparisonState } from "./useComparison";

type Props = { snapshot: MapSnapshot; state: ComparisonState; onFocus(subject: string): void };

export function CompareSidePanel({ snapshot, state, onFocus }: Props) {
  const nameOf = (id: string) => snapshot.scenarios.find((s) => s.id === id)?.name ?? id;
  const lenses = state.drawing?.comparison.deltas.lenses ?? [];
  return (
    <aside className="side-panel compare-side" aria-label="What changes">
      <ChangeList snapshot={snapshot} state={state} onFocus={onFocus} />
      <LensDeltas lenses={lenses} fromName={nameOf(state.from)} toName={nameOf(state.to)} onFocus={onFocus} />
    </aside>
  );
}
