// Runs in the app window (WebDriver execute_async): steps the time scrubber a month at a time, as
// the arrow key does, through the slider's own input event (the path a drag takes too), and times
// each step from the input to the first frame drawn after the canvas shows that month
// (`document.body.dataset.timeShown`, set once the core's answer is drawn). Starts ten years
// before the end of the timeline. Arguments: steps, done.
const [steps, done] = arguments;
const slider = document.querySelector("[data-testid='time-slider']");
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
const drawing = [];
const painting = [];
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
  const mark = (name) => performance.getEntriesByName(`murmuration:${name}`).at(-1).startTime;
  drawing.push(mark("time-drawn") - mark("time-answered"));
  // The canvas redraws on the next frame after its classes change.
  await frame();
  painting.push(performance.now() - mark("time-drawn"));
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
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  // Of which the core's answer: the same requests sent straight to the shell (the bench only).
  const commandTimes = [];
  const snapshot = window.__murmuration.snapshot();
  for (let i = 0; i < Math.min(steps, 10); i++) {
    const moment = slider.dataset.first.replace(/^(\d{4})/, (y) => String(Number(y) + ((last - 120 + i * 6) / 12 | 0)));
    const started = performance.now();
    await window.__TAURI_INTERNALS__.invoke("show_view", {
      request: { scenario: snapshot.scenario, view: window.__murmuration.view(), moment, lens: null, filters: {} },
    });
    commandTimes.push(performance.now() - started);
  }
  done({ medianMs: median(times), slowestMs: Math.max(...times), commandMs: median(commandTimes), drawAnswerMs: median(drawing), paintMs: median(painting), times, shown });
}

run().catch((e) => done({ error: String(e) }));
