// A small floating card at a point of the window (a context menu, the relation chooser) that closes
// on Escape or a click elsewhere, and stays inside the window.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

type Point = { x: number; y: number };

type Props = {
  at: Point;
  /** Where the card goes once its size is known, instead of at `at` (null: at `at` after all). */
  placeCard?(size: { width: number; height: number }): Point | null;
  onClose(): void;
  label: string;
  testId: string;
  children: ReactNode;
};

export function Popover({ at, placeCard, onClose, label, testId, children }: Props) {
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(at);
  useLayoutEffect(() => {
    const box = card.current?.getBoundingClientRect();
    if (!box) return;
    const wanted = placeCard?.({ width: box.width, height: box.height }) ?? at;
    setPlace({
      x: Math.max(8, Math.min(wanted.x, window.innerWidth - box.width - 8)),
      y: Math.max(8, Math.min(wanted.y, window.innerHeight - box.height - 8)),
    });
    // Placed once per opening point: the card's own size does not change while it is open.
  }, [at]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        onClose();
      }
    };
    const onPointer = (e: MouseEvent) => {
      if (!card.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("mousedown", onPointer, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("mousedown", onPointer, true);
    };
  }, [onClose]);
  return (
    <div ref={card} className="popover" role="menu" aria-label={label} data-testid={testId} style={{ left: place.x, top: place.y }}>
      {children}
    </div>
  );
}
