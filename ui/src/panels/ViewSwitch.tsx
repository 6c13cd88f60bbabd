// Network · Org chart · Compare: the same map drawn as work flows, as the chart says it should, and
// two of its scenarios side by side (what a redesign changes).
import type { View } from "../map/types";

const VIEWS: { view: View; label: string; title: string }[] = [
  { view: "network", label: "Network", title: "How work really flows (1)" },
  { view: "org_chart", label: "Org chart", title: "Only the reports-to lines (2)" },
];

type Props = { view: View; comparing: boolean; onChange(view: View): void; onCompare(): void };

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
        title="What one scenario changes from another (3)"
        data-testid="view-compare"
        onClick={onCompare}
      >
        Compare
      </button>
    </div>
  );
}
