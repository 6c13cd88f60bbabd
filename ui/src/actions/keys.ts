// How a key press is written in the action table: "Ctrl+Shift+Z", "F2", "?".
export type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/** "Ctrl+Shift+Z" for a key event; Cmd counts as Ctrl. Shift is implied by characters like "?" and "+". */
export function keyName(event: KeyPress): string {
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  const letter = /^[A-Z]$/.test(key);
  const parts = [
    event.ctrlKey || event.metaKey ? "Ctrl" : "",
    event.altKey ? "Alt" : "",
    event.shiftKey && (letter || key.length > 1) ? "Shift" : "",
    key,
  ];
  return parts.filter(Boolean).join("+");
}
