// The top bar's lens picker: None, then the lenses in the core's order.
import type { LensState } from "./useLens";

export function LensPicker({ state }: { state: LensState }) {
  return (
    <label className="lens-picker" title="Lens: colour the map by what it shows">
      <span className="lens-picker-label visually-hidden">Lens</span>
      <select
        data-testid="lens-picker"
        aria-label="Lens"
        value={state.lens ?? ""}
        onChange={(e) => state.setLens(e.target.value === "" ? null : e.target.value)}
      >
        <option value="">No lens</option>
        {state.lenses.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
