//! What a view shows, decided once.
//!
//! A view is a request: a scenario, a view kind, a moment, a lens, a focus and filters. [`answer`]
//! says what that request shows — which elements and relations are visible, faded or hidden, where
//! what a hidden group held is drawn instead, the lens paint and the caption. The canvas (scenes,
//! presentation) and paper (every export, the deck) draw this one answer, so screen and paper
//! cannot disagree. A scene is a saved request ([`ViewRequest::of_scene`]).

use crate::analysis::Analysis;
use crate::error::{CoreError, ErrorKind, Result};
use crate::lens_paint::{lens_paint, LensPaint, LENSES};
pub use crate::model::{scenario_named, scenario_of};
use crate::model::{
    Date, ElementDetails, ElementId, ElementKind, Map, RelationId, RelationKind, Scenario,
    ScenarioId, Scene, SceneComparison, SceneFilters, View,
};
use crate::shown::ended;
pub use crate::shown::{check_moment, shown, Filter};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeMap, BTreeSet};

/// A view to show: what a scene saves, and what the window asks for when it shows one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ViewRequest {
    pub scenario: ScenarioId,
    pub view: View,
    /// The moment shown (`2021`, `2021-04`, `2021-04-15`); `None` shows everything.
    #[serde(default)]
    #[specta(type = Option<String>)]
    pub moment: Option<Date>,
    /// A lens id from [`LENSES`]; `None` for no lens.
    #[serde(default)]
    pub lens: Option<String>,
    /// What is left out, and what is brought forward (`filters.focus`).
    #[serde(default)]
    pub filters: SceneFilters,
    /// A comparison: `scenario` compared with another, drawn as the compare overlay (the union of
    /// both, the change marks as the paint, what did not change faint). The lens is not drawn.
    #[serde(default)]
    pub compare: Option<SceneComparison>,
}

impl ViewRequest {
    pub fn of_scene(scene: &Scene) -> Self {
        Self {
            scenario: scene.scenario.clone(),
            view: scene.view,
            moment: scene.time.clone(),
            lens: scene.lens.clone(),
            filters: scene.filters.clone(),
            compare: scene.compare.clone(),
        }
    }
}

/// What a view shows. Every element and relation of the scenario is in exactly one of the
/// visible, faded and hidden lists.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ViewAnswer {
    pub scenario: ScenarioId,
    pub view: View,
    pub visible: Vec<ElementId>,
    pub faded: Vec<ElementId>,
    pub hidden: Vec<ElementId>,
    pub visible_relations: Vec<RelationId>,
    pub faded_relations: Vec<RelationId>,
    pub hidden_relations: Vec<RelationId>,
    /// Elements drawn in another group than their own, because theirs is hidden: `(element, the
    /// nearest group still shown)`; `None` stands on its own.
    pub regrouped: Vec<(ElementId, Option<ElementId>)>,
    /// Of the hidden, what had ended before the moment shown (dissolved, hospiced, closed), and
    /// the relations that would be drawn with it: what the window may ghost instead of hiding.
    pub departed: Vec<ElementId>,
    pub departed_relations: Vec<RelationId>,
    /// Shown, and drawn as they were at the moment rather than as they are now: a sprint team
    /// since dissolved that was still at work then.
    pub as_it_was: Vec<ElementId>,
    pub lens: Option<LensPaint>,
    /// One line under the view: the lens's caption when a lens is on.
    pub caption: Option<String>,
}

impl Filter {
    /// What `scene` leaves out (its focus is emphasis, not a filter: see [`Emphasis`]).
    pub fn of(scene: &Scene) -> Self {
        Self::of_request(&ViewRequest::of_scene(scene))
    }

    pub fn of_request(request: &ViewRequest) -> Self {
        Self {
            hidden_element_kinds: request.filters.hidden_element_kinds.clone(),
            hidden_relation_kinds: request.filters.hidden_relation_kinds.clone(),
            hidden_media: request.filters.hidden_media.clone(),
            time: request.moment.clone(),
        }
    }
}

/// What a focus brings forward, and the groups that hold it (drawn at full strength: the walls
/// matter). Everything else is faded.
#[derive(Debug, Clone, Default)]
pub struct Emphasis {
    lit: BTreeSet<ElementId>,
    holders: BTreeSet<ElementId>,
}

impl Emphasis {
    /// `None` when `focus` is empty: all alike.
    pub fn of(scenario: &Scenario, focus: &BTreeSet<ElementId>) -> Option<Self> {
        if focus.is_empty() {
            return None;
        }
        let lit = brought_forward(scenario, focus);
        let mut holders = BTreeSet::new();
        for id in &lit {
            let mut at = scenario.elements.get(id).and_then(|e| e.parent.as_ref());
            while let Some(p) = at {
                if !holders.insert(p.clone()) {
                    break;
                }
                at = scenario.elements.get(p).and_then(|e| e.parent.as_ref());
            }
        }
        Some(Self { lit, holders })
    }

    pub fn element_faded(&self, id: &ElementId) -> bool {
        !self.lit.contains(id) && !self.holders.contains(id)
    }

