// Runs in the app window (WebDriver execute_async): moves the view for `seconds` and counts the
// frames the page drew. Arguments: mode, seconds, done callback.
//
// whole / zoomed: the view is moved from script (cy.panBy / cy.zoom) on every frame, the way a
//   scene change or presentation moves it. Whole has the map framed; zoomed is 6× closer.
// scene: scene transitions at working zoom, as showScene runs them — cy.animate over 700 ms
//   (ease-in-out-cubic) between two views 6× closer (the second 0.8× as close, centred 40% of a
//   view's width to the right), back and forth for `seconds`. `settleMs` is then the fresh drawing
//   once the last one ends.
// wheel / drag (with ":zoomed" for 6× closer): the user's own gestures, sent to the canvas as DOM
//   events — wheel events to zoom in and out about the pointer (swinging about 1.5× either way,
//   so the view stays at the same level of detail), and a held mouse button dragged
//   over empty background to pan — so Cytoscape goes through the same input handlers as for a
//   person. `settleMs` is the longest gap between frames in the second after the gesture ends
//   (the map redrawn in full once the view stops).
const [mode, seconds, done] = arguments;
const cy = window.__murmuration.cy;
const container = cy.container();
const frame = container.getBoundingClientRect();
const [gesture, closer] = mode.split(":");
cy.fit(undefined, 20);
const zoomIn = gesture === "zoomed" || gesture === "scene" || closer === "zoomed";
if (zoomIn) cy.zoom({ level: cy.zoom() * 6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });

/** A point of the canvas (CSS pixels, relative to it) with no element under it, for a drag to pan. */
function emptyPoint() {
  const boxes = cy.nodes(":visible").map((n) => n.renderedBoundingBox({ includeLabels: true }));
  for (let y = 8; y < cy.height(); y += 24) {
    for (let x = 8; x < cy.width(); x += 24) {
      if (!boxes.some((b) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4)) return { x, y };
    }
  }
  return null;
}

function mouse(type, target, at) {
  target.dispatchEvent(
    new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, buttons: type === "mouseup" ? 0 : 1, clientX: frame.left + at.x, clientY: frame.top + at.y }),
  );
}

const centre = { x: cy.width() / 2, y: cy.height() / 2 };

// Moving to a new level of detail (closer in: people, their relations and labels appear) re-styles
// the map once; that frame is timed on its own (`switchMs`), then the view rests for half a second
// before the measured run, as it would once the user has zoomed in.
const switched = performance.now();
requestAnimationFrame(() => requestAnimationFrame((drawn) => setTimeout(() => measure(zoomIn ? drawn - switched : 0), 500)));

function measure(switchMs) {
const grip = gesture === "drag" ? emptyPoint() : null;
if (gesture === "drag" && !grip) {
  done({ fps: 0, medianFrameMs: 0, p95FrameMs: 0, settleMs: 0, switchMs, skipped: "no empty background to drag" });
} else {
  if (grip) mouse("mousedown", container, grip);
  const start = performance.now();
  const times = [];
  let ended = null;
  if (gesture === "scene") transitions();
  const step = (now) => {
    const t = (now - start) / 1000;
    if (gesture === "scene" && ended === null && !cy.animated() && t >= seconds) ended = now;
    if (ended === null) {
      times.push(now);
      if (gesture === "whole" || gesture === "zoomed") {
        cy.panBy({ x: Math.sin(t * 3) * 6, y: Math.cos(t * 2) * 4 });
        cy.zoom({ level: cy.zoom() * (1 + Math.sin(t * 4) * 0.01), renderedPosition: centre });
      } else if (gesture === "wheel") {
        container.dispatchEvent(
          new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: Math.sin(t * 4) * 3, deltaMode: 0, clientX: frame.left + centre.x, clientY: frame.top + centre.y }),
        );
      } else if (gesture === "drag") {
        mouse("mousemove", window, { x: grip.x + Math.sin(t * 3) * 60, y: grip.y + (1 - Math.cos(t * 2)) * 40 });
      }
      if (t >= seconds && gesture !== "scene") {
        ended = now;
        if (grip) mouse("mouseup", window, { x: grip.x, y: grip.y });
      }
      requestAnimationFrame(step);
      return;
    }
    times.push(now);
    if (now - ended < 1000) {
      requestAnimationFrame(step);
      return;
    }
    const during = times.filter((x) => x <= ended);
    const gaps = during.slice(1).map((x, i) => x - during[i]).sort((a, b) => a - b);
    const after = times.filter((x) => x >= ended);
    const settle = after.slice(1).map((x, i) => x - after[i]);
    done({
      fps: (during.length - 1) / ((ended - during[0]) / 1000),
      medianFrameMs: gaps[Math.floor(gaps.length / 2)] || 0,
      p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] || 0,
      settleMs: settle.length ? Math.max(...settle) : 0,
      switchMs,
    });
  };
  requestAnimationFrame(step);

  /** Back and forth between two views 6× closer until `seconds` have passed. */
  function transitions() {
    const here = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    const zoom = here.zoom * 0.8;
    const model = { x: (centre.x + cy.width() * 0.4 - here.pan.x) / here.zoom, y: (centre.y - here.pan.y) / here.zoom };
    const there = { zoom, pan: { x: centre.x - model.x * zoom, y: centre.y - model.y * zoom } };
    let toThere = true;
    const next = () => {
      if ((performance.now() - start) / 1000 >= seconds) return;
      const to = toThere ? there : here;
      toThere = !toThere;
      cy.animate({ zoom: to.zoom, pan: to.pan }, { duration: 700, easing: "ease-in-out-cubic", complete: next });
    };
    next();
  }
}
}
