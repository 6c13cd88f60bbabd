// Asks the layout worker for a view's positions. One worker for the window's life; each request
// carries an id so a slow layout answered after a newer request can be recognised and dropped by
// the caller. Where workers are unavailable (unit tests), the layout runs in place.
import type { ElementDefinition } from "cytoscape";
import type { View } from "../map/types";
import type { Positions } from "./compute";

type Reply = { id: number; positions?: Positions; error?: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

function layoutWorker(): Worker | null {
  if (worker !== null || typeof Worker === "undefined") return worker;
  worker = new Worker(new URL("./layoutWorker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const { id, positions, error } = event.data;
    const waiting = pending.get(id);
    pending.delete(id);
    if (!waiting) return;
    if (positions) waiting.resolve(positions);
    else waiting.reject(new Error(error ?? "The layout failed."));
  };
  return worker;
}

export async function requestLayout(view: View, elements: ElementDefinition[]): Promise<Positions> {
  const target = layoutWorker();
  // Only what the layout reads crosses to the worker: ids, nesting, sizes, kinds, ends.
  const request = { view, elements: elements.map(layoutPart) };
  if (target === null) {
    const { computeLayout } = await import("./compute");
    return computeLayout(request);
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, request });
  });
}

function layoutPart(element: ElementDefinition): ElementDefinition {
  const d = element.data;
  if (element.group === "edges") {
    return { group: "edges", data: { id: d.id, source: d.source, target: d.target, kind: d.kind } };
  }
  return {
    group: "nodes",
    data: { id: d.id, parent: d.parent, kind: d.kind, h: d.h, layoutW: d.layoutW, layoutH: d.layoutH },
  };
}
