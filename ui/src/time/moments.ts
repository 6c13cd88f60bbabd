// The pure parts of time in the window: a month's words, the steps of a replay, the latest-wins
// queue that keeps a dragged scrubber from sending every pixel, and the core's answer with what
// has ended ghosted instead of hidden. The dates themselves come from the core's timeline.
import type { ViewAnswer_Serialize as ViewAnswer } from "../bindings";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2021-04" → "April 2021"; a year or anything else is said as written. */
export function monthWords(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

export type Step = "month" | "year";

/** Of `years` year ticks, every how many is labelled so the labels do not run into each other. */
export function labelEvery(years: number): number {
  return years > 30 ? 10 : years > 14 ? 5 : years > 8 ? 2 : 1;
}

/** The month indices a replay from `from` to `to` (inclusive, either way round) passes through. */
export function replaySteps(from: number, to: number, step: Step): number[] {
  const by = step === "year" ? 12 : 1;
  const out: number[] = [];
  const dir = to >= from ? 1 : -1;
  for (let i = from; dir > 0 ? i < to : i > to; i += dir * by) out.push(i);
  out.push(to);
  return out;
}

/**
 * Runs `task` for the latest value sent, one at a time: values sent while a task runs replace
 * each other, and only the last is run next. A drag sends every pixel; the core sees a few.
 */
export class Latest<T> {
  private running = false;
  private next: { value: T } | null = null;
  private idle: (() => void)[] = [];

  constructor(private readonly task: (value: T) => Promise<void>) {}

  send(value: T): Promise<void> {
    this.next = { value };
    const done = new Promise<void>((resolve) => this.idle.push(resolve));
    if (!this.running) void this.pump();
    return done;
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.next) {
      const { value } = this.next;
      this.next = null;
      await this.task(value).catch(() => undefined);
    }
    this.running = false;
    const idle = this.idle;
    this.idle = [];
    idle.forEach((resolve) => resolve());
  }
}

/** The answer as drawn: with `ghost`, what had ended by the moment is faded instead of hidden. */
export function withGhosts(answer: ViewAnswer, ghost: boolean): ViewAnswer {
  if (!ghost || (answer.departed.length === 0 && answer.departed_relations.length === 0)) return answer;
  const gone = new Set([...answer.departed, ...answer.departed_relations]);
  return {
    ...answer,
    hidden: answer.hidden.filter((id) => !gone.has(id)),
    hidden_relations: answer.hidden_relations.filter((id) => !gone.has(id)),
    faded: [...answer.faded, ...answer.departed],
    faded_relations: [...answer.faded_relations, ...answer.departed_relations],
  };
}
