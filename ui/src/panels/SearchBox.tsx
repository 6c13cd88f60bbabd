// Find an element by name, title or tag (Ctrl+F), pick it, and the canvas brings it into view.
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from "react";
import type { Vocabulary } from "../bindings";
import type { MapElement } from "../map/types";
import { searchElements } from "../map/search";
import { ShapeSwatch } from "./Swatches";

export type SearchBoxHandle = { focus(): void };

type Props = { elements: MapElement[]; vocabulary: Vocabulary; onPick(id: string): void };

export const SearchBox = forwardRef<SearchBoxHandle, Props>(function SearchBox({ elements, vocabulary, onPick }, ref) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => searchElements(elements, query), [elements, query]);
  useImperativeHandle(ref, () => ({
    focus() {
      input.current?.focus();
      input.current?.select();
    },
  }));

  const pick = (id: string) => {
    onPick(id);
    setOpen(false);
    input.current?.blur();
  };

  return (
    <div className="search" role="combobox" aria-expanded={open && hits.length > 0} aria-haspopup="listbox">
      <span className="search-icon" aria-hidden="true">⌕</span>
      <input
        ref={input}
        type="search"
        placeholder="Find an office, person, team…"
        aria-label="Find an element"
        data-testid="search-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && hits[active]) {
            e.preventDefault();
            pick(hits[active].id);
          } else if (e.key === "Escape") {
            setQuery("");
            input.current?.blur();
          }
        }}
      />
      <kbd className="search-shortcut" aria-hidden="true">Ctrl F</kbd>
      {open && query.trim() !== "" && (
        <SearchResults query={query} hits={hits} active={active} vocabulary={vocabulary} onPick={pick} onHover={setActive} />
      )}
    </div>
  );
});

type ResultsProps = {
  query: string;
  hits: ReturnType<typeof searchElements>;
  active: number;
  vocabulary: Vocabulary;
  onPick(id: string): void;
  onHover(index: number): void;
};

/** The matches under the box, each with its shape; the active one is picked by Enter. */
function SearchResults({ query, hits, active, vocabulary, onPick, onHover }: ResultsProps) {
  return (
    <ul className="search-results" role="listbox" data-testid="search-results">
      {hits.length === 0 && <li className="search-empty">Nothing on the map matches “{query}”.</li>}
      {hits.map((hit, i) => {
        const style = vocabulary.elements.find((s) => s.kind === hit.kind);
        return (
          <li
            key={hit.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            data-testid="search-result"
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(hit.id);
            }}
            onMouseEnter={() => onHover(i)}
          >
            {style && <ShapeSwatch style={style} size={0.8} />}
            <span className="search-name">{hit.name}</span>
            {hit.matched !== hit.name && <span className="search-matched">{hit.matched}</span>}
          </li>
        );
      })}
    </ul>
  );
}
