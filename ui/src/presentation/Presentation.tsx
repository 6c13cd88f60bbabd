// Presentation mode: the canvas alone, full screen where the system allows (else filling the
// window), stepping through the map's scenes with smooth moves; speaker notes on N, Esc leaves.
import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { Scene } from "../scenes/sceneLogic";
import { frameScene, leaveScene, showScene, type SceneControls } from "../scenes/showScene";
import { presentKey } from "./stepping";
import "./presentation.css";

type Props = {
  scenes: Scene[];
  /** The story presented, when only one is. */
  story?: string | null;
  start: number;
  controls: SceneControls;
  /** The shown scene's caption (its lens's), from the core's answer. */
  caption: string | null;
  onExit(): void;
};

type Latest = RefObject<{ index: number; scenes: Scene[]; controls: SceneControls; onExit(): void }>;

export function Presentation({ scenes, story = null, start, controls, caption, onExit }: Props) {
  const [index, setIndex] = useState(Math.min(start, Math.max(scenes.length - 1, 0)));
  const [notes, setNotes] = useState(false);
  const latest = useRef({ index, scenes, controls, onExit });
  latest.current = { index, scenes, controls, onExit };
  useFullScreen(latest);
  useShownStep(latest, index);
  usePresentationKeys(latest, setIndex, setNotes);

  const scene = scenes[index];
  return (
    <div className="presentation-hud" data-testid="presentation" role="dialog" aria-label="Presentation">
      <div className="presentation-bar">
        <button className="present-nav" onClick={() => setIndex(Math.max(index - 1, 0))} disabled={index === 0} aria-label="Previous scene" data-testid="present-prev">‹</button>
        <div className="presentation-title" data-testid="present-title">
          <strong>{scene?.title ?? "No scenes"}</strong>
          <span>
            {story ? `${story} · ` : ""}
            {scenes.length > 0 ? `${index + 1} / ${scenes.length}` : ""}
          </span>
        </div>
        <button className="present-nav" onClick={() => setIndex(Math.min(index + 1, scenes.length - 1))} disabled={index >= scenes.length - 1} aria-label="Next scene" data-testid="present-next">›</button>
        <button className="present-small" onClick={() => setNotes(!notes)} aria-pressed={notes} data-testid="present-notes-toggle" title="Speaker notes (N)">Notes</button>
        <button className="present-small" onClick={onExit} data-testid="present-exit" title="Leave (Esc)">Esc</button>
      </div>
      {caption && (
        <div className="presentation-caption" data-testid="present-caption">
          {caption}
        </div>
      )}
      {notes && (
        <div className="presentation-notes" data-testid="present-notes">
          {scene?.notes ? scene.notes : <em>No notes for this scene.</em>}
        </div>
      )}
    </div>
  );
}

function useFullScreen(latest: Latest) {
  const entered = useRef(false);

  // Enter: hide the chrome, go full screen (a full-window canvas when that is refused).
  useEffect(() => {
    document.body.classList.add("presenting");
    const root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root
        .requestFullscreen()
        .then(() => (entered.current = true))
        .catch(() => undefined);
    }
    const onFullscreen = () => {
      if (entered.current && !document.fullscreenElement) latest.current.onExit();
    };
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      document.removeEventListener("fullscreenchange", onFullscreen);
      document.body.classList.remove("presenting");
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      const { canvas } = latest.current.controls;
      // Back to the scenario, view and lens the coach left for the presentation.
      void leaveScene(latest.current.controls);
      requestAnimationFrame(() => canvas.cy()?.resize());
    };
  }, []);
}

function useShownStep(latest: Latest, index: number) {
  // Each step: what the core says the scene shows, framed on the canvas as it is now (the chrome
  // just hidden); framed again when the canvas takes a new size (full screen arriving).
  useEffect(() => {
    const scene = latest.current.scenes[index];
    if (!scene) return;
    const { canvas } = latest.current.controls;
    canvas.cy()?.resize();
    let drawn = false;
    void showScene(scene, latest.current.controls).then((answer) => (drawn = answer !== null));
    return canvas.onResize(() => {
      const cy = canvas.cy();
      if (drawn && cy) frameScene(cy, scene);
    });
  }, [index]);
}

/** Every key belongs to the presentation while it runs: arrows step, N toggles notes, Esc leaves. */
function usePresentationKeys(latest: Latest, setIndex: (index: number) => void, setNotes: Dispatch<SetStateAction<boolean>>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { index: now, scenes: all } = latest.current;
      const action = presentKey(event.key, now, all.length, event.shiftKey);
      // Every key belongs to the presentation while it runs: none reaches the editor's shortcuts.
      event.stopPropagation();
      if (action === null) return;
      event.preventDefault();
      if (action.type === "go") setIndex(action.index);
      else if (action.type === "notes") setNotes((n) => !n);
      else latest.current.onExit();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
