// The lens switched on, the core's figures and paint for it, and the background refinement of
// betweenness on big maps (progress, then the exact view replacing the estimate).
//
// Figures are asked for only while they are shown: a lens is on, or the metrics panel is open.
// Otherwise an edit asks the core for nothing (it would analyse the whole map for each edit); the
// shell keeps figures per map, generation and scenario, so opening the panel again after no edit
// analyses nothing either.
import { useCallback, useEffect, useRef, useState } from "react";
import { useCanvasController, useCanvasCy } from "../canvas/controller";
import { commands, events, type AnalysisProgress, type LensChoice, type LensPaint, type LensView_Serialize } from "../bindings";
import type { MapSnapshot } from "../map/types";
import { followLens } from "./lensLayer";
import { shownError } from "../state/errors";

export type LensState = {
  lenses: LensChoice[];
  lens: string | null;
  setLens(lens: string | null): void;
  /**
   * Puts `lens` in the picker and paints `paint` — a scene's lens, as the core's view answer
   * painted it — until the user picks a lens.
   */
  showPaint(lens: string | null, paint: LensPaint | null): void;
  view: LensView_Serialize | null;
  progress: AnalysisProgress | null;
  error: string | null;
  /** The moment the figures describe (null: all dates). */
  moment: string | null;
  /** Whether the metrics panel (the side panel's lens section) is open. */
  metricsOpen: boolean;
  setMetricsOpen(open: boolean): void;
};

/** How long the moment must rest before the figures are asked for it (a drag passes many). */
const MOMENT_SETTLES_MS = 250;

export function useLens(snapshot: MapSnapshot, momentOnScreen: string | null = null): LensState {
  const moment = useSettled(momentOnScreen, MOMENT_SETTLES_MS);
  const [lenses, setLenses] = useState<LensChoice[]>([]);
  const { lens, given, setLens, showPaint, metricsOpen, setMetricsOpen } = useLensChoice();
  const cy = useCanvasCy();

  useEffect(() => {
    commands.lenses().then(setLenses).catch(() => setLenses([]));
  }, []);

  const { view, progress, error } = useLensFigures(lens, snapshot, moment, lens !== null || metricsOpen);

  const paint = given ? given.paint : lens && view ? view.paint : null;
  useEffect(() => {
    if (!cy) return;
    return followLens(cy, paint);
  }, [cy, paint]);

  return { lenses, lens, setLens, showPaint, view, progress, error, moment, metricsOpen, setMetricsOpen };
}

/** `value`, once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The lens in the picker, a scene's paint shown instead of its own, and whether the metrics panel is open. */
function useLensChoice() {
  const [lens, setChosen] = useState<string | null>(null);
  // A scene's paint, drawn instead of the lens view's own while the scene is shown.
  const [given, setGiven] = useState<{ paint: LensPaint | null } | null>(null);
  // Closed until wanted: with no lens on and the panel closed, an edit asks for no analysis.
  // Switching a lens on opens it, so the lens's caption and legend are in view.
  const [metricsOpen, setMetricsOpen] = useState(false);
  const setLens = useCallback((next: string | null) => {
    setGiven(null);
    setChosen(next);
    if (next !== null) setMetricsOpen(true);
  }, []);
  const showPaint = useCallback((next: string | null, paint: LensPaint | null) => {
    setGiven({ paint });
    setChosen(next);
    if (next !== null) setMetricsOpen(true);
  }, []);
  return { lens, given, setLens, showPaint, metricsOpen, setMetricsOpen };
}

/**
 * The core's figures for `lens` once the map is drawn, while `wanted`; then the background
 * refinement's progress and exact view for the same generation.
 */
function useLensFigures(lens: string | null, snapshot: MapSnapshot, moment: string | null, wanted: boolean) {
  const [view, setView] = useState<LensView_Serialize | null>(null);
  const [progress, setProgress] = useState<AnalysisProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef<number | null>(null);
  const controller = useCanvasController();

  useEffect(() => {
    if (!wanted) {
      // Figures not shown go stale with the next edit: dropped, and asked for again when wanted.
      generation.current = null;
      setView(null);
      setProgress(null);
      return;
    }
    let cancelled = false;
    controller
      .mapDrawn()
      .then(() => (cancelled ? null : commands.lensView(lens, moment)))
      .then((answer) => {
        if (cancelled || answer === null) return;
        if (answer.status === "error") {
          setError(answer.error.message);
          return;
        }
        setError(null);
        generation.current = answer.data.generation;
        setView(answer.data);
        setProgress(null);
      })
      .catch((e: unknown) => !cancelled && setError(shownError(e).text));
    return () => {
      cancelled = true;
    };
  }, [controller, lens, snapshot, moment, wanted]);

  useEffect(() => {
    const stops: (() => void)[] = [];
    let dead = false;
    const keep = (p: Promise<() => void>) =>
      p.then((stop) => (dead ? stop() : stops.push(stop))).catch(() => undefined);
    keep(
      events.analysisProgress.listen((e) => {
        if (e.payload.generation === generation.current) setProgress(e.payload.done >= e.payload.total ? null : e.payload);
      }),
    );
    keep(
      events.lensRefined.listen((e) => {
        if (e.payload.view.generation === generation.current) {
          setView(e.payload.view);
          setProgress(null);
        }
      }),
    );
    return () => {
      dead = true;
      stops.forEach((s) => s());
    };
  }, []);

  return { view, progress, error };
}
