// Small SVG pictures of the vocabulary — a kind's shape, a relation's line, a boundary's outline —
// for the legend, the palette and the inspector, drawn from the same vocabulary as the canvas.
import type { ElementStyle, LineStyle } from "../bindings";

/** The vocabulary's dash lengths (multiples of the line width) at a swatch's width. */
function dashArray(dash: (number | null)[], width: number): string | undefined {
  const lengths = dash.filter((d): d is number => d !== null);
  return lengths.length === 0 ? undefined : lengths.map((d) => d * Math.max(width, 1.5)).join(" ");
}

/** The outline of a vocabulary shape inside a 36×24 box. */
function shapePath(shape: ElementStyle["shape"], kind: ElementStyle["kind"]): string {
  if (kind === "person") return "M18 3 a9 9 0 1 0 0.01 0 Z";
  switch (shape) {
    case "rectangle":
      return "M3 4 H33 V20 H3 Z";
    case "round-rectangle":
      return "M8 4 H28 Q33 4 33 9 V15 Q33 20 28 20 H8 Q3 20 3 15 V9 Q3 4 8 4 Z";
    case "ellipse":
      return "M18 3 C28 3 34 7.5 34 12 C34 16.5 28 21 18 21 C8 21 2 16.5 2 12 C2 7.5 8 3 18 3 Z";
    case "star":
      return "M18 1.5 L21 8.8 L28.5 9.3 L22.7 14.2 L24.6 21.8 L18 17.6 L11.4 21.8 L13.3 14.2 L7.5 9.3 L15 8.8 Z";
    case "chevron":
      return "M3 4 H27 L33 12 L27 20 H3 L8 12 Z";
    case "hexagon":
      return "M10 3 H26 L33 12 L26 21 H10 L3 12 Z";
    case "cut-rectangle":
      return "M7 4 H29 L33 8 V16 L29 20 H7 L3 16 V8 Z";
  }
}

export function ShapeSwatch({ style, size = 1 }: { style: ElementStyle; size?: number }) {
  return (
    <svg className="swatch" width={36 * size} height={24 * size} viewBox="0 0 36 24" aria-hidden="true">
      <path d={shapePath(style.shape, style.kind)} fill={style.fill} stroke={style.stroke} strokeWidth={1.6} />
    </svg>
  );
}

type LineSwatchProps = {
  line: LineStyle;
  width?: number;
  bothWays?: boolean;
  /** The barrier's ⊘ at the middle. */
  blocked?: boolean;
  opacity?: number;
};

export function LineSwatch({ line, width = 2.25, bothWays = false, blocked = false, opacity = 1 }: LineSwatchProps) {
  const y = 10;
  const end = line.arrowhead === "none" ? 50 : 44;
  const start = bothWays ? 8 : 3;
  return (
    <svg className="swatch" width={54} height={20} viewBox="0 0 54 20" aria-hidden="true" opacity={opacity}>
      <line
        x1={start}
        y1={y}
        x2={end}
        y2={y}
        stroke={line.color}
        strokeWidth={width}
        strokeDasharray={dashArray(line.dash, width)}
        strokeLinecap={line.pattern === "dotted" ? "round" : "butt"}
      />
      {line.arrowhead === "triangle" && <path d={`M44 ${y - 5} L52 ${y} L44 ${y + 5} Z`} fill={line.color} />}
      {line.arrowhead === "tee" && <rect x={46} y={y - 6} width={3} height={12} fill={line.color} />}
      {bothWays && line.arrowhead === "triangle" && <path d={`M10 ${y - 5} L2 ${y} L10 ${y + 5} Z`} fill={line.color} />}
      {blocked && <circle cx={26} cy={y} r={6.5} fill="none" stroke={line.color} strokeWidth={2.2} />}
    </svg>
  );
}

export function BoundarySwatch({ dash, width, tint }: { dash: (number | null)[]; width: number; tint: string }) {
  return (
    <svg className="swatch" width={36} height={24} viewBox="0 0 36 24" aria-hidden="true">
      <rect
        x={3}
        y={3}
        width={30}
        height={18}
        rx={3}
        fill={tint}
        fillOpacity={width === 0 ? 0.35 : 0.5}
        stroke={width === 0 ? "none" : "#374151"}
        strokeWidth={Math.max(1, width * 0.75)}
        strokeDasharray={dashArray(dash, Math.max(1, width * 0.75))}
      />
    </svg>
  );
}
