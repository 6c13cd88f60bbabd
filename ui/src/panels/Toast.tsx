// A short message at the foot of the canvas: what the core refused and why, in its own plain words.
// It goes away by itself, or when dismissed.
import { useEffect } from "react";

export type ToastMessage = { id: number; text: string; tone: "error" | "info" };

const SHOWN_MS = 6000;

export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss(): void }) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDismiss, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  if (!message) return null;
  return (
    <div className={`toast ${message.tone}`} role={message.tone === "error" ? "alert" : "status"} data-testid="toast">
      <span className="toast-mark" aria-hidden="true">{message.tone === "error" ? "!" : "i"}</span>
      <span>{message.text}</span>
      <button className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
