// The minimap: the whole map in miniature with the visible part outlined; click or drag in it to
// move there. The miniature is redrawn only when elements change or move (cheap even for big maps);
// the outline follows every pan and zoom.
import { useEffect, useRef, type RefObject } from "react";
import type { Core } from "cytoscape";
import type { Vocabulary } from "../map/types";

const WIDTH = 208;
const HEIGHT = 136;
const PAD = 8;

type Frame = { x1: number; y1: number; scale: number; offsetX: number; offsetY: number };

export function Minimap({ cy, vocabulary }: { cy: Core; vocabulary: Vocabulary }) {
  const mapLayer = useRef<HTMLCanvasElement>(null);
  const viewLayer = useRef<HTMLCanvasElement>(null);
  const frame = useRef<Frame | null>(null);
  useMinimapDrawing(cy, vocabulary, mapLayer, viewLayer, frame);

  /** Centres the canvas on the model point under a minimap pixel. */
  const panTo = (clientX: number, clientY: number) => {
    const f = frame.current;
    const rect = viewLayer.current?.getBoundingClientRect();
    if (!f || !rect) return;
    const model = {
      x: f.x1 + (clientX - rect.left - f.offsetX) / f.scale,
      y: f.y1 + (clientY - rect.top - f.offsetY) / f.scale,
    };
    const zoom = cy.zoom();
    cy.pan({ x: cy.width() / 2 - model.x * zoom, y: cy.height() / 2 - model.y * zoom });
  };

  return (
    <div className="minimap" data-testid="minimap" role="img" aria-label="Minimap of the whole map: click to move there">
      <canvas ref={mapLayer} className="minimap-layer" width={WIDTH} height={HEIGHT} />
      <canvas
        ref={viewLayer}
        className="minimap-layer"
        width={WIDTH}
        height={HEIGHT}
        onMouseDown={(e) => {
          panTo(e.clientX, e.clientY);
          const follow = (m: MouseEvent) => panTo(m.clientX, m.clientY);
          const stop = () => {
            window.removeEventListener("mousemove", follow);
            window.removeEventListener("mouseup", stop);
          };
          window.addEventListener("mousemove", follow);
          window.addEventListener("mouseup", stop);
        }}
      />
    </div>
  );
}

type Layer = RefObject<HTMLCanvasElement | null>;

/** Keeps the two layers drawn: the miniature when elements change or move, the outline on every pan and zoom. */
function useMinimapDrawing(cy: Core, vocabulary: Vocabulary, mapLayer: Layer, viewLayer: Layer, frame: RefObject<Frame | null>) {
  useEffect(() => {
    sizeLayers([mapLayer.current, viewLayer.current]);
    const fill = new Map(vocabulary.elements.map((e) => [e.kind, e.stroke]));

    const drawMap = () => {
      const ctx = mapLayer.current?.getContext("2d");
      if (!ctx || cy.destroyed()) return;
      frame.current = drawMiniature(ctx, cy, fill);
      if (frame.current) drawView();
    };

    const drawView = () => {
      const ctx = viewLayer.current?.getContext("2d");
      if (!ctx || cy.destroyed()) return;
      drawOutline(ctx, cy, frame.current);
    };

    let mapFrame = 0;
    let viewFrame = 0;
    const scheduleMap = () => {
      cancelAnimationFrame(mapFrame);
      mapFrame = requestAnimationFrame(drawMap);
    };
    const scheduleView = () => {
      cancelAnimationFrame(viewFrame);
      viewFrame = requestAnimationFrame(drawView);
    };
    cy.on("add remove position style", scheduleMap);
    cy.on("viewport resize", scheduleView);
    drawMap();
    return () => {
      cancelAnimationFrame(mapFrame);
      cancelAnimationFrame(viewFrame);
      cy.off("add remove position style", scheduleMap);
      cy.off("viewport resize", scheduleView);
    };
  }, [cy, vocabulary]);
}

/** Sharp on high-density screens: the backing store in device pixels, drawing in CSS pixels. */
function sizeLayers(layers: (HTMLCanvasElement | null)[]) {
  const ratio = window.devicePixelRatio || 1;
  for (const layer of layers) {
    if (!layer) continue;
    layer.width = WIDTH * ratio;
    layer.height = HEIGHT * ratio;
    layer.getContext("2d")?.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
}

/** Draws every visible element as a small box; returns how the map was fitted, or null when empty. */
function drawMiniature(ctx: CanvasRenderingContext2D, cy: Core, fill: Map<string, string>): Frame | null {
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const nodes = cy.nodes(":visible");
  if (nodes.empty()) return null;
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
  const scale = Math.min((WIDTH - 2 * PAD) / Math.max(bb.w, 1), (HEIGHT - 2 * PAD) / Math.max(bb.h, 1));
  const f = { x1: bb.x1, y1: bb.y1, scale, offsetX: (WIDTH - bb.w * scale) / 2, offsetY: (HEIGHT - bb.h * scale) / 2 };
  nodes.forEach((n) => {
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
    const x = f.offsetX + (b.x1 - f.x1) * scale;
    const y = f.offsetY + (b.y1 - f.y1) * scale;
    const w = Math.max(1.5, b.w * scale);
    const h = Math.max(1.5, b.h * scale);
    ctx.globalAlpha = n.isParent() ? 0.14 : 0.75;
    ctx.fillStyle = fill.get(n.data("kind")) ?? "#6B7280";
    ctx.fillRect(x, y, w, h);
  });
  ctx.globalAlpha = 1;
  return f;
}

/** Outlines the part of the map the canvas shows. */
function drawOutline(ctx: CanvasRenderingContext2D, cy: Core, f: Frame | null) {
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  if (!f) return;
  const ext = cy.extent();
  const x = f.offsetX + (ext.x1 - f.x1) * f.scale;
  const y = f.offsetY + (ext.y1 - f.y1) * f.scale;
  ctx.fillStyle = "rgba(0, 114, 178, 0.08)";
  ctx.strokeStyle = "#0072B2";
  ctx.lineWidth = 1.5;
  ctx.fillRect(x, y, ext.w * f.scale, ext.h * f.scale);
  ctx.strokeRect(x, y, ext.w * f.scale, ext.h * f.scale);
}
