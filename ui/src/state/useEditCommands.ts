// What each editing gesture sends to the core: one op per gesture, so one undo step per gesture.
// The window calls these; the core answers with the new snapshot (or a refusal, shown as a toast).
import { useMemo, useRef, type RefObject } from "react";
import type { ElementKind } from "../bindings";
import type { MapElement, MapRelation, MapSnapshot, View } from "../map/types";
import type { CanvasHandle } from "../canvas/MapCanvas";
import type { DropReport } from "../canvas/dragToMove";
import { newElement, clip, connect, deleteSelection, moveOp, paste, type Clipping, type RelationChoice } from "../edit/ops";
import { positionsFor } from "../map/elements";
import { holdsOthers } from "../map/rules";
import { requestRings } from "../layout/requestLayout";
import type { MapEditing, Op } from "./useMapDocument";

const PASTE_OFFSET = { x: 40, y: 40 };
/** How long to wait for the canvas to finish moving into the rings before framing them. */
const ARRIVAL_LIMIT_MS = 2000;

type Context = {
  snapshot: MapSnapshot;
  view: View;
  selection: string[];
  editing: MapEditing;
  canvas: RefObject<CanvasHandle | null>;
  /** Called with the ids of elements an edit created, to select them (and rename a single new one). */
  onCreated(ids: string[], rename: boolean): void;
  /**
   * Called with the elements a drop put into (or took out of) a group, to select them once the
   * canvas shows them there: the inspector's "Inside" then confirms where they went.
   */
  onNested(nested: { child: string; parent: string | null }[]): void;
};

export type EditCommands = ReturnType<typeof useEditCommands>;

type Now = () => Context;
type Basics = ReturnType<typeof editBasics>;

export function useEditCommands(context: Context) {
  const latest = useRef(context);
  latest.current = context;
  const clipboard = useRef<Clipping | null>(null);

  return useMemo(() => {
    const now = () => latest.current;
    const basics = editBasics(now);
    return {
      ...elementCommands(now, basics),
      ...clipboardCommands(now, basics, clipboard),
      ...historyAndLayoutCommands(now, basics),
    };
  }, []);
}

/** What every command builds on: sending an op, a Move, and what the selection is. */
function editBasics(now: Now) {
  /**
   * A Move for `moved`; the first move in a view that has no saved positions saves the whole
   * drawing, so the elements nobody touched stay where the layout put them.
   */
  const moveWith = (moved: Record<string, { x: number; y: number }>): Op => {
    const { snapshot, view, canvas } = now();
    const saved = positionsFor(snapshot, view);
    const all = saved.size === 0 ? { ...canvas.current?.positions(), ...moved } : moved;
    return moveOp(view, all);
  };

  const send = async (op: Op, onRefused?: () => void) => {
    const ok = await now().editing.apply(op);
    if (!ok) onRefused?.();
    return ok;
  };

  const groupOfSelection = (): string | null => {
    const { selection, snapshot } = now();
    if (selection.length !== 1) return null;
    const chosen = snapshot.elements.find((e) => e.id === selection[0]);
    return chosen && holdsOthers(chosen.kind) ? chosen.id : null;
  };

  /** The community the rings go around from the keyboard: the one selected element, if it is a community. */
  const selectedCommunity = (): string | null => {
    const { selection, snapshot } = now();
    if (selection.length !== 1) return null;
    return snapshot.elements.find((e) => e.id === selection[0] && e.kind === "community")?.id ?? null;
  };

  return { moveWith, send, groupOfSelection, selectedCommunity };
}

/** Adding, dropping, connecting, changing and deleting elements. */
function elementCommands(now: Now, { moveWith, send, groupOfSelection }: Basics) {
  return {
    /** Adds an element of `kind` at `at` (else where the pointer is); inside the selected group if one is. */
    async add(kind: ElementKind, at?: { x: number; y: number }) {
      const { canvas } = now();
      const place = at ?? canvas.current?.placeForNew() ?? { x: 0, y: 0 };
      const element = newElement(kind, groupOfSelection());
      if (await send({ op: "batch", ops: [{ op: "create_element", element }, moveWith({ [element.id]: place })] })) {
        now().onCreated([element.id], true);
      }
    },

    async drop(report: DropReport) {
      const ops: Op[] = [
        moveWith(report.positions),
        ...report.nest.map((n): Op => ({ op: "nest", child: n.child, parent: n.parent })),
      ];
      const ok = await send(ops.length === 1 ? ops[0] : { op: "batch", ops }, () => now().canvas.current?.restore());
      if (ok && report.nest.length > 0) now().onNested(report.nest);
    },

    async connect(source: string, target: string, choice: RelationChoice) {
      const { id, op } = connect(source, target, choice);
      if (await send(op)) now().onCreated([id], false);
    },

    async rename(element: MapElement, name: string) {
      const trimmed = name.trim();
      if (trimmed === "" || trimmed === element.name) return;
      await send({ op: "update_element", element: { ...element, name: trimmed } });
    },

    async updateElement(element: MapElement) {
      await send({ op: "update_element", element });
    },

    async updateRelation(relation: MapRelation) {
      await send({ op: "update_relation", relation });
    },

    async nest(child: string, parent: string | null) {
      await send({ op: "nest", child, parent });
    },

    async deleteSelected() {
      const { selection, snapshot } = now();
      const op = deleteSelection(selection, snapshot.elements, snapshot.relations);
      if (op) await send(op);
    },

  };
}

