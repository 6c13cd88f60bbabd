// The side panel's scenes: the map's stories in order, each headed by its name. Save what is on
// screen as a scene, rename, put in a story, reorder (drag, or the arrows), delete — every change an
// undoable op — show one (and leave it), or present all or one story.
import { Fragment, useEffect, useState } from "react";
import type { MapSnapshot } from "../map/types";
import { commands } from "../bindings";
import type { MapEditing } from "../state/useMapDocument";
import { newId } from "../edit/ids";
import { moveBy, moveOnto, nextTitle, sceneFrom, storiesOf, storyOpenedAt, type Scene } from "./sceneLogic";
import { leaveScene, sceneShown, showScene, type SceneControls } from "./showScene";
import { monthWords } from "../time/moments";
import "./scenes.css";

type Props = {
  snapshot: MapSnapshot;
  editing: MapEditing;
  controls: SceneControls;
  selection: string[];
  onPresent(index: number, story?: string | null): void;
};

export function ScenesPanel({ snapshot, editing, controls, selection, onPresent }: Props) {
  const [open, setOpen] = useState(true);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [notesOf, setNotesOf] = useState<string | null>(null);
  // A comparison scene swaps this panel for the change list; back here, the scene is still shown.
  const [shown, setShown] = useState<string | null>(() => sceneShown(controls.canvas)?.id ?? null);
  const show = (scene: Scene) => {
    setShown(scene.id);
    void showScene(scene, controls);
  };
  const leave = () => {
    setShown(null);
    void leaveScene(controls);
  };
  const lensNames = useLensNames();
  const scenes: Scene[] = snapshot.scenes ?? [];
  const save = () => void editing.apply({ op: "add_scene", scene: sceneOnScreen(snapshot, controls, selection, scenes), at: null });
  const run = (op: ReturnType<typeof moveBy>) => op && void editing.apply(op);
  const scenarioNames = Object.fromEntries(snapshot.scenarios.map((s) => [s.id, s.name]));
  const row = { scenes, editing, run, show, onPresent, lensNames, scenarioNames, renaming, setRenaming, dragging, setDragging, notesOf, setNotesOf };
  const stories = storiesOf(scenes);

  return (
    <section className="panel scenes-panel" data-testid="scenes-panel" aria-label="Scenes">
      <button className="panel-heading" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="scenes-toggle">
        <span>Scenes {scenes.length > 0 && <span className="count">{scenes.length}</span>}</span>
        <span className="chevron" aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      {open && (
        <div className="scenes-body">
          <div className="scenes-actions">
            <button className="tool-button" onClick={save} data-testid="scene-save" title="Save the view, moment, lens and selection on screen as a scene">
              + Save current view as scene
            </button>
            <button className="tool-button" disabled={scenes.length === 0} onClick={() => onPresent(0)} data-testid="scenes-present" title="Present from the first scene (F5)">
              ▶ Present
            </button>
            {shown !== null && (
              <button className="tool-button" onClick={leave} data-testid="scene-leave" title="Back to the map as it was before the scene">
                ✕ Leave scene
              </button>
            )}
          </div>
          {scenes.length === 0 && <p className="hint-text">No scenes yet: frame the map, pick a lens, select what matters, then save.</p>}
          <ol className="scene-list" data-testid="scene-list">
            {scenes.map((scene, i) => {
              const story = storyOpenedAt(scenes, i);
              return (
                <Fragment key={scene.id}>
                  {story !== null && <StoryHeading story={story} n={stories.indexOf(story)} onPresent={() => onPresent(0, story)} />}
                  <SceneRow scene={scene} i={i} {...row} />
                </Fragment>
              );
            })}
          </ol>
          <datalist id="scene-stories">
            {stories.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      )}
    </section>
  );
}

/** The name of a story over its scenes, with a button that presents that story alone. */
function StoryHeading({ story, n, onPresent }: { story: string; n: number; onPresent(): void }) {
  return (
    <li className="story-heading" data-testid={`story-${n}`}>
      <span className="story-name">{story}</span>
      <button className="icon-button" aria-label={`Present the story “${story}”`} title="Present this story" onClick={onPresent} data-testid={`story-present-${n}`}>
        ▶
      </button>
    </li>
  );
}

/** The lenses' names by id, for the scene list's captions. */
function useLensNames(): Record<string, string> {
  const [lensNames, setLensNames] = useState<Record<string, string>>({});
  useEffect(() => {
    commands
      .lenses()
      .then((all) => setLensNames(Object.fromEntries(all.map((l) => [l.id, l.name]))))
      .catch(() => undefined);
  }, []);
  return lensNames;
}

/** A new scene of what is on screen: the view, its frame, the lens and the selection. */
function sceneOnScreen(snapshot: MapSnapshot, controls: SceneControls, selection: string[], scenes: Scene[]): Scene {
  const cy = controls.canvas.cy();
  const extent = cy?.extent();
  const elementIds = new Set(snapshot.elements.map((e) => e.id));
  return sceneFrom({
    id: newId(),
    title: nextTitle(scenes),
    scenario: controls.comparison?.from ?? snapshot.scenario,
    view: controls.view,
    viewport: controls.comparison ? null : extent ? { x1: extent.x1, y1: extent.y1, w: extent.w, h: extent.h } : null,
    lens: controls.comparison ? null : controls.lens,
    focus: controls.comparison ? [] : selection.filter((id) => elementIds.has(id)),
    time: controls.moment,
    compare: controls.comparison ? { with: controls.comparison.to, mode: controls.comparison.mode } : null,
  });
}

type RowProps = {
  scene: Scene;
  i: number;
  scenes: Scene[];
  editing: MapEditing;
  run(op: ReturnType<typeof moveBy>): void;
  show(scene: Scene): void;
  onPresent(index: number, story?: string | null): void;
  lensNames: Record<string, string>;
  /** Each scenario's name by id: a scene says which scenario it shows. */
  scenarioNames: Record<string, string>;
  renaming: string | null;
  setRenaming(id: string | null): void;
  dragging: string | null;
  setDragging(id: string | null): void;
  notesOf: string | null;
  setNotesOf(id: string | null): void;
};

/** One scene in the list: dragged to reorder, its title (or the box renaming it), tools, notes. */
function SceneRow(props: RowProps) {
  const { scene, i, scenes, editing, run, renaming, dragging, setDragging, notesOf } = props;
  return (
    <li
      className={`scene-row ${dragging === scene.id ? "dragging" : ""}`}
      draggable={renaming !== scene.id}
      onDragStart={(e) => {
        setDragging(scene.id);
        e.dataTransfer.setData("text/x-murmuration-scene", scene.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      onDragEnd={() => setDragging(null)}
      onDragOver={(e) => dragging && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const id = e.dataTransfer.getData("text/x-murmuration-scene") || dragging;
        setDragging(null);
        if (id) run(moveOnto(scenes, id, scene.id));
      }}
      data-testid={`scene-${i}`}
    >
      <span className="scene-number">{i + 1}</span>
      <SceneTitle {...props} />
      <SceneTools {...props} />
      {notesOf === scene.id && (
        <>
          <textarea
            className="scene-notes"
            defaultValue={scene.notes}
            placeholder="What you will say over this scene"
            aria-label="Speaker notes"
            rows={3}
            data-testid={`scene-notes-input-${i}`}
            onBlur={(e) => {
              if (e.target.value !== scene.notes) void editing.apply({ op: "update_scene", scene: { ...scene, notes: e.target.value } });
            }}
          />
          <label className="scene-story">
            Story
            <input
              list="scene-stories"
              defaultValue={scene.story ?? ""}
              placeholder="e.g. The purchasing bottleneck"
              data-testid={`scene-story-input-${i}`}
              onKeyDown={(e) => e.key === "Enter" && (e.target as HTMLInputElement).blur()}
              onBlur={(e) => {
                const story = e.target.value.trim();
                if (story !== (scene.story ?? "")) void editing.apply({ op: "update_scene", scene: withStory(scene, story) });
              }}
            />
          </label>
        </>
      )}
    </li>
  );
}

function SceneTitle({ scene, i, editing, show, lensNames, scenarioNames, renaming, setRenaming }: RowProps) {
  return renaming === scene.id ? (
    <input
      className="scene-title-input"
      autoFocus
      defaultValue={scene.title}
      data-testid={`scene-title-input-${i}`}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
        if (e.key === "Escape") setRenaming(null);
      }}
      onBlur={(e) => {
        const title = e.target.value.trim();
        setRenaming(null);
        if (title && title !== scene.title) void editing.apply({ op: "update_scene", scene: { ...scene, title } });
      }}
    />
  ) : (
    <button className="scene-title" onClick={() => show(scene)} onDoubleClick={() => setRenaming(scene.id)} title="Show this scene (double-click to rename)" data-testid={`scene-show-${i}`}>
      {scene.title}
      <span className="scene-meta" data-testid={`scene-meta-${i}`}>{scenarioNames[scene.scenario] ?? scene.scenario} · {scene.view === "org_chart" ? "Org chart" : "Network"}{scene.time ? ` · ${monthWords(scene.time)}` : ""}{scene.lens ? ` · ${lensNames[scene.lens] ?? scene.lens}` : ""}{scene.notes ? " · notes" : ""}</span>
    </button>
  );
}

function SceneTools({ scene, i, scenes, editing, run, onPresent, setRenaming, notesOf, setNotesOf }: RowProps) {
  return (
    <span className="scene-tools">
      <button className="icon-button" aria-label="Rename" title="Rename" onClick={() => setRenaming(scene.id)} data-testid={`scene-rename-${i}`}>✎</button>
      <button className="icon-button" aria-label="Speaker notes" title="Speaker notes" aria-pressed={notesOf === scene.id} onClick={() => setNotesOf(notesOf === scene.id ? null : scene.id)} data-testid={`scene-notes-${i}`}>¶</button>
      <button className="icon-button" aria-label="Move up" title="Move up" disabled={i === 0} onClick={() => run(moveBy(scenes, scene.id, -1))} data-testid={`scene-up-${i}`}>↑</button>
      <button className="icon-button" aria-label="Move down" title="Move down" disabled={i === scenes.length - 1} onClick={() => run(moveBy(scenes, scene.id, 1))} data-testid={`scene-down-${i}`}>↓</button>
      <button className="icon-button" aria-label="Present from here" title="Present from here" onClick={() => onPresent(i)} data-testid={`scene-present-${i}`}>▶</button>
      <button className="icon-button" aria-label="Delete" title="Delete" onClick={() => void editing.apply({ op: "delete_scene", id: scene.id })} data-testid={`scene-delete-${i}`}>✕</button>
    </span>
  );
}

/** The scene in `story`; an empty name takes it out of any story. */
function withStory(scene: Scene, story: string): Scene {
  const { story: _left, ...rest } = scene;
  return story ? { ...rest, story } : rest;
}