    /// A relation stays at full strength only between two elements brought forward.
    pub fn relation_faded(&self, source: &ElementId, target: &ElementId) -> bool {
        !(self.lit.contains(source) && self.lit.contains(target))
    }
}

/// What a focus naming `focus` brings forward: the named elements and everything inside them —
/// nested in them or a member of them, at any depth, as the lenses count "inside"
/// (docs/lenses.md) — and the people who call them home. So a community brought forward brings
/// its members from every office with it.
pub fn brought_forward(scenario: &Scenario, focus: &BTreeSet<ElementId>) -> BTreeSet<ElementId> {
    // Who is inside what: children by nesting, members, and the people a community is home to.
    let mut inside: BTreeMap<&ElementId, Vec<&ElementId>> = BTreeMap::new();
    for e in scenario.elements.values() {
        if let Some(p) = &e.parent {
            inside.entry(p).or_default().push(&e.id);
        }
        if let ElementDetails::Person {
            home_base: Some(home),
            ..
        } = &e.details
        {
            inside.entry(home).or_default().push(&e.id);
        }
    }
    for r in scenario.relations.values() {
        if r.kind() == RelationKind::MemberOf {
            inside.entry(&r.target).or_default().push(&r.source);
        }
    }
    let mut lit: BTreeSet<ElementId> = BTreeSet::new();
    let mut todo: Vec<&ElementId> = focus
        .iter()
        .filter(|id| scenario.elements.contains_key(*id))
        .collect();
    while let Some(id) = todo.pop() {
        if lit.insert(id.clone()) {
            todo.extend(inside.get(id).into_iter().flatten().copied());
        }
    }
    lit
}

/// The reporting lines the org chart draws: reports-to between people and offices. The chart
/// shows only their ends; everything else (communities, teams, flows) is left out of it.
pub fn org_chart_lines(scenario: &Scenario) -> Vec<&crate::model::Relation> {
    let charted = |id: &ElementId| {
        scenario
            .elements
            .get(id)
            .is_some_and(|e| matches!(e.kind(), ElementKind::Person | ElementKind::Office))
    };
    scenario
        .relations
        .values()
        .filter(|r| r.kind() == RelationKind::ReportsTo && charted(&r.source) && charted(&r.target))
        .collect()
}

/// What the org chart draws: the ends of its reporting lines and the offices that hold those
/// people (their box is drawn around them, with or without a reporting line of its own).
pub fn org_chart_shown(scenario: &Scenario) -> BTreeSet<ElementId> {
    let mut shown: BTreeSet<ElementId> = BTreeSet::new();
    for r in org_chart_lines(scenario) {
        for end in [&r.source, &r.target] {
            if shown.insert(end.clone()) {
                if let Some(office) =
                    crate::model::org_chart_office(scenario, &scenario.elements[end])
                {
                    shown.insert(office.clone());
                }
            }
        }
    }
    shown
}

/// The paint of the request's lens; an unknown lens is an error.
fn lens_of(
    request: &ViewRequest,
    scenario: &ScenarioId,
    paint: impl FnOnce(&ScenarioId, &str) -> Option<LensPaint>,
) -> Result<Option<LensPaint>> {
    match request.lens.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(id) if id == "geology" || LENSES.iter().any(|(l, _)| *l == id) => {
            Ok(paint(scenario, id))
        }
        Some(id) => Err(CoreError::new(
            ErrorKind::UnknownLens,
            format!("There is no lens \u{201c}{id}\u{201d}."),
        )),
    }
}

/// What `request` shows on `map`. `paint` gives a lens's paint on a scenario (the caller keeps
/// the analysis, which is the one costly step). An unknown scenario or lens, or a moment that is
/// not a date, is an error naming it.
pub fn answer(
    map: &Map,
    request: &ViewRequest,
    paint: impl FnOnce(&ScenarioId, &str) -> Option<LensPaint>,
) -> Result<ViewAnswer> {
    let scenario = scenario_of(map, &request.scenario)?;
    if let Some(moment) = &request.moment {
        check_moment(moment)?;
    }
    if let Some(comparison) = &request.compare {
        return compared(map, request, &comparison.with);
    }
    let lens = lens_of(request, &scenario.id, paint)?;
    let drawn = shown(scenario, &Filter::of_request(request));
    let mut out = ViewAnswer::empty(scenario.id.clone(), request.view, lens);
    sort_into(&mut out, scenario, &drawn, request);
    if let Some(moment) = request.moment.as_ref().and_then(|d| d.bounds()) {
        sort_departed(&mut out, scenario, request, moment);
    }
    Ok(out)
}

/// The answer to a comparison: the overlay's union sorted as the request's filters say, the
/// change marks as the paint, and the changes (with the request's own focus) brought forward.
fn compared(map: &Map, request: &ViewRequest, with: &ScenarioId) -> Result<ViewAnswer> {
    let painted = crate::compare::overlay_paint(map, &request.scenario, with)?;
    let mut request = request.clone();
    request.filters.focus.extend(painted.forward);
    let drawn = shown(&painted.union, &Filter::of_request(&request));
    let mut out = ViewAnswer::empty(request.scenario.clone(), request.view, Some(painted.paint));
    sort_into(&mut out, &painted.union, &drawn, &request);
    Ok(out)
}

