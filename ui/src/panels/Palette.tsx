// The palette of element kinds down the left edge: click to add one (inside the selected group, if
// a group is selected), or drag one onto the canvas. Each shows its shape and its key.
import type { ElementKind, Vocabulary } from "../bindings";
import { ADD_KEYS } from "../actions/table";
import { PALETTE_DRAG_TYPE } from "../canvas/MapCanvas";
import { ShapeSwatch } from "./Swatches";

type Props = { vocabulary: Vocabulary; enabled: boolean; onAdd(kind: ElementKind): void };

export function Palette({ vocabulary, enabled, onAdd }: Props) {
  return (
    <nav className="palette" aria-label="Add an element" data-testid="palette">
      <div className="palette-heading">Add</div>
      {vocabulary.elements.map((style) => (
        <button
          key={style.kind}
          className="palette-item"
          data-testid={`palette-${style.kind}`}
          disabled={!enabled}
          draggable={enabled}
          title={`${style.label}: ${style.meaning}. Click or press ${ADD_KEYS[style.kind]}; or drag onto the map.`}
          onClick={() => onAdd(style.kind)}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_DRAG_TYPE, style.kind);
            e.dataTransfer.effectAllowed = "copy";
          }}
        >
          <ShapeSwatch style={style} size={1.15} />
          <span className="palette-label">{style.label}</span>
          <kbd className="palette-key">{ADD_KEYS[style.kind]}</kbd>
        </button>
      ))}
    </nav>
  );
}
