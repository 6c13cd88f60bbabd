// The layout worker: runs computeLayout (and the rings, rings.ts) off the window's thread. Force
// layouts start from random positions; seeding the worker's Math.random per request makes the same
// map come out the same way every time it opens (and in screenshots and end-to-end tests).
import { computeLayout, type LayoutRequest } from "./compute";
import { ringsInMap, type RingsWork } from "./rings";

type Message = { id: number; request: LayoutRequest } | { id: number; rings: RingsWork };

type Scope = {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
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
  const message = event.data;
  try {
    if ("rings" in message) {
      scope.postMessage({ id: message.id, arrangement: ringsInMap(message.rings) });
      return;
    }
    Math.random = seededRandom(20250101);
    scope.postMessage({ id: message.id, positions: computeLayout(message.request) });
  } catch (error) {
    scope.postMessage({ id: message.id, error: String(error) });
  }
};
