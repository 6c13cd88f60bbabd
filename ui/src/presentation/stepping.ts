// The keys of presentation mode: → / PageDown / Space / ↓ forward (presenter clickers send
// PageDown/PageUp), ← / PageUp / ↑ back, Home / End, N toggles the speaker notes, Esc leaves.
export type PresentAction = { type: "go"; index: number } | { type: "notes" } | { type: "exit" } | null;

export function presentKey(key: string, index: number, count: number, shift = false): PresentAction {
  const last = Math.max(count - 1, 0);
  const go = (i: number): PresentAction => ({ type: "go", index: Math.min(Math.max(i, 0), last) });
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case "Enter":
      return go(index + 1);
    case " ":
    case "Spacebar":
      return go(shift ? index - 1 : index + 1);
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
    case "Backspace":
      return go(index - 1);
    case "Home":
      return go(0);
    case "End":
      return go(last);
    case "n":
    case "N":
      return { type: "notes" };
    case "Escape":
      return { type: "exit" };
    default:
      return null;
  }
}
