// The ops the scenario picker sends, and the few choices it makes itself (where a scenario moves,
// the names a duplicate tries). Whether a name may be used is the core's rule: the picker asks it
// (`commands.checkEdit`) and shows its answer, never judging a name here.
import type { Op_Deserialize as Op, ScenarioSummary } from "../bindings";

/** A new scenario named `name`: empty, or a copy of `copyFrom`'s contents (the core copies them). */
export function addScenarioOp(id: string, name: string, copyFrom: string | null): Op {
  return { op: "add_scenario", scenario: { id, name, elements: {}, relations: {}, positions: {} }, copy_from: copyFrom, at: null };
}

export function renameScenarioOp(id: string, name: string): Op {
  return { op: "rename_scenario", id, name };
}

export function deleteScenarioOp(id: string): Op {
  return { op: "delete_scenario", id };
}

/** The op that moves scenario `id` by `delta` places in the list, or null at either end. */
export function moveScenarioBy(scenarios: ScenarioSummary[], id: string, delta: number): Op | null {
  const from = scenarios.findIndex((s) => s.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= scenarios.length) return null;
  return { op: "move_scenario", id, to };
}

/** The scenario `delta` places from `id`, wrapping around; null when there is no other. */
export function neighbourOf(scenarios: ScenarioSummary[], id: string, delta: number): ScenarioSummary | null {
  if (scenarios.length < 2) return null;
  const at = scenarios.findIndex((s) => s.id === id);
  return scenarios[(((at + delta) % scenarios.length) + scenarios.length) % scenarios.length];
}

/** The names a copy of `name` tries, in order, until the core accepts one: "To be (copy)", "To be (copy 2)", … */
export function* copyNames(name: string): Generator<string> {
  yield `${name} (copy)`;
  for (let n = 2; ; n++) yield `${name} (copy ${n})`;
}
