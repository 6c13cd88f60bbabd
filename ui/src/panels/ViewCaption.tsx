// A line under the canvas saying what the view shows — and, on the org chart, what it leaves out:
// the point of the view is that the chart is not how the work flows.
import type { MapSnapshot, View } from "../map/types";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `caption`: the shown scene's own line (its lens's caption, from the core's view answer), said instead. */
export function ViewCaption({ snapshot, view, caption }: { snapshot: MapSnapshot; view: View; caption?: string | null }) {
  const count = (kind: string) => snapshot.relations.filter((r) => r.kind === kind).length;
  const text =
    view === "org_chart"
      ? `The org chart shows only the ${plural(count("reports_to"), "reporting line", "reporting lines")}. ` +
        `It leaves out ${plural(count("flow"), "flow", "flows")}, ${plural(count("member_of"), "membership", "memberships")} ` +
        `and ${plural(count("barrier"), "barrier", "barriers")}.`
      : `How work flows: ${plural(snapshot.elements.length, "element", "elements")}, ` +
        `${plural(count("flow"), "flow", "flows")}. Reporting lines are drawn faint.`;
  return (
    <div className="view-caption" data-testid="view-caption">
      {caption ?? text}
    </div>
  );
}
