// The badge beside each marked element and relation on a compare canvas (the vocabulary's badge
// text: colour is never the only signal). Drawn over the canvas in HTML, kept in place as the
// canvas pans and zooms; only those in view are drawn, so a big comparison stays light.
import { useEffect, useState } from "react";
import type { Core, EdgeSingular, NodeSingular, SingularElementReturnValue } from "cytoscape";
import { markClass, type MarkLook } from "./marks";

type Badge = { id: string; mark: string; text: string; color: string; x: number; y: number; onLine: boolean };

/** Beyond this many badges in view, the change list says it better than a crowd of badges. */
const MAX_BADGES = 400;
/**
 * Zoomed out over many changed relations, their badges would hide the lines they mark: then only
 * elements keep badges, and a relation's mark is its colour, width and dash pattern.
 */
const LINE_BADGES_ZOOM = 0.7;
const FEW_LINE_BADGES = 12;

export function MarkBadges({ cy, looks }: { cy: Core; looks: MarkLook[] }) {
  const [badges, setBadges] = useState<Badge[]>([]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      if (!cy.destroyed()) setBadges(badgesInView(cy, looks));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    const events = "viewport position add remove resize";
    cy.on(events, schedule);
    schedule();
    return () => {
      cy.off(events, schedule);
      cancelAnimationFrame(frame);
    };
  }, [cy, looks]);

  return (
    <div className="mark-badges" aria-hidden="true">
      {badges.map((b) => (
        <span key={b.id} className={`mark-badge badge-${b.mark}${b.onLine ? " on-line" : ""}`} style={{ left: b.x, top: b.y, borderColor: b.color, color: b.color }} data-subject={b.id} data-mark={b.mark}>
          {b.text}
        </span>
      ))}
    </div>
  );
}

function badgesInView(cy: Core, looks: MarkLook[]): Badge[] {
  const [w, h] = [cy.width(), cy.height()];
  const inView = (at: { x: number; y: number }) => at.x >= 0 && at.y >= 0 && at.x <= w && at.y <= h;
  const nodes: Badge[] = [];
  const lines: Badge[] = [];
  for (const look of looks) {
    if (look.faded) continue;
    cy.$(`.${markClass(look.mark)}`).forEach((element: SingularElementReturnValue) => {
      const onLine = element.isEdge();
      const at = onLine ? (element as EdgeSingular).renderedMidpoint() : nodeCorner(element as NodeSingular);
      if (inView(at)) (onLine ? lines : nodes).push({ id: element.id(), mark: look.mark, text: look.badge, color: look.colour, onLine, ...at });
    });
  }
  const withLines = cy.zoom() >= LINE_BADGES_ZOOM || lines.length <= FEW_LINE_BADGES;
  return [...(withLines ? lines : []), ...nodes].slice(0, MAX_BADGES);
}

/** The top-right corner of a node's shape, where its badge sits. */
function nodeCorner(node: NodeSingular): { x: number; y: number } {
  const box = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
  return { x: box.x2, y: box.y1 };
}
