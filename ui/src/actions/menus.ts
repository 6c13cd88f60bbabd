// What the right-click menu offers for an element, a relation, or the empty canvas: a list of
// action names from the table, which gives each item its words, keys and whether it applies.
import type { CanvasTarget } from "../canvas/MapCanvas";
import type { MenuItem } from "../panels/ContextMenu";
import { action, isEnabled, type ActionContext, type ActionTarget } from "./table";

const SEPARATOR = "|";

const MENUS: Record<CanvasTarget["type"], string[]> = {
  node: ["rename", "duplicate", "copy", "unnest", "arrange_rings", "select_connected", SEPARATOR, "delete"],
  edge: ["delete"],
  background: ["add_office", "add_community", "add_person", "paste", SEPARATOR, "select_all", "tidy", "fit"],
};

/** The menu for a right-click on `target`; `at` is the model point clicked (new elements go there). */
export function menuFor(target: CanvasTarget, c: ActionContext, run: (name: string, t: ActionTarget) => void, at: { x: number; y: number }): MenuItem[] {
  const on: ActionTarget = target.type === "background" ? { at } : { id: target.id };
  return MENUS[target.type].flatMap((name): MenuItem[] => {
    if (name === SEPARATOR) return ["separator"];
    const a = action(name);
    if (a.offered && !a.offered(c, on)) return [];
    return [
      {
        label: a.contextLabel?.(c, on) ?? a.label(c),
        testId: `menu-${name.replace(/_/g, "-")}`,
        keys: a.keys[0],
        disabled: !isEnabled(a, c, on),
        run: () => run(name, on),
      },
    ];
  });
}
