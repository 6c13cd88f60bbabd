// What an edit asks to select once the canvas shows its result: the elements it created (a single
// new one is named at once), or the ones a drop moved into a group (the inspector's "Inside" then
// confirms where they went).
import { useEffect, useRef, type RefObject } from "react";
import type { MapSnapshot } from "../map/types";
import type { CanvasHandle } from "../canvas/MapCanvas";

type Pending = { ids: string[]; rename: boolean; shown(snapshot: MapSnapshot): boolean };

export function useSelectCreated(snapshot: MapSnapshot, canvas: RefObject<CanvasHandle | null>, rename: (id: string) => void) {
  const pending = useRef<Pending | null>(null);
  const latest = useRef(snapshot);
  latest.current = snapshot;

  /** Selects what is pending once `shown` shows it. */
  const settle = (shown: MapSnapshot) => {
    const now = pending.current;
    if (!now || !now.shown(shown)) return;
    pending.current = null;
    requestAnimationFrame(() => {
      canvas.current?.select(now.ids);
      if (now.rename && now.ids.length === 1) rename(now.ids[0]);
    });
  };

  useEffect(() => settle(snapshot), [snapshot]);

  // The store renders an edit's answer at once, so the map may already show what is asked for.
  const ask = (next: Pending) => {
    pending.current = next;
    settle(latest.current);
  };

  return {
    onCreated(ids: string[], rename: boolean) {
      ask({
        ids,
        rename,
        shown: (now) => ids.every((id) => now.elements.some((e) => e.id === id) || now.relations.some((r) => r.id === id)),
      });
    },
    onNested(nested: { child: string; parent: string | null }[]) {
      ask({
        ids: nested.map((n) => n.child),
        rename: false,
        shown: (now) => nested.every((n) => (now.elements.find((e) => e.id === n.child)?.parent ?? null) === n.parent),
      });
    },
  };
}
