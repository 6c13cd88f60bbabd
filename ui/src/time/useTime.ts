// The window's moment in time: the scenario's timeline from the core, the moment the scrubber
// stands on (null: all dates, the map as drawn), whether what has ended is ghosted, and replay.
// A moment is drawn through the core's view answer (commands.showView with the moment), the same
// answer scenes draw: only classes change on the canvas, never the layout. A dragged scrubber
// sends only the latest moment (moments.ts, Latest).
import { useCallback, useEffect, useRef, useState } from "react";
import { commands, type Timeline_Serialize as Timeline } from "../bindings";
import type { MapSnapshot, View } from "../map/types";
import type { CanvasController } from "../canvas/controller";
import { clearAnswer, drawAnswer } from "../scenes/sceneView";
import { requestOf, sceneShown } from "../scenes/showScene";
import { Latest, replaySteps, withGhosts, type Step } from "./moments";

export type Replay = { from: number; to: number; step: Step; speed: number };

export type TimeState = {
  timeline: Timeline | null;
  /** The moment on screen, a month of the timeline ("2021-04"); null shows all dates. */
  moment: string | null;
  ghost: boolean;
  setGhost(ghost: boolean): void;
  /** Moves the scrubber and draws the map as of `moment`. */
  moveTo(moment: string | null): void;
  /** Moves the scrubber to a moment already drawn (a scene's). */
  follow(moment: string | null): void;
  playing: "no" | "playing" | "paused";
  play(replay: Replay): void;
  pause(): void;
  stop(): void;
};

/** How long one step of a replay stays on screen at 1×. */
const STEP_MS: Record<Step, number> = { month: 350, year: 1000 };

type Draw = { moment: string | null; fade: boolean };

export function useTime(snapshot: MapSnapshot, view: View, controller: CanvasController, report: (error: unknown) => void): TimeState {
  const timeline = useTimeline(snapshot);
  const [moment, setMoment] = useState<string | null>(null);
  const [ghost, setGhost] = useState(false);
  const latest = useRef({ snapshot, view, ghost, moment, report });
  latest.current = { snapshot, view, ghost, moment, report };

  const [drawing] = useState(() => new Latest<Draw>((d) => drawMoment(d, controller, () => latest.current)));
  const moveTo = useCallback(
    (next: string | null, fade = false) => {
      setMoment(next);
      latest.current.moment = next;
      return drawing.send({ moment: next, fade });
    },
    [drawing],
  );

  // An edit, another view or the ghost toggle: the moment drawn again on what is now on screen. A
  // scene shown draws itself (it switches the view, then draws its own moment).
  useEffect(() => {
    if (latest.current.moment !== null && !sceneShown(controller)) void drawing.send({ moment: latest.current.moment, fade: false });
  }, [drawing, controller, snapshot, view, ghost]);

  const replay = useReplay(timeline, moveTo);
  return {
    timeline,
    moment,
    ghost,
    setGhost,
    moveTo: (m) => {
      replay.stop();
      void moveTo(m);
    },
    follow: (m) => {
      setMoment(m);
      latest.current.moment = m;
    },
    ...replay,
  };
}

/** The timeline of the scenario on screen, asked for again after each change. */
function useTimeline(snapshot: MapSnapshot): Timeline | null {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  useEffect(() => {
    let cancelled = false;
    commands
      .timeline()
      .then((reply) => !cancelled && reply.status === "ok" && setTimeline(reply.data))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [snapshot]);
  return timeline;
}

type Now = { snapshot: MapSnapshot; view: View; ghost: boolean; moment: string | null; report(error: unknown): void };

/** Draws the map as of `moment` (through the scene shown, if one is, keeping its filters and focus). */
async function drawMoment({ moment, fade }: Draw, controller: CanvasController, current: () => Now): Promise<void> {
  const now = current();
  const cy = await controller.viewShown(now.view);
  const scene = sceneShown(controller);
  if (moment === null && !scene) {
    clearAnswer(cy);
    delete document.body.dataset.timeShown;
    return;
  }
  const base = scene ? { ...requestOf(scene), lens: null } : { scenario: now.snapshot.scenario, view: now.view, lens: null, filters: {} };
  const reply = await commands.showView({ ...base, view: now.view, moment });
  if (reply.status === "error") {
    now.report(reply.error);
    return;
  }
  // Overtaken: another scene, a moment a scene drew since, another scenario on screen.
  if (sceneShown(controller) !== scene || current().moment !== moment || cy.destroyed() || reply.data.answer.scenario !== current().snapshot.scenario) return;
  // Marks for the canvas benchmark (tests/bench/scrub_time.js): the answer in, the canvas has it.
  performance.mark("murmuration:time-answered");
  drawAnswer(cy, withGhosts(reply.data.answer, now.ghost), { fade });
  performance.mark("murmuration:time-drawn");
  // Said on the page for tests that wait, like `mapReady` (canvas/testHook.ts).
  document.body.dataset.timeShown = moment ?? "all";
}

/** Replay: steps from one month to another, each drawn with arrivals and departures fading. */
function useReplay(timeline: Timeline | null, moveTo: (moment: string | null, fade: boolean) => Promise<void>) {
  const [playing, setPlaying] = useState<TimeState["playing"]>("no");
  const run = useRef<{ cancelled: boolean; paused: boolean; resume?: () => void } | null>(null);

  const stop = useCallback(() => {
    const r = run.current;
    if (!r) return;
    r.cancelled = true;
    r.resume?.();
    run.current = null;
    setPlaying("no");
  }, []);

  const play = useCallback(
    ({ from, to, step, speed }: Replay) => {
      if (!timeline) return;
      const paused = run.current;
      if (paused?.paused) {
        paused.paused = false;
        paused.resume?.();
        setPlaying("playing");
        return;
      }
      stop();
      const r: { cancelled: boolean; paused: boolean; resume?: () => void } = { cancelled: false, paused: false };
      run.current = r;
      setPlaying("playing");
      const months = timeline.months;
      void (async () => {
        for (const i of replaySteps(from, to, step)) {
          while (r.paused && !r.cancelled) await new Promise<void>((resolve) => (r.resume = resolve));
          if (r.cancelled) return;
          const started = performance.now();
          await moveTo(months[i] ?? null, true);
          const left = STEP_MS[step] / speed - (performance.now() - started);
          if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
        }
        if (run.current === r) {
          run.current = null;
          setPlaying("no");
        }
      })();
    },
    [timeline, moveTo, stop],
  );

  const pause = useCallback(() => {
    if (!run.current) return;
    run.current.paused = true;
    setPlaying("paused");
  }, []);

  return { playing, play, pause, stop };
}
