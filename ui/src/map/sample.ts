// Whether the open map is the built-in sample, which gets the first-run hint. The shell keeps the
// sample as a file of its own in the app's data folder, under this name (see src-tauri/src/window.rs);
// until the snapshot says so itself (ui/NEEDS.md), the file name is how the window can tell.
import type { MapSnapshot } from "./types";

const SAMPLE_FILE = "Riverside Unified.murm";

export function isBuiltInSample(snapshot: MapSnapshot): boolean {
  return snapshot.file_name === null || snapshot.file_name === SAMPLE_FILE;
}
