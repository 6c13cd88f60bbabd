// The outline: the map as a tree beside the canvas (WAI-ARIA tree: one tab stop, arrow keys move,
// Right opens, Left closes or goes up), with a filter to find an element by name. It draws the
// store's snapshot and shares the canvas's selection; its keys are rows of the action table, which
// call the handle below, and every edit goes through the same edit commands as the canvas.
import "./outline.css";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import type { MapElement, MapSnapshot, Vocabulary } from "../map/types";
import { ancestorsOf, outlineRows, type OutlineRow } from "./rows";

export type OutlineMove = "up" | "down" | "left" | "right" | "first" | "last";

export type OutlineHandle = {
  /** Moves the focus (and the selection) in the tree; false when there is nowhere to go. */
  go(move: OutlineMove): boolean;
  /** Opens the name of `id` for typing, in its row. */
  rename(id: string): void;
  /** Puts the focus back on the active row (after a picker closes). */
  focusActive(): void;
  contains(node: Node | null): boolean;
};

type Props = {
  snapshot: MapSnapshot;
  vocabulary: Vocabulary;
  selection: string[];
  select(id: string): void;
  rename(element: MapElement, name: string): void;
};

export const Outline = forwardRef<OutlineHandle, Props>(function Outline({ snapshot, vocabulary, selection, select, rename }, ref) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState("");
  const [active, setActive] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const keepFocus = useRef(false);
  const rows = useMemo(() => outlineRows(snapshot, vocabulary, expanded, filter), [snapshot, vocabulary, expanded, filter]);
  const selected = selection[0] ?? null;

  // The canvas's selection shows in the tree: its groups open and it becomes the active row.
  useEffect(() => {
    if (!selected || selected === active) return;
    setExpanded((open) => new Set([...open, ...ancestorsOf(snapshot, selected)]));
    setActive(selected);
  }, [selected]);

  // A row re-made by an edit (an element nested elsewhere) takes the focus back if it had it.
  useEffect(() => {
    if (keepFocus.current && (document.activeElement === document.body || document.activeElement === null)) focusRow(active);
  });

  const focusRow = (id: string | null) => {
    if (id) panel.current?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus();
  };
  const moveTo = (row: OutlineRow | undefined) => {
    if (!row) return false;
    setActive(row.id);
    select(row.id);
    requestAnimationFrame(() => focusRow(row.id));
    return true;
  };
  const toggle = (id: string, open: boolean) =>
    setExpanded((now) => {
      const next = new Set(now);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  useImperativeHandle(ref, () => ({
    go(move) {
      const at = Math.max(0, rows.findIndex((r) => r.id === active));
      const row = rows[at];
      if (move === "first") return moveTo(rows[0]);
      if (move === "last") return moveTo(rows[rows.length - 1]);
      if (move === "down") return moveTo(rows[at + 1]);
      if (move === "up") return moveTo(rows[at - 1]);
      if (!row) return false;
      if (move === "right") {
        if (row.hasChildren && !row.expanded) return (toggle(row.id, true), true);
        return row.expanded ? moveTo(rows[at + 1]) : false;
      }
      if (row.expanded && !filter) return (toggle(row.id, false), true);
      return moveTo(rows.find((r) => r.id === row.parent));
    },
    rename: (id) => {
      setActive(id);
      setRenaming(id);
    },
    focusActive: () => focusRow(active),
    contains: (node) => Boolean(node && panel.current?.contains(node)),
  }));

  const tabStop = rows.some((r) => r.id === active) ? active : rows[0]?.id;
  const onFilterKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "Enter") return;
    e.preventDefault();
    moveTo(rows.find((r) => r.matched));
  };
  return (
    <section
      ref={panel}
      className="outline-panel"
      aria-label="Outline"
      data-testid="outline"
      onFocus={() => (keepFocus.current = true)}
      onBlur={(e) => e.relatedTarget !== null && !panel.current?.contains(e.relatedTarget as Node) && (keepFocus.current = false)}
    >
      <h2 className="outline-title" id="outline-title">Outline</h2>
      <input
        type="search"
        className="outline-filter"
        placeholder="Find in the outline"
        aria-label="Find in the outline"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={onFilterKey}
        data-testid="outline-filter"
      />
      <ul role="tree" aria-labelledby="outline-title" className="outline-tree" data-testid="outline-tree">
        {rows.map((row) => (
          <li
            key={row.id}
            role="treeitem"
            data-outline-id={row.id}
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={selection.includes(row.id)}
            tabIndex={row.id === tabStop ? 0 : -1}
            className={`outline-row${row.relation ? " relation" : ""}`}
            style={{ paddingLeft: `${0.5 + (row.level - 1) * 1.1}em` }}
            onClick={() => moveTo(row)}
            onFocus={() => setActive(row.id)}
          >
            <span className="outline-twisty" aria-hidden="true" onClick={() => row.hasChildren && toggle(row.id, !row.expanded)}>
              {row.hasChildren ? (row.expanded ? "▾" : "▸") : ""}
            </span>
            {renaming === row.id && row.element ? (
              <RowRename element={row.element} onDone={(name) => {
                setRenaming(null);
                focusRow(row.id);
                if (name !== null && row.element) rename(row.element, name);
              }} />
            ) : (
              <span className="outline-label">{row.label}</span>
            )}
            {row.element && <span className="outline-kind">{row.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
});

/** The name field a row turns into for F2: Enter keeps the name, Escape leaves it. */
function RowRename({ element, onDone }: { element: MapElement; onDone(name: string | null): void }) {
  const [name, setName] = useState(element.name);
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      className="outline-rename"
      aria-label={`New name for ${element.name}`}
      autoFocus
      value={name}
      onChange={(e) => setName(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(name);
        if (e.key === "Escape") finish(null);
      }}
      onBlur={() => finish(name)}
      data-testid="outline-rename"
    />
  );
}
