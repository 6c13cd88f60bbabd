// One compare canvas: a read-only Cytoscape instance drawing the definitions it is given (the
// union in the overlay, one scenario in each half of side by side) at the positions it is given,
// with the map canvas's stylesheet plus the change marks, and a badge beside every marked element
// and relation so that a change reads without colour.
import { useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from "react";
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import type { Vocabulary } from "../map/types";
import type { Positions } from "../layout/compute";
import { buildStylesheet } from "../map/stylesheet";
import { followLevelOfDetail } from "../canvas/levelOfDetail";
import { markStylesheet, type MarkLook } from "./marks";
import { MarkBadges } from "./MarkBadges";

/** Tight: a side-by-side half is narrow, and the map canvas's wide margin would halve the drawing. */
const FIT_PADDING = 20;

function frameAll(cy: Core, animate: boolean) {
  const eles = cy.elements(":visible");
  if (animate) cy.animate({ fit: { eles, padding: FIT_PADDING }, duration: 300, easing: "ease-in-out-cubic" });
  else cy.fit(eles, FIT_PADDING);
}

export type CompareCanvasHandle = {
  fit(): void;
  zoomBy(factor: number): void;
  /** Selects an element or relation and centres it; false when this canvas does not draw it. */
  focus(id: string): boolean;
};

type Props = {
  label: string;
  testId: string;
  vocabulary: Vocabulary;
  looks: MarkLook[];
  definitions: ElementDefinition[];
  positions: Positions;
  handle: Ref<CompareCanvasHandle>;
  /** The instance once made (null once gone): side by side locks two together, the test hook reads it. */
  onInstance?(cy: Core | null): void;
  /** Called once the definitions are drawn (two frames after they are in). */
  onDrawn?(): void;
};

export function CompareCanvas({ label, testId, vocabulary, looks, definitions, positions, handle, onInstance, onDrawn }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const framed = useRef(false);
  const latest = useRef({ onInstance, onDrawn });
  latest.current = { onInstance, onDrawn };

  // Before the browser paints: the canvas is made, filled and framed in the frame that shows it.
  useLayoutEffect(() => {
    performance.mark("murmuration:compare-canvas-made");
    const instance = cytoscape({
      container: container.current,
      style: [...buildStylesheet(vocabulary), ...markStylesheet(looks)] as never,
      minZoom: 0.05,
      maxZoom: 3,
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: "single",
    });
    const stopDetail = followLevelOfDetail(instance);
    const resize = new ResizeObserver(() => instance.resize());
    if (container.current) resize.observe(container.current);
    framed.current = false;
    setCy(instance);
    latest.current.onInstance?.(instance);
    return () => {
      resize.disconnect();
      stopDetail();
      latest.current.onInstance?.(null);
      instance.destroy();
    };
  }, [vocabulary, looks]);

  useLayoutEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(definitions.map((d) => (d.group === "nodes" && positions[String(d.data.id)] ? { ...d, position: positions[String(d.data.id)] } : d)));
    });
    performance.mark("murmuration:compare-added");
    if (!framed.current) {
      framed.current = true;
      // Measured now: the canvas may have been made before its half of the view took its size.
      cy.resize();
      frameAll(cy, false);
    }
    performance.mark("murmuration:compare-framed");
    let frame = requestAnimationFrame(() => {
      performance.mark("murmuration:compare-frame1");
      frame = requestAnimationFrame(() => latest.current.onDrawn?.());
    });
    return () => cancelAnimationFrame(frame);
  }, [cy, definitions, positions]);

  useImperativeHandle(
    handle,
    (): CompareCanvasHandle => ({
      fit: () => cy && frameAll(cy, true),
      zoomBy: (factor) => cy?.animate({ zoom: { level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }, duration: 180 }),
      focus: (id) => {
        const found = cy?.getElementById(id);
        if (!cy || !found || found.empty()) return false;
        cy.$(":selected").unselect();
        found.select();
        cy.animate({ center: { eles: found }, zoom: Math.max(cy.zoom(), 0.9), duration: 350, easing: "ease-in-out-cubic" });
        return true;
      },
    }),
    [cy],
  );

  return (
    <div className="compare-canvas-frame" data-testid={testId}>
      <div ref={container} className="compare-canvas" role="img" aria-label={label} />
      {cy && <MarkBadges cy={cy} looks={looks} />}
    </div>
  );
}
