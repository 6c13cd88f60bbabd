// Draws the core's answer to a view request (what a scene or the time scrubber shows) on the
// canvas: hidden elements and relations out of sight, faded ones faint, what a hidden group held
// moved into the nearest group still shown. Nothing is decided here — the core's view function
// (core/src/view.rs) did — and nothing leaves the map's store: only classes and the canvas's own
// grouping change, and `clearAnswer` puts them back.
//
// Drawing an answer over another changes only what differs between them, so a step of the time
// scrubber on a big map touches the few elements that arrived or departed, not all of them.
import type { Core, SingularElementArgument } from "cytoscape";
import type { ViewAnswer_Serialize as ViewAnswer } from "../bindings";

export const FADED = "view-faded";
export const HIDDEN = "view-hidden";
/** Where a regrouped node keeps the group the map gives it, to go back there. */
const OWN_GROUP = "viewOwnGroup";
/** The classes that draw an element's state now (a dissolved team, a hospiced office). */
const STATE_CLASS = /^(status-.+|hospiced)$/;
/** The nodes drawn as they were then, per canvas, with the state classes the map gives them now. */
const drawnThen = new WeakMap<Core, Map<string, string>>();
/** How long an arrival or departure fades, when the drawing asks for fades (a replay). */
export const FADE_MS = 300;

export function clearAnswer(cy: Core | null): void {
  if (!cy || cy.destroyed()) return;
  settleFades(cy);
  cy.batch(() => {
    asItWas(cy, []);
    cy.elements(`.${FADED}, .${HIDDEN}`).removeClass(`${FADED} ${HIDDEN}`);
    cy.nodes().forEach((node) => {
      const own = node.scratch(OWN_GROUP) as string | null | undefined;
      if (own === undefined) return;
      node.removeScratch(OWN_GROUP);
      const parent = own && cy.getElementById(own).nonempty() ? own : null;
      node.move({ parent });
    });
  });
}

type Look = typeof HIDDEN | typeof FADED | null;

/** What the answer says of every id it names. */
function looks(answer: ViewAnswer): Map<string, Look> {
  const out = new Map<string, Look>();
  const put = (ids: string[], look: Look) => ids.forEach((id) => out.set(id, look));
  put(answer.visible, null);
  put(answer.visible_relations, null);
  put(answer.faded, FADED);
  put(answer.faded_relations, FADED);
  put(answer.hidden, HIDDEN);
  put(answer.hidden_relations, HIDDEN);
  return out;
}

function lookOf(ele: SingularElementArgument): Look {
  return ele.hasClass(HIDDEN) ? HIDDEN : ele.hasClass(FADED) ? FADED : null;
}

/**
 * Shows `answer` on `cy`, replacing any answer shown before; only what differs changes. With
 * `fade`, what arrives or departs fades in or out (a replay) instead of appearing at once.
 */
export function drawAnswer(cy: Core, answer: ViewAnswer, options: { fade?: boolean } = {}): void {
  settleFades(cy);
  const wanted = looks(answer);
  const arriving: SingularElementArgument[] = [];
  const departing: SingularElementArgument[] = [];
  cy.batch(() => {
    regroup(cy, answer);
    asItWas(cy, answer.as_it_was);
    cy.elements().forEach((ele) => {
      const now = lookOf(ele);
      const next = wanted.get(ele.id()) ?? null;
      if (now === next) return;
      if (options.fade && now === HIDDEN) arriving.push(ele);
      if (options.fade && next === HIDDEN) {
        departing.push(ele);
        return;
      }
      ele.removeClass(`${FADED} ${HIDDEN}`);
      if (next) ele.addClass(next);
    });
  });
  if (arriving.length + departing.length > 0) fadeAcross(cy, arriving, departing);
}

/** Fades under way per canvas, ended at once by the next drawing: "out" ends hidden. */
const fading = new WeakMap<Core, Map<SingularElementArgument, "in" | "out">>();

function endFade(ele: SingularElementArgument, way: "in" | "out"): void {
  if (way === "out") ele.removeClass(FADED).addClass(HIDDEN);
  ele.removeStyle("opacity");
}

function settleFades(cy: Core): void {
  const under = fading.get(cy);
  if (!under) return;
  fading.delete(cy);
  cy.batch(() =>
    under.forEach((way, ele) => {
      ele.stop(true, false);
      if (!ele.removed()) endFade(ele, way);
    }),
  );
}

/** Arrivals fade in from nothing; departures fade out, then are hidden. */
function fadeAcross(cy: Core, arriving: SingularElementArgument[], departing: SingularElementArgument[]): void {
  const under = new Map<SingularElementArgument, "in" | "out">();
  fading.set(cy, under);
  const run = (ele: SingularElementArgument, way: "in" | "out", from: number, to: number) => {
    under.set(ele, way);
    ele.style("opacity", from);
    ele.animate(
      { style: { opacity: to } },
      {
        duration: FADE_MS,
        complete: () => {
          under.delete(ele);
          endFade(ele, way);
        },
      },
    );
  };
  arriving.forEach((ele) => run(ele, "in", 0, ele.hasClass(FADED) ? ele.numericStyle("opacity") : 1));
  departing.forEach((ele) => run(ele, "out", ele.numericStyle("opacity"), 0));
}

/** Draws `ids` without their state now (a team since dissolved, at work then), the others as they are. */
function asItWas(cy: Core, ids: string[]): void {
  const wanted = new Set(ids);
  const before = drawnThen.get(cy) ?? new Map<string, string>();
  const after = new Map<string, string>();
  for (const [id, own] of before) {
    if (wanted.has(id)) after.set(id, own);
    else if (own) cy.getElementById(id).addClass(own);
  }
  for (const id of wanted) {
    const node = cy.getElementById(id);
    if (node.empty()) continue;
    // An edit since may have drawn its state again: what it says now is its own state.
    const now = node.classes().filter((c) => STATE_CLASS.test(c)).join(" ");
    if (now) node.removeClass(now);
    after.set(id, now || (after.get(id) ?? ""));
  }
  drawnThen.set(cy, after);
}

/** Moves regrouped nodes into the group the answer names, and the others back to their own. */
function regroup(cy: Core, answer: ViewAnswer): void {
  const target = new Map(answer.regrouped);
  cy.nodes().forEach((node) => {
    const own = node.scratch(OWN_GROUP) as string | null | undefined;
    if (own === undefined || target.has(node.id())) return;
    node.removeScratch(OWN_GROUP);
    node.move({ parent: own && cy.getElementById(own).nonempty() ? own : null });
  });
  for (const [id, group] of answer.regrouped) {
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) continue;
    const parent = group && cy.getElementById(group).nonempty() ? group : null;
    const current = node.parent().nonempty() ? node.parent().first().id() : null;
    const saved = node.scratch(OWN_GROUP) as string | null | undefined;
    if (current === parent && saved !== undefined) continue;
    const own = saved !== undefined ? saved : current;
    node.move({ parent });
    // Moving re-creates the node: the scratch goes on the new one.
    cy.getElementById(id).scratch(OWN_GROUP, own);
  }
}
