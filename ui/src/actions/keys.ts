// How a key press is written in the action table: "Ctrl+Shift+Z", "F2", "?".
export type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey"> & Partial<Pick<KeyboardEvent, "code" | "keyCode">>;

/** WebKitGTK names Shift+Tab (the ISO_Left_Tab key) "Unidentified"; its code still says Tab. */
function keyOf(event: KeyPress): string {
  if (event.key === "Unidentified" && (event.code === "Tab" || event.keyCode === 9)) return "Tab";
  return event.key;
}

/** "Ctrl+Shift+Z" for a key event; Cmd counts as Ctrl. Shift is implied by characters like "?" and "+". */
export function keyName(event: KeyPress): string {
  const pressed = keyOf(event);
  const key = pressed.length === 1 ? pressed.toUpperCase() : pressed;
  const letter = /^[A-Z]$/.test(key);
  const parts = [
    event.ctrlKey || event.metaKey ? "Ctrl" : "",
    event.altKey ? "Alt" : "",
    event.shiftKey && (letter || key.length > 1) ? "Shift" : "",
    key,
  ];
  return parts.filter(Boolean).join("+");
}
