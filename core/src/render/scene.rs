//! Scenes on paper: a map's saved views become the pages of its deck.
//!
//! A scene names what it shows (scenario, view, viewport, lens, filters, moment) rather than
//! holding a picture, so the page is drawn afresh from the map each time and stays true as the
//! map is edited. This module turns a [`Scene`] into a [`DeckPage`] — its lens into the same
//! [`LensPaint`](crate::lens_paint::LensPaint) the canvas draws, its filters into what the page
//! leaves out — and a map into its deck.

use super::{DeckPage, Rect};
use crate::analysis::{analyze, Analysis};
use crate::error::{CoreError, ErrorKind, Result};
use crate::lens_paint::lens_paint;
use crate::model::{
    ElementDetails, ElementId, ElementKind, Map, Medium, RelationDetails, RelationKind, Scenario,
    ScenarioId, Scene, Span, SprintStatus, View, Viewport,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a page leaves out: a scene's hidden kinds and media, and the moment it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFilter {
    /// Element kinds not drawn; their relations go with them, and what they held moves up to
    /// the nearest group still drawn.
    pub hidden_element_kinds: BTreeSet<ElementKind>,
    pub hidden_relation_kinds: BTreeSet<RelationKind>,
    /// Flows of these media not drawn.
    pub hidden_media: BTreeSet<Medium>,
    /// The moment shown (`2021`, `2021-04`, `2021-04-15`): only what existed then is drawn, as
    /// it was then. `None` draws everything regardless of its span.
    pub time: Option<String>,
}

impl PageFilter {
    /// What `scene` leaves out (its focus is emphasis, not a filter: see [`scene_page`]).
    pub fn of(scene: &Scene) -> Self {
        Self {
            hidden_element_kinds: scene.filters.hidden_element_kinds.clone(),
            hidden_relation_kinds: scene.filters.hidden_relation_kinds.clone(),
            hidden_media: scene.filters.hidden_media.clone(),
            time: scene.time.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.hidden_element_kinds.is_empty()
            && self.hidden_relation_kinds.is_empty()
            && self.hidden_media.is_empty()
            && self.time.is_none()
    }
}

impl From<Viewport> for Rect {
    fn from(v: Viewport) -> Self {
        Rect {
            x: v.x,
            y: v.y,
            width: v.width,
            height: v.height,
        }
    }
}

/// `span` includes some of `moment` (both as `ops::date_bounds` reads them). A date that does
/// not parse leaves the thing shown: a page should not lose an office to a typing slip.
fn alive(span: &Span, moment: (u32, u32)) -> bool {
    let starts = span.from.as_deref().and_then(crate::ops::date_bounds);
    let ends = span.until.as_deref().and_then(crate::ops::date_bounds);
    starts.is_none_or(|(first, _)| first <= moment.1)
        && ends.is_none_or(|(_, last)| last >= moment.0)
}

/// The scenario as the page draws it: `scenario` itself when nothing is filtered, otherwise a
/// copy without what `filter` leaves out.
pub(crate) fn apply<'a>(scenario: &'a Scenario, filter: &PageFilter) -> Cow<'a, Scenario> {
    if filter.is_empty() {
        return Cow::Borrowed(scenario);
    }
    let moment = filter.time.as_deref().and_then(crate::ops::date_bounds);
    let keep_element = |id: &ElementId| {
        let e = &scenario.elements[id];
        !filter.hidden_element_kinds.contains(&e.kind())
            && moment.is_none_or(|m| alive(&e.annotations.span, m))
    };
    let kept: BTreeSet<&ElementId> = scenario
        .elements
        .keys()
        .filter(|id| keep_element(id))
        .collect();
    let mut out = Scenario {
        id: scenario.id.clone(),
        name: scenario.name.clone(),
        elements: BTreeMap::new(),
        relations: BTreeMap::new(),
        positions: scenario.positions.clone(),
    };
    let mut shown_above: HashMap<ElementId, Option<ElementId>> = HashMap::new();
    for id in &kept {
        let mut element = scenario.elements[*id].clone();
        // What a hidden group held is drawn in the nearest group still shown.
        element.parent = element
            .parent
            .take()
            .and_then(|p| nearest_kept(scenario, &kept, p, &mut shown_above));
        if let (Some(m), ElementDetails::SprintTeam { status, .. }) = (moment, &mut element.details)
        {
            // At a moment inside its span a team that has since ended was still at work.
            let ended = matches!(
                status,
                SprintStatus::Dissolved
                    | SprintStatus::Transformed
                    | SprintStatus::AbsorbedIntoRoutine
            );
            let until = element.annotations.span.until.as_deref();
            let still_then = until
                .and_then(crate::ops::date_bounds)
                .is_some_and(|(_, last)| last >= m.1);
            if ended && still_then {
                *status = SprintStatus::Active;
            }
        }
        out.elements.insert((*id).clone(), element);
    }
    for relation in scenario.relations.values() {
        let hidden_medium = matches!(
            relation.details,
            RelationDetails::Flow { medium, .. } if filter.hidden_media.contains(&medium)
        );
        let shown = kept.contains(&relation.source)
            && kept.contains(&relation.target)
            && !filter.hidden_relation_kinds.contains(&relation.kind())
            && !hidden_medium
            && moment.is_none_or(|m| alive(&relation.annotations.span, m));
        if shown {
            out.relations.insert(relation.id.clone(), relation.clone());
        }
    }
    Cow::Owned(out)
}

