// The top bar: which map this is, undo and redo, which view, and the ways to find things on it.
import type { ReactNode } from "react";
import { ViewSwitch, type Shown } from "./ViewSwitch";

type Props = {
  title: string;
  subtitle: string;
  view: Shown;
  onView(view: Shown): void;
  history: ReactNode;
  search: ReactNode;
  actions: ReactNode;
};

export function TopBar({ title, subtitle, view, onView, history, search, actions }: Props) {
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
      <ViewSwitch view={view} onChange={onView} />
      <div className="top-bar-tools">
        {search}
        {actions}
      </div>
    </header>
  );
}
