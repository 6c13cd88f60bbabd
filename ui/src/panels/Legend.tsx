// The legend, generated from the vocabulary: what each shape, line and outline on the canvas means.
// A board member reading a printout or a colour-blind viewer relies on it, so every entry shows
// the shape or pattern as well as the colour.
import { useState } from "react";
import type { Vocabulary } from "../bindings";
import { BoundarySwatch, LineSwatch, ShapeSwatch } from "./Swatches";

export function Legend({ vocabulary }: { vocabulary: Vocabulary }) {
  const [open, setOpen] = useState(true);
  return (
    <section className="panel legend" data-testid="legend" aria-label="Legend">
      <button className="panel-heading" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="legend-toggle">
        <span>Legend</span>
        <span className="chevron" aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      {open && (
        <div className="legend-body">
          <ElementsAndBoundaries vocabulary={vocabulary} />
          <Flows vocabulary={vocabulary} />
          <OtherRelations vocabulary={vocabulary} />
          <States vocabulary={vocabulary} />
        </div>
      )}
    </section>
  );
}

function ElementsAndBoundaries({ vocabulary }: { vocabulary: Vocabulary }) {
  return (
    <>
      <h3>Elements</h3>
      <ul>
        {vocabulary.elements.map((style) => (
          <li key={style.kind} title={style.meaning}>
            <ShapeSwatch style={style} />
            <span className="legend-label">{style.label}</span>
            <span className="legend-meaning">{style.meaning}</span>
          </li>
        ))}
      </ul>

      <h3>Boundaries of groups</h3>
      <ul>
        {vocabulary.boundaries.map((b) => (
          <li key={b.boundary}>
            <BoundarySwatch dash={b.dash} width={b.width ?? 0} tint="#9CA3AF" />
            <span className="legend-label">{b.label}</span>
            <span className="legend-meaning">{b.meaning}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Each medium's line, both ways, and line width as volume. */
function Flows({ vocabulary }: { vocabulary: Vocabulary }) {
  const widths = vocabulary.volume_widths.map((w) => w ?? 1);
  return (
    <>
      <h3>Flows</h3>
      <ul>
        {vocabulary.media.map((m) => (
          <li key={m.medium}>
            <LineSwatch line={m.line} />
            <span className="legend-label">{m.line.label}</span>
            <span className="legend-meaning">{m.line.meaning}</span>
          </li>
        ))}
        {vocabulary.media[0] && (
          <li>
            <LineSwatch line={vocabulary.media[0].line} bothWays />
            <span className="legend-label">Both ways</span>
            <span className="legend-meaning">Arrowheads at both ends</span>
          </li>
        )}
      </ul>
      <div className="legend-volume" aria-label="Line width shows volume">
        <span className="legend-meaning">Volume</span>
        {widths.map((w, i) => (
          <svg key={i} className="swatch" width={30} height={16} viewBox="0 0 30 16" aria-hidden="true">
            <line x1={2} y1={8} x2={28} y2={8} stroke="#4B5563" strokeWidth={w} />
          </svg>
        ))}
        <span className="legend-meaning">1 → 5</span>
      </div>
    </>
  );
}

function OtherRelations({ vocabulary }: { vocabulary: Vocabulary }) {
  return (
    <>
      <h3>Other relations</h3>
      <ul>
        {vocabulary.relations
          .filter((r) => r.kind !== "flow")
          .map((r) => (
            <li key={r.kind}>
              <LineSwatch
                line={r.line}
                width={r.kind === "barrier" ? 4.5 : 1.5}
                blocked={r.kind === "barrier"}
                opacity={r.kind === "reports_to" ? 0.7 : 1}
              />
              <span className="legend-label">{r.line.label}</span>
              <span className="legend-meaning">
                {r.line.meaning}
                {r.kind === "reports_to" ? "; faint in the network view" : ""}
              </span>
            </li>
          ))}
      </ul>
    </>
  );
}

/** A dissolved sprint team and a community's rings, drawn with their own shapes. */
function States({ vocabulary }: { vocabulary: Vocabulary }) {
  const sprint = vocabulary.elements.find((e) => e.kind === "sprint_team");
  const community = vocabulary.elements.find((e) => e.kind === "community");
  if (!sprint || !community) return null;
  return (
    <>
      <h3>States</h3>
      <ul>
        <li>
          <span className="swatch-state dissolved">
            <ShapeSwatch style={sprint} />
          </span>
          <span className="legend-label">Dissolved</span>
          <span className="legend-meaning">Faded, dashed: a sprint team that has done its work</span>
        </li>
        <li>
          <ShapeSwatch style={community} />
          <span className="legend-label">Rings</span>
          <span className="legend-meaning">Practice: full fill · engagement: light · interest: a trace</span>
        </li>
      </ul>
    </>
  );
}