/// `from` if it is kept, else its nearest kept ancestor. `memo` remembers the answer for every
/// hidden group walked through, so many elements under one long hidden chain walk it once.
fn nearest_kept(
    scenario: &Scenario,
    kept: &BTreeSet<&ElementId>,
    from: ElementId,
    memo: &mut HashMap<ElementId, Option<ElementId>>,
) -> Option<ElementId> {
    let mut hidden = Vec::new();
    let mut at = Some(from);
    let found = loop {
        match at {
            None => break None,
            Some(id) if kept.contains(&id) => break Some(id),
            Some(id) => {
                if let Some(known) = memo.get(&id) {
                    break known.clone();
                }
                // A nesting loop cannot pass the core's invariants; never follow one forever.
                if hidden.len() > scenario.elements.len() {
                    break None;
                }
                at = scenario.elements.get(&id).and_then(|e| e.parent.clone());
                hidden.push(id);
            }
        }
    };
    for id in hidden {
        memo.insert(id, found.clone());
    }
    found
}

/// What a scene whose focus names `focus` brings forward: the named elements and everything
/// inside them — nested in them or a member of them, at any depth, as the lenses count "inside"
/// (docs/lenses.md) — and the people who call them home. So a community brought forward brings
/// its members from every office with it. The canvas fades what the page fades by asking this.
pub fn brought_forward(scenario: &Scenario, focus: &BTreeSet<ElementId>) -> BTreeSet<ElementId> {
    let mut lit: BTreeSet<ElementId> = focus
        .iter()
        .filter(|id| scenario.elements.contains_key(*id))
        .cloned()
        .collect();
    let homes = scenario.elements.values().filter_map(|e| match &e.details {
        ElementDetails::Person {
            home_base: Some(home),
            ..
        } => Some((&e.id, home)),
        _ => None,
    });
    // What sits in each group, by nesting or by belonging.
    let mut inside: HashMap<&ElementId, Vec<&ElementId>> = HashMap::new();
    let members = scenario
        .relations
        .values()
        .filter(|r| r.kind() == RelationKind::MemberOf)
        .map(|r| (&r.source, &r.target));
    let nested = scenario
        .elements
        .values()
        .filter_map(|e| e.parent.as_ref().map(|p| (&e.id, p)));
    for (member, group) in members.chain(homes).chain(nested) {
        inside.entry(group).or_default().push(member);
    }
    // Outward from what the scene names, each element once: nesting may run thousands deep.
    let mut queue: Vec<ElementId> = lit.iter().cloned().collect();
    while let Some(group) = queue.pop() {
        for &member in inside.get(&group).into_iter().flatten() {
            if lit.insert(member.clone()) {
                queue.push(member.clone());
            }
        }
    }
    lit
}

/// A scene as a page of the deck: its scenario and view, its viewport, its focus brought
/// forward, its lens painted as the canvas paints it, its filters, its notes, and its title as
/// the page's subtitle. `analyses` keeps each scenario's [`Analysis`] for the next scene with a
/// lens on (analysing is the one costly step; a deck's scenes share few scenarios).
pub fn scene_page(
    map: &Map,
    scene: &Scene,
    analyses: &mut BTreeMap<ScenarioId, Analysis>,
) -> DeckPage {
    let lens = scene.lens.as_deref().and_then(|lens| {
        let analysis = analyses
            .entry(scene.scenario.clone())
            .or_insert_with(|| analyze(map, &scene.scenario));
        lens_paint(map, &scene.scenario, lens, analysis)
    });
    DeckPage {
        scenario: Some(scene.scenario.clone()),
        view: scene.view,
        subtitle: scene.title.clone(),
        viewport: scene.viewport.map(Rect::from),
        emphasis: (!scene.filters.focus.is_empty()).then(|| scene.filters.focus.clone()),
        lens,
        notes: (!scene.notes.trim().is_empty()).then(|| scene.notes.clone()),
        filter: PageFilter::of(scene),
    }
}

