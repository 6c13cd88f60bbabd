// Network · Org chart: the same map drawn as work flows, and as the chart says it should.
import type { View } from "../map/types";

const VIEWS: { view: View; label: string; title: string }[] = [
  { view: "network", label: "Network", title: "How work really flows (1)" },
  { view: "org_chart", label: "Org chart", title: "Only the reports-to lines (2)" },
];

export function ViewSwitch({ view, onChange }: { view: View; onChange(view: View): void }) {
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
