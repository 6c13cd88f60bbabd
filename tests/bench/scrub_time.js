// Runs in the app window (WebDriver execute_async): steps the time scrubber a month at a time, as
// the arrow key does, through the slider's own input event (the path a drag takes too), and times
// each step from the input to the first frame drawn after the canvas shows that month
// (`document.body.dataset.timeShown`, set once the core's answer is drawn). Starts ten years
// before the end of the timeline. Arguments: steps, done.
const [steps, done] = arguments;
const slider = document.querySelector("[data-testid='time-slider']");
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function step(at) {
  const started = performance.now();
  setValue.call(slider, String(at));
  slider.dispatchEvent(new Event("input", { bubbles: true }));
  const deadline = started + 20000;
  for (;;) {
    const month = slider.dataset.moment;
    if (month && Number(slider.value) === at && document.body.dataset.timeShown === month) break;
    if (performance.now() > deadline) throw new Error(`step to ${at} never drawn`);
    await frame();
  }
  // The canvas redraws on the next frame after its classes change.
  await frame();
  return performance.now() - started;
}

async function run() {
  if (!slider) return done({ error: "no time slider" });
  const last = Number(slider.max);
  const start = Math.max(0, last - 120);
  const times = [];
  const shown = [];
  for (let i = 0; i < steps; i++) {
    const at = start + ((i * 6) % 120);
    times.push(await step(at));
    shown.push(window.__murmuration.cy.nodes(":visible").length);
  }
  const sorted = [...times].sort((a, b) => a - b);
  done({ medianMs: sorted[Math.floor(sorted.length / 2)], slowestMs: sorted.at(-1), times, shown });
}

run().catch((e) => done({ error: String(e) }));
