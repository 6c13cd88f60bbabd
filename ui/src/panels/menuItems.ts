// What the right-click menu offers for an element, a relation, or the empty canvas.
import type { RefObject } from "react";
import type { MapSnapshot, View } from "../map/types";
import type { CanvasHandle, CanvasTarget } from "../canvas/MapCanvas";
import type { EditCommands } from "../state/useEditCommands";
import type { Action } from "../state/shortcuts";
import type { MenuItem } from "./ContextMenu";
import { hasRingsAround } from "../layout/rings";

type Point = { x: number; y: number };

type Context = {
  snapshot: MapSnapshot;
  view: View;
  run(action: Action): boolean;
  edits: EditCommands;
  canvas: RefObject<CanvasHandle | null>;
  setRenaming(id: string): void;
  /** The model point under a window point. */
  modelAt(client: Point): Point;
  at: Point;
};

export function menuItems(target: CanvasTarget, c: Context): MenuItem[] {
  if (target.type === "node") {
    const element = c.snapshot.elements.find((e) => e.id === target.id);
    const items: MenuItem[] = [
      { label: "Rename", testId: "menu-rename", keys: "F2", run: () => c.setRenaming(target.id) },
      { label: "Duplicate", testId: "menu-duplicate", keys: "Ctrl+D", run: () => void c.edits.duplicate() },
      { label: "Copy", testId: "menu-copy", keys: "Ctrl+C", run: () => c.edits.copy() },
    ];
    if (element?.parent) {
      const parent = c.snapshot.elements.find((e) => e.id === element.parent);
      items.push({ label: `Take out of ${parent?.name ?? "its group"}`, testId: "menu-unnest", run: () => void c.edits.nest(target.id, null) });
    }
    const neighbours = c.snapshot.relations.filter((r) => r.source === target.id || r.target === target.id);
    if (element?.kind === "community" && c.view === "network") {
      items.push({
        label: `Arrange in rings around ${element.name}`,
        testId: "menu-arrange-rings",
        keys: "Shift+R",
        disabled: !hasRingsAround(target.id, c.snapshot.elements, c.snapshot.relations),
        run: () => void c.edits.arrangeInRings(target.id),
      });
    }
    items.push(
      {
        label: "Select what it is connected to",
        testId: "menu-select-connected",
        disabled: neighbours.length === 0,
        run: () => c.canvas.current?.select([target.id, ...neighbours.map((r) => (r.source === target.id ? r.target : r.source))]),
      },
      "separator",
      { label: "Delete", testId: "menu-delete", keys: "Del", run: () => void c.edits.deleteSelected() },
    );
    return items;
  }
  if (target.type === "edge") {
    return [{ label: "Delete", testId: "menu-delete", keys: "Del", run: () => void c.edits.deleteSelected() }];
  }
  const here = c.modelAt(c.at);
  return [
    { label: "Add an office here", testId: "menu-add-office", keys: "O", run: () => void c.edits.add("office", here) },
    { label: "Add a community here", testId: "menu-add-community", keys: "C", run: () => void c.edits.add("community", here) },
    { label: "Add a person here", testId: "menu-add-person", keys: "P", run: () => void c.edits.add("person", here) },
    { label: "Paste", testId: "menu-paste", keys: "Ctrl+V", disabled: !c.edits.canPaste(), run: () => void c.edits.paste() },
    "separator",
    { label: "Select everything", testId: "menu-select-all", keys: "Ctrl+A", run: () => c.run("select_all") },
    { label: c.view === "org_chart" ? "Tidy up the chart" : "Tidy up the layout", testId: "menu-tidy", run: () => void c.edits.tidy() },
    { label: "Zoom to fit", testId: "menu-fit", keys: "F", run: () => c.run("fit") },
  ];
}
