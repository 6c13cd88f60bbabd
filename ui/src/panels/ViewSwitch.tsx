// Network · Org chart · Timeline · Compare: the same map drawn as work flows, as the chart says it
// should, over the years, and two of its scenarios against each other (what a redesign changes).
// The timeline is the window's own view (drawn from the core's timeline), not one the core lays
// out, so it is not a `View`; Compare covers whichever view is under it.
import type { View } from "../map/types";

/** What the view switch can show. */
export type Shown = View | "timeline";

const VIEWS: { view: Shown; label: string; title: string }[] = [
  { view: "network", label: "Network", title: "How work really flows (1)" },
  { view: "org_chart", label: "Org chart", title: "Only the reports-to lines (2)" },
  { view: "timeline", label: "Timeline", title: "The map over the years (3)" },
];

type Props = { view: Shown; comparing: boolean; onChange(view: Shown): void; onCompare(): void };

export function ViewSwitch({ view, comparing, onChange, onCompare }: Props) {
  return (
    <div className="view-switch" role="tablist" aria-label="View">
      {VIEWS.map((v) => {
        const selected = !comparing && view === v.view;
        return (
          <button
            key={v.view}
            role="tab"
            aria-selected={selected}
            className={selected ? "selected" : undefined}
            title={v.title}
            data-testid={`view-${v.view}`}
            onClick={() => onChange(v.view)}
          >
            {v.label}
          </button>
        );
      })}
      <button
        role="tab"
        aria-selected={comparing}
        className={comparing ? "selected" : undefined}
        title="What one scenario changes from another (4)"
        data-testid="view-compare"
        onClick={onCompare}
      >
        Compare
      </button>
    </div>
  );
}
