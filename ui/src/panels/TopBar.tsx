// The top bar: which map this is, undo and redo, the scenario on screen, which view, and the ways
// to find things on it.
import type { ReactNode } from "react";
import { ViewSwitch, type Shown } from "./ViewSwitch";

type Props = {
  title: string;
  subtitle: string;
  view: Shown;
  comparing: boolean;
  onView(view: Shown): void;
  onCompare(): void;
  history: ReactNode;
  scenario: ReactNode;
  search: ReactNode;
  actions: ReactNode;
};

export function TopBar({ title, subtitle, view, comparing, onView, onCompare, history, scenario, search, actions }: Props) {
  return (
    <header className="top-bar">
      <div className="top-bar-title">
        <img className="app-mark" src="./murmuration-mark.png" alt="" width={28} height={28} />
        <div>
          <h1 data-testid="map-title">{title}</h1>
          <div className="subtitle">{subtitle}</div>
        </div>
        <div className="history">{history}</div>
      </div>
      {scenario}
      <ViewSwitch view={view} comparing={comparing} onChange={onView} onCompare={onCompare} />
      <div className="top-bar-tools">
        {search}
        {actions}
      </div>
    </header>
  );
}
