// Runs in the app window (WebDriver execute_async): `count` edits of the open map sent through the
// window's store (the test hook's `apply`), alternately renaming a person and moving one the way a
// drag ends (the node is already where it is dropped, then the move is sent). For each edit it
// times the core's answer arriving (mark `murmuration:edit-answered`) to the canvas having it
// (mark `murmuration:edit-drawn`: elements synced and positions set). Arguments: count, done.
const [count, done] = arguments;
const hook = window.__murmuration;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const mark = (name) => performance.getEntriesByName(`murmuration:${name}`).at(-1);

async function edit(i, id) {
  const element = hook.snapshot().elements.find((e) => e.id === id);
  if (i % 2 === 0) {
    const name = `${element.name.replace(/ ·\d+$/, "")} ·${i}`;
    return hook.apply({ op: "update_element", element: { ...element, name } });
  }
  const node = hook.cy.getElementById(id);
  const to = { x: Math.round(node.position("x") + 12), y: Math.round(node.position("y") + 8) };
  node.position(to);
  return hook.apply({ op: "move", view: "network", positions: [{ element: id, point: to }] });
}

async function run() {
  const people = hook.snapshot().elements.filter((e) => e.kind === "person");
  const took = [];
  const kinds = [];
  for (let i = 0; i < count; i++) {
    const id = people[(i * 7919) % people.length].id;
    if (!(await edit(i, id))) return done({ error: `edit ${i} was refused` });
    const generation = hook.snapshot().generation;
    const deadline = performance.now() + 10000;
    while (mark("edit-drawn")?.detail !== generation) {
      if (performance.now() > deadline) return done({ error: `edit ${i} never reached the canvas` });
      await frame();
    }
    took.push(mark("edit-drawn").startTime - mark("edit-answered").startTime);
    kinds.push(i % 2 === 0 ? "rename" : "move");
    // Let the window draw and rest between edits, as between a user's gestures.
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sorted = [...took].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const by = (kind) => took.filter((_, i) => kinds[i] === kind).sort((a, b) => a - b);
  const mid = (v) => v[Math.floor(v.length / 2)] ?? 0;
  done({ medianMs: median, renameMs: mid(by("rename")), moveMs: mid(by("move")), maxMs: sorted.at(-1), times: took.map((t) => Math.round(t * 10) / 10) });
}

run().catch((e) => done({ error: String(e) }));