/// The map's deck: one page per scene, in the story's order. A map without scenes gets its org
/// chart and its network, so a deck can always be made.
pub fn scene_deck(map: &Map) -> Vec<DeckPage> {
    if map.scenes.is_empty() {
        return vec![
            DeckPage::new(View::OrgChart, super::page::view_name(View::OrgChart)),
            DeckPage::new(View::Network, super::page::view_name(View::Network)),
        ];
    }
    let mut analyses = BTreeMap::new();
    map.scenes
        .iter()
        .map(|scene| scene_page(map, scene, &mut analyses))
        .collect()
}

/// The scene titled `title` (exactly, else ignoring case and surrounding spaces); an error
/// naming the scenes there are when there is none.
pub(crate) fn find_scene<'a>(map: &'a Map, title: &str) -> Result<&'a Scene> {
    let loose = |s: &Scene| s.title.trim().to_lowercase() == title.trim().to_lowercase();
    if let Some(scene) = map
        .scenes
        .iter()
        .find(|s| s.title == title)
        .or_else(|| map.scenes.iter().find(|s| loose(s)))
    {
        return Ok(scene);
    }
    let message = if map.scenes.is_empty() {
        format!("This map has no scenes, so there is no scene \u{201c}{title}\u{201d} to export.")
    } else {
        let titles: Vec<String> = map
            .scenes
            .iter()
            .map(|s| format!("\u{201c}{}\u{201d}", s.title))
            .collect();
        format!(
            "This map has no scene \u{201c}{title}\u{201d}. Its scenes are: {}.",
            titles.join(", ")
        )
    };
    Err(CoreError::new(ErrorKind::UnknownScene, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::riverside_unified;

    #[test]
    fn a_moment_shows_what_existed_then_as_it_was_then() {
        let map = riverside_unified();
        let sc = &map.scenarios[0];
        let filter = PageFilter {
            time: Some("2021-04".into()),
            ..PageFilter::default()
        };
        let then = apply(sc, &filter);
        // The redesign team (February to June 2021) was at work; the device roll-out (2025) and
        // the rubric calibration (2024) had not begun.
        let redesign = &then.elements[&ElementId::from("es-redesign")];
        assert!(matches!(
            redesign.details,
            ElementDetails::SprintTeam {
                status: SprintStatus::Active,
                ..
            }
        ));
        assert!(!then
            .elements
            .contains_key(&ElementId::from("device-rollout")));
        assert!(!then
            .elements
            .contains_key(&ElementId::from("rubric-calibration")));
        assert!(then
            .elements
            .contains_key(&ElementId::from("teaching-learning")));
        for r in then.relations.values() {
            assert!(then.elements.contains_key(&r.source) && then.elements.contains_key(&r.target));
        }
        // After June 2021 it has dissolved.
        let later = apply(
            sc,
            &PageFilter {
                time: Some("2022".into()),
                ..PageFilter::default()
            },
        );
        assert!(!later.elements.contains_key(&ElementId::from("es-redesign")));
    }

    #[test]
    fn hiding_a_group_kind_moves_its_contents_up() {
        let map = riverside_unified();
        let sc = &map.scenarios[0];
        let filter = PageFilter {
            hidden_element_kinds: [ElementKind::Site].into(),
            ..PageFilter::default()
        };
        let shown = apply(sc, &filter);
        assert!(shown
            .elements
            .values()
            .all(|e| e.kind() != ElementKind::Site));
        for e in shown.elements.values() {
            if let Some(p) = &e.parent {
                assert!(
                    shown.elements.contains_key(p),
                    "{} keeps a drawn parent",
                    e.id.0
                );
            }
        }
        // The academy sat in Riverside High; it now stands on its own.
        assert_eq!(shown.elements[&ElementId::from("es-academy")].parent, None);
    }

    #[test]
    fn a_community_brought_forward_brings_its_members_and_the_people_it_is_home_to() {
        let map = riverside_unified();
        let to_be = map.scenario(&"to-be".into()).expect("to be");
        let lit = brought_forward(to_be, &[ElementId::from("coaches-circle")].into());
        // Inside by membership (the CTE specialist) and by home base (the pathway coaches).
        for id in [
            "coaches-circle",
            "cte-specialist",
            "pathway-coach-1",
            "pathway-coach-2",
        ] {
            assert!(
                lit.contains(&ElementId::from(id)),
                "{id} is brought forward"
            );
        }
        assert!(
            !lit.contains(&ElementId::from("linked-learning")),
            "not the office"
        );
        assert!(brought_forward(to_be, &[ElementId::from("no-such")].into()).is_empty());
    }

    #[test]
    fn no_filter_borrows_the_scenario() {
        let map = riverside_unified();
        assert!(matches!(
            apply(&map.scenarios[0], &PageFilter::default()),
            Cow::Borrowed(_)
        ));
    }
}
