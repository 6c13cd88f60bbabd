// Network · Org chart · Timeline: the same map drawn as work flows, as the chart says it should,
// and over the years. The timeline is the window's own view (drawn from the core's timeline), not
// one the core lays out, so it is not a `View`.
import type { View } from "../map/types";

/** What the view switch can show. */
export type Shown = View | "timeline";

const VIEWS: { view: Shown; label: string; title: string }[] = [
  { view: "network", label: "Network", title: "How work really flows (1)" },
  { view: "org_chart", label: "Org chart", title: "Only the reports-to lines (2)" },
  { view: "timeline", label: "Timeline", title: "The map over the years (3)" },
];

export function ViewSwitch({ view, onChange }: { view: Shown; onChange(view: Shown): void }) {
  return (
    <div className="view-switch" role="tablist" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          role="tab"
          aria-selected={view === v.view}
          className={view === v.view ? "selected" : undefined}
          title={v.title}
          data-testid={`view-${v.view}`}
          onClick={() => onChange(v.view)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
