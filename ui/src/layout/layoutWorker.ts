// The layout worker: runs computeLayout off the window's thread. Force layouts start from random
// positions; seeding the worker's Math.random per request makes the same map come out the same way
// every time it opens (and in screenshots and end-to-end tests).
import { computeLayout, type LayoutRequest } from "./compute";

type Scope = {
  onmessage: ((event: MessageEvent<{ id: number; request: LayoutRequest }>) => void) | null;
  postMessage(message: unknown): void;
};
const scope = self as unknown as Scope;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

scope.onmessage = (event) => {
  const { id, request } = event.data;
  Math.random = seededRandom(20250101);
  try {
    scope.postMessage({ id, positions: computeLayout(request) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
