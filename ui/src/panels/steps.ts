// A routine step's edits as pure functions, so the steps editor keeps what it does not touch (a
// step's days survive a new owner) and is testable without a window.
import type { RoutineStep_Serialize as Step } from "../bindings";

/** The step with `owner`, or with none when it is empty; its name and days kept. */
export function withOwner(step: Step, owner: string): Step {
  const { owner: _, ...rest } = step;
  return owner ? { ...rest, owner } : rest;
}

/**
 * The step with the days typed, or with none when the box is empty. What is not a whole number is
 * sent as typed, so the core refuses it in its own words.
 */
export function withDays(step: Step, text: string): Step {
  const { days: _, ...rest } = step;
  return text.trim() === "" ? rest : { ...rest, days: Number(text) };
}

/** "Legal review — Legal · 12 days": a step as the read-only list says it. */
export function stepDetail(step: Step, ownerName: string | undefined): string {
  const parts = [ownerName ? ` — ${ownerName}` : "", step.days === undefined || step.days === null ? "" : ` · ${step.days} ${step.days === 1 ? "day" : "days"}`];
  return parts.join("");
}
