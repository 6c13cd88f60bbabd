// Runs in the app window (WebDriver execute_async): edit number `i` of the open map, sent through
// the window's store (the test hook's `apply`): even numbers rename a person, odd ones move one the
// way a drag ends (the node is already where it is dropped, then the move is sent). It times the
// core's answer arriving (mark `murmuration:edit-answered`) to the canvas having it (mark
// `murmuration:edit-drawn`: elements synced and positions set). Arguments: i, done.
const [i, done] = arguments;
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
  const id = people[(i * 7919) % people.length].id;
  if (!(await edit(i, id))) return done({ error: `edit ${i} was refused` });
  const generation = hook.snapshot().generation;
  const deadline = performance.now() + 20000;
  while (mark("edit-drawn")?.detail !== generation) {
    if (performance.now() > deadline) return done({ error: `edit ${i} never reached the canvas` });
    await frame();
  }
  const answered = mark("edit-answered").startTime;
  const ms = mark("edit-drawn").startTime - answered;
  // Of which the window's own rendering, before the canvas is handed the change.
  const shown = mark("edit-shown");
  const renderMs = shown?.detail === generation ? shown.startTime - answered : null;
  // Let the window draw and rest before the next edit, as between a user's gestures.
  await frame();
  await frame();
  setTimeout(() => done({ ms, renderMs, kind: i % 2 === 0 ? "rename" : "move" }), 50);
}

run().catch((e) => done({ error: String(e) }));