/** Copy, paste and duplicate, through a clipboard private to the window. */
function clipboardCommands(now: Now, { send }: Basics, clipboard: RefObject<Clipping | null>) {
  return {
    copy(): boolean {
      const { selection, snapshot, canvas } = now();
      clipboard.current = clip(selection, snapshot.elements, snapshot.relations, canvas.current?.positions() ?? {});
      return clipboard.current !== null;
    },

    async paste() {
      const clipping = clipboard.current;
      if (!clipping) return;
      const { view, snapshot } = now();
      const existing = new Set(snapshot.elements.map((e) => e.id));
      const { ids, op } = paste(clipping, view, PASTE_OFFSET, existing);
      if (await send(op)) {
        now().onCreated(ids, false);
        // The next paste lands a step further on, not on top of this one.
        clipboard.current = { ...clipping, positions: shifted(clipping.positions) };
      }
    },

    async duplicate() {
      const { selection, snapshot, canvas, view } = now();
      const clipping = clip(selection, snapshot.elements, snapshot.relations, canvas.current?.positions() ?? {});
      if (!clipping) return;
      const { ids, op } = paste(clipping, view, PASTE_OFFSET, new Set(snapshot.elements.map((e) => e.id)));
      if (await send(op)) now().onCreated(ids, false);
    },

    canPaste: () => clipboard.current !== null,

  };
}

/** Undo, redo and the arrangements kept as one undoable Move. */
function historyAndLayoutCommands(now: Now, { moveWith, send, selectedCommunity }: Basics) {
  return {
    async undo() {
      if (now().snapshot.can_undo) await now().editing.undo();
    },

    async redo() {
      if (now().snapshot.can_redo) await now().editing.redo();
    },

    /**
     * Arranges the network in rings around a community (layout/rings.ts, computed in the layout
     * worker: on a big map it takes a moment) and keeps it: one undoable Move. The canvas
     * animates to the new snapshot as after any move; once everything has arrived, the rings are
     * framed, since they may reach past the view (the whole map would often be too far out to
     * read). Returns whether the gesture applies: a community, in the network view.
     */
    arrangeInRings(centre: string | null = selectedCommunity()): boolean {
      const { snapshot, view, canvas } = now();
      const handle = canvas.current;
      if (view !== "network" || centre === null || !handle) return false;
      const work = { centre, snapshot, positions: handle.positions() };
      void requestRings(work).then(async ({ positions, home, rings }) => {
        // An edit that landed while the worker was busy makes these rings stale: drop them.
        if (Object.keys(positions).length === 0 || now().snapshot !== snapshot) return;
        if (await send(moveWith(positions))) frameOnArrival(canvas, positions, [home!, ...rings.flatMap((r) => r.blocks)]);
      }, () => undefined); // A failed computation leaves the map as it was.
      return true;
    },

    /** Lays the view out afresh and keeps the result: one undoable Move. */
    async tidy() {
      const { canvas, view } = now();
      const positions = await canvas.current?.relayout();
      if (positions) await send(moveOp(view, positions));
    },
  };
}

/** Frames `framed` once the canvas has moved everything to `positions` (or after a time limit). */
function frameOnArrival(canvas: RefObject<CanvasHandle | null>, positions: Record<string, { x: number; y: number }>, framed: string[]): void {
  const started = performance.now();
  const check = () => {
    const handle = canvas.current;
    if (!handle) return;
    const now = handle.positions();
    const arrived = Object.entries(positions).every(([id, p]) => !now[id] || (Math.abs(now[id].x - p.x) < 1 && Math.abs(now[id].y - p.y) < 1));
    if (arrived || performance.now() - started > ARRIVAL_LIMIT_MS) handle.frame(framed);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function shifted(positions: Clipping["positions"]): Clipping["positions"] {
  return Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: p.x + PASTE_OFFSET.x, y: p.y + PASTE_OFFSET.y }]));
}
