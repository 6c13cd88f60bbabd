// The target of a keyboard nest or connection, chosen by typing its name: a WAI-ARIA combobox (an
// input with a list of matching elements). Enter takes the highlighted one, Escape gives up; the
// focus then goes back where it came from.
import "./outline.css";
import { useEffect, useId, useRef, useState } from "react";
import type { MapSnapshot, Vocabulary } from "../map/types";
import { pickable } from "./rows";

export type PickMode = "nest" | "connect";

type Props = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  source: string;
  mode: PickMode;
  onPick(target: string): void;
  onClose(): void;
};

const MOST_SHOWN = 30;

export function TargetPicker({ snapshot, vocabulary, source, mode, onPick, onClose }: Props) {
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const options = pickable(snapshot, source, mode, typed).slice(0, MOST_SHOWN);
  const name = snapshot.elements.find((e) => e.id === source)?.name ?? "the element";
  const label = mode === "nest" ? `Put ${name} into which group?` : `Connect ${name} to what?`;
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [typed]);
  const kind = (k: string) => vocabulary.elements.find((s) => s.kind === k)?.label ?? k;
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(options.length - 1, a + step)));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (options[active]) onPick(options[active].id);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="target-picker" role="dialog" aria-label={label} data-testid="target-picker">
      <label className="target-picker-label" htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={input}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${id}-${active}` : undefined}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={onKey}
        onBlur={(e) => !e.currentTarget.parentElement?.contains(e.relatedTarget as Node) && onClose()}
        data-testid="target-picker-input"
        autoComplete="off"
      />
      <ul id={`${id}-list`} role="listbox" aria-label={mode === "nest" ? "Groups" : "Elements"} className="target-picker-list">
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(o.id);
            }}
          >
            {o.name} <span className="muted">{kind(o.kind)}</span>
          </li>
        ))}
        {options.length === 0 && <li role="option" aria-selected={false} aria-disabled className="muted">Nothing matches</li>}
      </ul>
    </div>
  );
}
