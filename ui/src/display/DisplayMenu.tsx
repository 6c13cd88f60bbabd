// The top bar's Display menu: two switches, the projector theme and larger text.
import { useId, useState } from "react";
import type { DisplayControls } from "./display";

export function DisplayMenu({ display }: { display: DisplayControls }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="display-menu" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        className="tool-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        title="Display: projector theme, larger text"
        data-testid="display-button"
      >
        <span aria-hidden="true">◐</span> <span className="tool-label">Display</span>
      </button>
      {open && (
        <fieldset id={id} className="display-options" data-testid="display-options">
          <legend>Display</legend>
          <label>
            <input type="checkbox" checked={display.projector} onChange={(e) => display.set({ projector: e.target.checked })} data-testid="display-projector" />
            Projector, high contrast
          </label>
          <label>
            <input type="checkbox" checked={display.largeText} onChange={(e) => display.set({ largeText: e.target.checked })} data-testid="display-large-text" />
            Larger text
          </label>
        </fieldset>
      )}
    </div>
  );
}
