// The note over the built-in sample, so nobody mistakes Riverside Unified for their own district,
// and the two gestures a newcomer cannot see until shown: the connect handle appears only on hover,
// and renaming is a double-click. Dismissed once, it stays dismissed on this computer. It is a strip
// above the canvas rather than a card over it (styles/canvas-overlays.css), so it never hides the top of the map.
import { useState } from "react";

const DISMISSED_KEY = "murmuration.sampleHintDismissed";

export function FirstRunHint() {
  const [shown, setShown] = useState(() => localStorage.getItem(DISMISSED_KEY) !== "true");
  if (!shown) return null;
  return (
    <div className="first-run-hint" role="note" data-testid="first-run-hint">
      <span className="hint-mark" aria-hidden="true">i</span>
      <span>
        This is a sample district. Open or import your own from the File menu.
        <br />
        <span className="muted">Try it: hover an element and drag its blue dot to connect; double-click to rename.</span>
      </span>
      <button
        className="icon-button"
        aria-label="Dismiss"
        data-testid="first-run-hint-dismiss"
        onClick={() => {
          localStorage.setItem(DISMISSED_KEY, "true");
          setShown(false);
        }}
      >
        ×
      </button>
    </div>
  );
}
