// The pure parts of scenes: a new scene from what is on screen, reordering, and the pan and zoom
// that fit a scene's viewport rectangle (model coordinates) into a canvas of any size.
import type { CompareMode, Op_Deserialize, Scene_Serialize, Viewport } from "../bindings";
import type { View } from "../map/types";

export type Scene = Scene_Serialize;

export type Captured = {
  id: string;
  title: string;
  scenario: string;
  view: View;
  viewport: { x1: number; y1: number; w: number; h: number } | null;
  lens: string | null;
  focus: string[];
  /** The time scrubber's moment; null shows all dates. */
  time: string | null;
  /** The comparison on screen, if the compare view is open: the scene compares `scenario` with it. */
  compare?: { with: string; mode: CompareMode } | null;
};

export function sceneFrom(c: Captured): Scene {
  return {
    id: c.id,
    title: c.title,
    notes: "",
    scenario: c.scenario,
    view: c.view,
    viewport: c.viewport && c.viewport.w > 0 && c.viewport.h > 0 ? { x: c.viewport.x1, y: c.viewport.y1, width: c.viewport.w, height: c.viewport.h } : null,
    lens: c.lens,
    filters: { hidden_element_kinds: [], hidden_relation_kinds: [], hidden_media: [], focus: c.focus },
    time: c.time,
    ...(c.compare ? { compare: c.compare } : {}),
  };
}

/** The story scene `i` opens: its own, when the scene before belongs to another (or none). */
export function storyOpenedAt(scenes: Scene[], i: number): string | null {
  const story = scenes[i]?.story ?? null;
  return story !== null && (i === 0 || (scenes[i - 1].story ?? null) !== story) ? story : null;
}

/** The scenes of `story` in the deck's order; every scene when `story` is null. */
export function storyScenes(scenes: Scene[], story: string | null): Scene[] {
  return story === null ? scenes : scenes.filter((s) => s.story === story);
}

/** The map's stories, each once, in deck order (the Export dialog's choices). */
export function storiesOf(scenes: { story?: string | null }[]): string[] {
  return [...new Set(scenes.flatMap((s) => (s.story ? [s.story] : [])))];
}

/** "Scene 3", or the next free number when that title is taken. */
export function nextTitle(scenes: { title: string }[]): string {
  const taken = new Set(scenes.map((s) => s.title));
  let n = scenes.length + 1;
  while (taken.has(`Scene ${n}`)) n++;
  return `Scene ${n}`;
}

/** The op that moves scene `id` by `delta` places, or null at either end. */
export function moveBy(scenes: { id: string }[], id: string, delta: number): Op_Deserialize | null {
  const from = scenes.findIndex((s) => s.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= scenes.length) return null;
  return { op: "move_scene", id, to };
}

/** The op for dropping scene `id` onto the place of scene `onto`. */
export function moveOnto(scenes: { id: string }[], id: string, onto: string): Op_Deserialize | null {
  const from = scenes.findIndex((s) => s.id === id);
  const to = scenes.findIndex((s) => s.id === onto);
  if (from < 0 || to < 0 || from === to) return null;
  return { op: "move_scene", id, to };
}

/** What the core would do with move_scene, for a local preview and for tests. */
export function applyMove<T extends { id: string }>(scenes: T[], id: string, to: number): T[] {
  const from = scenes.findIndex((s) => s.id === id);
  if (from < 0) return scenes;
  const out = scenes.slice();
  const [moved] = out.splice(from, 1);
  out.splice(Math.min(Math.max(to, 0), out.length), 0, moved);
  return out;
}

/** Zoom and pan that show `rect` whole and centred in a canvas of `width` × `height` pixels. */
export function fitRect(rect: Viewport, width: number, height: number, padding = 0): { zoom: number; pan: { x: number; y: number } } | null {
  const { x, y, width: w, height: h } = rect;
  if (x == null || y == null || !w || !h || w <= 0 || h <= 0 || width <= 0 || height <= 0) return null;
  const zoom = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const cx = x + w / 2;
  const cy = y + h / 2;
  return { zoom, pan: { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom } };
}

/** A scene brought forward on one or two elements is not blown up past this: it stays a map. */
const MOST_SCENE_ZOOM = 1.4;
/** Room kept under a framed scene for the caption laid over the canvas's foot. */
const CAPTION_ROOM = 90;

/**
 * The zoom and pan that frame `box` (model coordinates) in a canvas of `width` × `height`: 40 px of
 * margin, the caption's room kept free at the foot, never closer than MOST_SCENE_ZOOM.
 */
export function frameAround(box: { x1: number; y1: number; w: number; h: number }, width: number, height: number, minZoom: number, maxZoom: number) {
  const margin = 40;
  const room = { w: Math.max(width - 2 * margin, 1), h: Math.max(height - margin - Math.min(CAPTION_ROOM, height / 4), 1) };
  const fit = Math.min(room.w / Math.max(box.w, 1), room.h / Math.max(box.h, 1), MOST_SCENE_ZOOM);
  const zoom = Math.min(Math.max(fit, minZoom), maxZoom);
  const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
  return { zoom, pan: { x: margin + room.w / 2 - centre.x * zoom, y: margin + room.h / 2 - centre.y * zoom } };
}
