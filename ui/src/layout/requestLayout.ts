// Asks for a view's positions: the org chart's from the core (the layout its export draws, so
// screen and paper agree), the network's from the layout worker; or for rings around a community.
// One worker at a time, let go once idle: its own JavaScript heap and copy of the layout code hold
// ~60 MiB of the window's memory, and layouts come in bursts (a map opened, a view switched). Each
// request carries an id so a slow layout answered after a newer request can be recognised and
// dropped by the caller. Where workers are unavailable (unit tests), the
// work runs in place.
import type { ElementDefinition } from "cytoscape";
import { commands, type ChartRoute } from "../bindings";
import type { View } from "../map/types";
import type { Positions } from "./compute";
import type { RingsArrangement, RingsWork } from "./rings";

type Reply = { id: number; positions?: Positions; arrangement?: RingsArrangement; error?: string };

let worker: Worker | null = null;
let nextId = 1;
let idle: ReturnType<typeof setTimeout> | undefined;
/** How long an idle worker is kept for the next request of a burst. */
const KEEP_IDLE_MS = 3000;
const pending = new Map<number, { resolve(reply: Reply): void; reject(e: Error): void }>();

function layoutWorker(): Worker | null {
  if (worker !== null || typeof Worker === "undefined") return worker;
  worker = new Worker(new URL("./layoutWorker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) letGoWhenIdle();
    if (!waiting) return;
    if (reply.error === undefined) waiting.resolve(reply);
    else waiting.reject(new Error(reply.error));
  };
  return worker;
}

function letGoWhenIdle() {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (pending.size > 0 || worker === null) return;
    worker.terminate();
    worker = null;
  }, KEEP_IDLE_MS);
}

function ask(target: Worker, message: object): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, ...message });
  });
}

export async function requestLayout(view: View, elements: ElementDefinition[]): Promise<Positions> {
  if (view === "org_chart") return orgChartPlaces();
  const target = layoutWorker();
  // Only what the layout reads crosses to the worker: ids, nesting, sizes, kinds, ends.
  const request = { view, elements: elements.map(layoutPart) };
  if (target === null) {
    const { computeLayout } = await import("./compute");
    return computeLayout(request);
  }
  const { positions } = await ask(target, { request });
  if (!positions) throw new Error("The layout failed.");
  return positions;
}

const routesOf = new WeakMap<Positions, ChartRoute[]>();

/** The reporting lines' routes that came with the core's org chart `positions` (none for other layouts). */
export function chartRoutesOf(positions: Positions): ChartRoute[] {
  return routesOf.get(positions) ?? [];
}

/** The core's org chart of the scenario on screen: where each person and office stands. */
async function orgChartPlaces(): Promise<Positions> {
  const answer = await commands.orgChartPlaces();
  if (answer.status === "error") throw new Error(answer.error.message);
  const positions: Positions = Object.fromEntries(
    answer.data.places.flatMap(({ id, at: { x, y } }) => (x === null || y === null ? [] : [[id, { x: Math.round(x), y: Math.round(y) }]])),
  );
  routesOf.set(positions, answer.data.routes);
  return positions;
}

/** Rings around a community (rings.ts), computed in the worker: big maps take a moment. */
export async function requestRings(work: RingsWork): Promise<RingsArrangement> {
  const target = layoutWorker();
  if (target === null) {
    const { ringsInMap } = await import("./rings");
    return ringsInMap(work);
  }
  const { arrangement } = await ask(target, { rings: work });
  if (!arrangement) throw new Error("The rings could not be arranged.");
  return arrangement;
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
