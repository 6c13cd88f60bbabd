// Whether the open map is the built-in sample, which gets the first-run hint. Only the shell knows
// where it keeps the sample (a file of its own in the app's data folder), so the snapshot says so;
// a map saved elsewhere under the sample's file name is the user's own.
import type { MapSnapshot } from "./types";

export function isBuiltInSample(snapshot: MapSnapshot): boolean {
  return snapshot.is_sample;
}
