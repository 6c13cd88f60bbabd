// The map by keyboard: the outline beside the canvas, the target picker for nesting and
// connecting, and moving the selection on the canvas (Tab in reading order, arrows to the nearest
// neighbour). The action table's rows call what this returns; it keeps no map of its own.
import { useRef, useState, type ReactNode, type RefObject } from "react";
import type { MapElement, MapSnapshot, View, Vocabulary } from "../map/types";
import type { CanvasHandle } from "../canvas/MapCanvas";
import type { EditCommands } from "../state/useEditCommands";
import { neighbourIn, stepInReadingOrder, type Direction } from "../canvas/readingOrder";
import { Outline, type OutlineHandle, type OutlineMove } from "./Outline";
import { TargetPicker, type PickMode } from "./TargetPicker";

export type KeyboardPlace = "canvas" | "outline" | null;

export type KeyboardMap = {
  outlineOpen: boolean;
  toggleOutline(): void;
  /** Where the keyboard focus is, for the actions that only apply there. */
  place(): KeyboardPlace;
  /** Whether Tab (1) or Shift+Tab (-1) has an element to go to on the canvas (else the focus leaves it). */
  canStep(step: 1 | -1): boolean;
  step(step: 1 | -1): void;
  go(move: OutlineMove): void;
  openInspector(): void;
  pick(mode: PickMode): void;
  /** Rename in the outline's row when the focus is there, else over the canvas. */
  rename(id: string): void;
};

type Inputs = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  view: View;
  selection: string[];
  canvas: RefObject<CanvasHandle | null>;
  edits: EditCommands;
  renameOnCanvas(id: string): void;
  /** Opens the relation chooser between two elements (the one the canvas's connect gesture opens). */
  chooseRelation(source: string, target: string, at: { x: number; y: number }): void;
};

const OUTLINE_KEY = "murmuration.outline";

export function useKeyboardMap(inputs: Inputs): { keyboard: KeyboardMap; outline: ReactNode; picker: ReactNode } {
  const { snapshot, vocabulary, selection, canvas, edits } = inputs;
  const [outlineOpen, setOutlineOpen] = useState(() => readFlag(OUTLINE_KEY));
  const [picking, setPicking] = useState<{ mode: PickMode; source: string; from: KeyboardPlace } | null>(null);
  const outlineRef = useRef<OutlineHandle>(null);
  const latest = useRef(inputs);
  latest.current = inputs;

  const place = (): KeyboardPlace => {
    const at = document.activeElement;
    if (outlineRef.current?.contains(at)) return "outline";
    return at instanceof HTMLElement && at.closest(".map-canvas") ? "canvas" : null;
  };
  const positions = () => canvas.current?.positions() ?? {};
  const selected = () => latest.current.selection[0] ?? null;
  const moveOnCanvas = (id: string | null) => {
    if (id) canvas.current?.focus(id);
  };
  const returnFocus = (from: KeyboardPlace) => {
    if (from === "outline") outlineRef.current?.focusActive();
    else document.querySelector<HTMLElement>(".map-canvas")?.focus();
  };

  const keyboard: KeyboardMap = {
    outlineOpen,
    toggleOutline() {
      const open = !outlineOpen;
      setOutlineOpen(open);
      writeFlag(OUTLINE_KEY, open);
      if (open) requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-testid='outline-filter']")?.focus());
    },
    place,
    canStep: (step) => stepInReadingOrder(positions(), selected(), step) !== null,
    step: (step) => moveOnCanvas(stepInReadingOrder(positions(), selected(), step)),
    go(move) {
      if (place() === "outline") outlineRef.current?.go(move);
      else if (move !== "first" && move !== "last" && selected()) moveOnCanvas(neighbourIn(positions(), selected()!, move as Direction));
    },
    openInspector() {
      const inspector = document.querySelector<HTMLElement>("[data-testid='inspector']");
      inspector?.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
    },
    pick(mode) {
      const source = selected();
      if (source) setPicking({ mode, source, from: place() });
    },
    rename(id) {
      if (place() === "outline") outlineRef.current?.rename(id);
      else latest.current.renameOnCanvas(id);
    },
  };

  const close = () => {
    const from = picking?.from ?? null;
    setPicking(null);
    requestAnimationFrame(() => returnFocus(from));
  };
  const onPick = (target: string) => {
    if (!picking) return;
    close();
    if (picking.mode === "nest") void edits.nest(picking.source, target);
    else latest.current.chooseRelation(picking.source, target, pointNear(canvas.current, target));
  };
  const outline = outlineOpen ? (
    <Outline
      ref={outlineRef}
      snapshot={snapshot}
      vocabulary={vocabulary}
      selection={selection}
      select={(id) => canvas.current?.select([id])}
      rename={(element: MapElement, name: string) => void edits.rename(element, name)}
    />
  ) : null;
  const picker = picking ? <TargetPicker snapshot={snapshot} vocabulary={vocabulary} source={picking.source} mode={picking.mode} onPick={onPick} onClose={close} /> : null;
  return { keyboard, outline, picker };
}

/** Where the relation chooser opens: beside the target on the canvas, else mid-window. */
function pointNear(canvas: CanvasHandle | null, id: string): { x: number; y: number } {
  const box = canvas?.clientBox(id);
  return box ? { x: box.left + box.width, y: box.top + box.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 3 };
}

/** A window preference kept in localStorage (not the map's truth); false when storage is unavailable. */
export function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === "true";
  } catch {
    return false;
  }
}

export function writeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // A window without storage forgets the preference; nothing else depends on it.
  }
}
