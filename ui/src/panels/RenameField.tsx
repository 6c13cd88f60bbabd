// Renaming in place: a text box laid over the element on the canvas. Enter keeps the new name,
// Escape or an empty name keeps the old one.
import { useEffect, useRef } from "react";

type Props = {
  box: { left: number; top: number; width: number; height: number };
  name: string;
  onDone(name: string | null): void;
};

export function RenameField({ box, name, onDone }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  const width = Math.max(180, box.width + 24);
  return (
    <input
      ref={input}
      className="rename-field"
      data-testid="rename-field"
      aria-label="Name"
      defaultValue={name}
      style={{ left: box.left + box.width / 2 - width / 2, top: box.top + box.height / 2 - 20, width }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(e.currentTarget.value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
