// The badge beside each marked element and relation on a compare canvas (the vocabulary's badge
// text: colour is never the only signal). Drawn over the canvas in HTML, kept in place as the
// canvas pans and zooms; only those in view are drawn, so a big comparison stays light.
import { useEffect, useState } from "react";
import type { Core, EdgeSingular, NodeSingular, SingularElementReturnValue } from "cytoscape";
import { markClass, type MarkLook } from "./marks";

type Badge = { id: string; mark: string; text: string; color: string; x: number; y: number };

/** Beyond this many badges in view, the change list says it better than a crowd of badges. */
const MAX_BADGES = 400;

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
        <span key={b.id} className={`mark-badge badge-${b.mark}`} style={{ left: b.x, top: b.y, borderColor: b.color, color: b.color }} data-subject={b.id} data-mark={b.mark}>
          {b.text}
        </span>
      ))}
    </div>
  );
}

function badgesInView(cy: Core, looks: MarkLook[]): Badge[] {
  const [w, h] = [cy.width(), cy.height()];
  const badges: Badge[] = [];
  for (const look of looks) {
    if (look.faded) continue;
    cy.$(`.${markClass(look.mark)}`).forEach((element: SingularElementReturnValue) => {
      if (badges.length >= MAX_BADGES) return;
      const at = element.isNode() ? nodeCorner(element as NodeSingular) : (element as EdgeSingular).renderedMidpoint();
      if (at.x < 0 || at.y < 0 || at.x > w || at.y > h) return;
      badges.push({ id: element.id(), mark: look.mark, text: look.badge, color: look.colour, ...at });
    });
  }
  return badges;
}

/** The top-right corner of a node's shape, where its badge sits. */
function nodeCorner(node: NodeSingular): { x: number; y: number } {
  const box = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
  return { x: box.x2, y: box.y1 };
}
