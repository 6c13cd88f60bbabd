// The compare view's state: which scenarios are compared and how, the core's comparison of them
// (asked again whenever the map changes while the view is open, so an adopted change or its undo
// shows at once), where its canvases put each element, and the change list's filter and ticks.
// Adopting goes to the core as one edit; its answer takes the road every edit takes.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ElementDefinition } from "cytoscape";
import { commands } from "../bindings";
import type { MapSnapshot, Vocabulary } from "../map/types";
import type { Positions } from "../layout/compute";
import type { MapEditing } from "../state/useMapDocument";
import { shownError } from "../state/errors";
import { arrangeUnion } from "./arrange";
import { markedDefinitions, savedPositions, type MarkLook } from "./marks";
import { KINDS, stillTicked } from "./changes";
import type { ChangeKind, CompareMode, Comparison } from "./types";

/** A comparison ready to draw: the core's answer, its canvases' definitions and where everything stands. */
export type CompareDrawing = {
  comparison: Comparison;
  overlay: ElementDefinition[];
  from: ElementDefinition[];
  to: ElementDefinition[];
  /** Where the overlay and the right-hand (`to`) canvas put each element. */
  positions: Positions;
  /** The left-hand (`from`) canvas: the same, but an element that moved stands in its old group. */
  fromPositions: Positions;
};

export type ComparisonState = {
  from: string;
  to: string;
  setFrom(id: string): void;
  setTo(id: string): void;
  mode: CompareMode;
  setMode(mode: CompareMode): void;
  drawing: CompareDrawing | null;
  /** The core's refusal to compare (an unknown scenario), in its words. */
  error: string | null;
  looks: MarkLook[];
  shownKinds: ReadonlySet<ChangeKind>;
  toggleKind(kind: ChangeKind): void;
  ticked: ReadonlySet<string>;
  tick(id: string, on: boolean): void;
  into: string;
  setInto(id: string): void;
  adopt(): Promise<boolean>;
  adopting: boolean;
  /** The core's refusal to adopt (each change that no longer applies, with why); nothing was applied. */
  refusal: string | null;
};

type Inputs = {
  active: boolean;
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  editing: MapEditing;
  /** Where the window's map canvas draws the network now, if it does (a head start for the layout). */
  seed(): Positions | null;
};

export function useComparison({ active, snapshot, vocabulary, editing, seed }: Inputs): ComparisonState {
  const scenarios = snapshot.scenarios;
  const [picked, setPicked] = useState<{ from?: string; to?: string; into?: string }>({});
  const known = (id: string | undefined) => (id && scenarios.some((s) => s.id === id) ? id : undefined);
  const from = known(picked.from) ?? scenarios[0]?.id ?? "";
  const to = known(picked.to) ?? scenarios[1]?.id ?? from;
  const into = known(picked.into) ?? from;
  const [mode, setMode] = useState<CompareMode>("overlay");
  const [shownKinds, setShownKinds] = useState<ReadonlySet<ChangeKind>>(() => new Set(KINDS.map((k) => k.kind)));
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [adopting, setAdopting] = useState(false);
  const { drawing, error } = useCompareDrawing(active, snapshot, from, to, seed);
  const looks = vocabulary.change_marks;

  // A refreshed comparison keeps only the ticks of changes it still holds.
  useEffect(() => {
    if (drawing) setTicked((now) => stillTicked(now, drawing.comparison.diff.changes));
  }, [drawing]);

  const adopt = useCallback(async () => {
    if (ticked.size === 0) return false;
    setAdopting(true);
    setRefusal(null);
    try {
      const answer = await commands.adoptChanges(from, to, [...ticked], into);
      if (answer.status === "error") {
        setRefusal(shownError(answer.error).text);
        return false;
      }
      editing.receive(answer.data);
      setTicked(new Set());
      return true;
    } finally {
      setAdopting(false);
    }
  }, [from, to, into, ticked, editing]);

  return {
    from,
    to,
    setFrom: (id) => setPicked((p) => ({ ...p, from: id })),
    setTo: (id) => setPicked((p) => ({ ...p, to: id })),
    mode,
    setMode,
    drawing,
    error,
    looks,
    shownKinds,
    toggleKind: (kind) =>
      setShownKinds((now) => {
        const next = new Set(now);
        if (!next.delete(kind)) next.add(kind);
        return next;
      }),
    ticked,
    tick: (id, on) =>
      setTicked((now) => {
        const next = new Set(now);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    into,
    setInto: (id) => setPicked((p) => ({ ...p, into: id })),
    adopt,
    adopting,
    refusal,
  };
}

/** Asks the core for the comparison while the view is open and the map or the pair changes, then arranges it. */
function useCompareDrawing(active: boolean, snapshot: MapSnapshot, from: string, to: string, seed: () => Positions | null) {
  const [drawing, setDrawing] = useState<CompareDrawing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);
  const remembered = useRef<Positions | null>(null);
  const seedNow = useRef(seed);
  seedNow.current = seed;
  const { document, generation } = snapshot;

  useEffect(() => {
    if (!active || !from || !to) return;
    const request = ++asked.current;
    const current = () => request === asked.current;
    void commands
      .compareScenarios(from, to)
      .then(async (answer) => {
        if (!current()) return;
        mark("compare-answered");
        if (answer.status === "error") {
          setError(shownError(answer.error).text);
          setDrawing(null);
          return;
        }
        const next = await drawingOf(answer.data, remembered.current, seedNow.current());
        if (!current()) return;
        mark("compare-arranged");
        remembered.current = { ...remembered.current, ...next.positions };
        setError(null);
        setDrawing(next);
      })
      .catch((e: unknown) => current() && setError(shownError(e).text));
  }, [active, document, generation, from, to]);

  return { drawing: active ? drawing : null, error };
}

/** The steps of opening a comparison, for the benchmark (docs/benchmarks.md); the latest of each is kept. */
function mark(name: string) {
  performance.clearMarks(`murmuration:${name}`);
  performance.mark(`murmuration:${name}`);
}

async function drawingOf(comparison: Comparison, remembered: Positions | null, seed: Positions | null): Promise<CompareDrawing> {
  const { overlay } = comparison;
  const overlayDefinitions = markedDefinitions(overlay.snapshot, overlay.marks, overlay.moved);
  const { to: positions, from: fromPositions } = await arrangeUnion(overlayDefinitions, overlay.moved, savedPositions(overlay.snapshot), remembered, seed);
  return {
    fromPositions,
    comparison,
    overlay: overlayDefinitions,
    from: markedDefinitions(comparison.from, overlay.marks, null),
    to: markedDefinitions(comparison.to, overlay.marks, null),
    positions,
  };
}