impl ViewAnswer {
    /// An answer with nothing sorted yet, captioned by its lens.
    fn empty(scenario: ScenarioId, view: View, lens: Option<LensPaint>) -> Self {
        Self {
            scenario,
            view,
            caption: lens.as_ref().map(|l| l.caption.clone()),
            lens,
            visible: Vec::new(),
            faded: Vec::new(),
            hidden: Vec::new(),
            visible_relations: Vec::new(),
            faded_relations: Vec::new(),
            hidden_relations: Vec::new(),
            regrouped: Vec::new(),
            departed: Vec::new(),
            departed_relations: Vec::new(),
            as_it_was: Vec::new(),
        }
    }
}

/// Puts every element and relation of `scenario` into the answer's visible, faded or hidden
/// list, as `drawn` (the filtered scenario), the view kind and the focus say.
fn sort_into(out: &mut ViewAnswer, scenario: &Scenario, drawn: &Scenario, request: &ViewRequest) {
    let emphasis = Emphasis::of(drawn, &request.filters.focus);
    // The org chart draws only its reporting lines, their ends and the offices holding them.
    let charted: Option<(BTreeSet<ElementId>, BTreeSet<&RelationId>)> =
        (request.view == View::OrgChart).then(|| {
            let lines = org_chart_lines(drawn);
            (
                org_chart_shown(drawn),
                lines.iter().map(|r| &r.id).collect(),
            )
        });
    let on_chart = |id: &ElementId| charted.as_ref().is_none_or(|(ends, _)| ends.contains(id));
    for (id, element) in &scenario.elements {
        match drawn.elements.get(id).filter(|_| on_chart(id)) {
            None => out.hidden.push(id.clone()),
            Some(e) => {
                if e.parent != element.parent {
                    out.regrouped.push((id.clone(), e.parent.clone()));
                }
                if e.details != element.details {
                    out.as_it_was.push(id.clone());
                }
                match &emphasis {
                    Some(em) if em.element_faded(id) => out.faded.push(id.clone()),
                    _ => out.visible.push(id.clone()),
                }
            }
        }
    }
    for (id, relation) in &scenario.relations {
        let in_view = charted.as_ref().is_none_or(|(_, lines)| lines.contains(id));
        if !drawn.relations.contains_key(id) || !in_view {
            out.hidden_relations.push(id.clone());
        } else if emphasis
            .as_ref()
            .is_some_and(|em| em.relation_faded(&relation.source, &relation.target))
        {
            out.faded_relations.push(id.clone());
        } else {
            out.visible_relations.push(id.clone());
        }
    }
}

/// Finds, among the hidden, what had ended by `moment` and would otherwise be drawn (its kind not
/// filtered out, on the org chart when that is the view), and the relations between what is
/// drawn or departed that went with it.
fn sort_departed(
    out: &mut ViewAnswer,
    scenario: &Scenario,
    request: &ViewRequest,
    moment: (u32, u32),
) {
    let untimed = ViewRequest {
        moment: None,
        ..request.clone()
    };
    let mut without_time = ViewAnswer::empty(out.scenario.clone(), out.view, None);
    sort_into(
        &mut without_time,
        scenario,
        &shown(scenario, &Filter::of_request(&untimed)),
        &untimed,
    );
    let drawn_untimed: BTreeSet<&ElementId> = without_time
        .visible
        .iter()
        .chain(&without_time.faded)
        .collect();
    let hidden: BTreeSet<&ElementId> = out.hidden.iter().collect();
    out.departed = scenario
        .elements
        .values()
        .filter(|e| {
            hidden.contains(&e.id)
                && drawn_untimed.contains(&e.id)
                && ended(&e.annotations.span, moment)
        })
        .map(|e| e.id.clone())
        .collect();
    let departed: BTreeSet<&ElementId> = out.departed.iter().collect();
    let shown_or_gone = |id: &ElementId| {
        drawn_untimed.contains(id) && !hidden.contains(id) || departed.contains(id)
    };
    let hidden_relations: BTreeSet<&RelationId> = out.hidden_relations.iter().collect();
    out.departed_relations = without_time
        .visible_relations
        .iter()
        .chain(&without_time.faded_relations)
        .filter(|id| hidden_relations.contains(id))
        .filter(|id| {
            let r = &scenario.relations[*id];
            shown_or_gone(&r.source)
                && shown_or_gone(&r.target)
                && (ended(&r.annotations.span, moment)
                    || departed.contains(&r.source)
                    || departed.contains(&r.target))
        })
        .cloned()
        .collect();
}

/// [`answer`] with the lens painted from a fresh analysis of the scenario (for one-off callers;
/// the window and the deck keep their analyses).
pub fn answer_analysing(map: &Map, request: &ViewRequest) -> Result<ViewAnswer> {
    answer(map, request, |scenario, lens| {
        let analysis: Analysis =
            crate::analysis::analyze_at(map, scenario, request.moment.as_ref());
        lens_paint(map, scenario, lens, &analysis)
    })
}
