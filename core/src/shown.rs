//! What a filter lets through: hidden kinds and media, and the moment shown — the one "alive at"
//! rule. Views (`view`), paper and the lenses as of a moment (`analysis`) all
//! draw or count the scenario [`shown`] gives, so they cannot disagree about what existed then.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Date, ElementDetails, ElementId, ElementKind, Medium, RelationDetails, RelationKind, Scenario,
    Span, SprintStatus,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a view leaves out: hidden kinds and media, and the moment it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Element kinds not drawn; their relations go with them, and what they held moves up to
    /// the nearest group still drawn.
    pub hidden_element_kinds: BTreeSet<ElementKind>,
    pub hidden_relation_kinds: BTreeSet<RelationKind>,
    /// Flows of these media not drawn.
    pub hidden_media: BTreeSet<Medium>,
    /// The moment shown: only what existed then is drawn, as it was then. `None` draws
    /// everything regardless of its span.
    pub time: Option<Date>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.hidden_element_kinds.is_empty()
            && self.hidden_relation_kinds.is_empty()
            && self.hidden_media.is_empty()
            && self.time.is_none()
    }
}

/// `span` includes some of `moment` (both as `ops::date_bounds` reads them). A date that does
/// not parse leaves the thing shown: a view should not lose an office to a typing slip.
fn alive(span: &Span, moment: (u32, u32)) -> bool {
    let starts = span.from.as_ref().and_then(|d| d.bounds());
    let ends = span.until.as_ref().and_then(|d| d.bounds());
    starts.is_none_or(|(first, _)| first <= moment.1)
        && ends.is_none_or(|(_, last)| last >= moment.0)
}

/// `span` ended before any of `moment`: gone by then, not yet to come.
pub(crate) fn ended(span: &Span, moment: (u32, u32)) -> bool {
    span.until
        .as_ref()
        .and_then(|d| d.bounds())
        .is_some_and(|(_, last)| last < moment.0)
}

/// The scenario as the view draws it: `scenario` itself when nothing is filtered, otherwise a
/// copy without what `filter` leaves out, each element as it was at the moment shown.
pub fn shown<'a>(scenario: &'a Scenario, filter: &Filter) -> Cow<'a, Scenario> {
    if filter.is_empty() {
        return Cow::Borrowed(scenario);
    }
    let moment = filter.time.as_ref().and_then(|d| d.bounds());
    let kept: BTreeSet<&ElementId> = scenario
        .elements
        .values()
        .filter(|e| {
            !filter.hidden_element_kinds.contains(&e.kind())
                && moment.is_none_or(|m| alive(&e.annotations.span, m))
        })
        .map(|e| &e.id)
        .collect();
    let mut out = Scenario {
        id: scenario.id.clone(),
        name: scenario.name.clone(),
        elements: BTreeMap::new(),
        relations: BTreeMap::new(),
        positions: scenario.positions.clone(),
    };
    let mut memo = HashMap::new();
    for id in &kept {
        let mut element = scenario.elements[*id].clone();
        element.parent = nearest_kept(scenario, &kept, element.parent.take(), &mut memo);
        if let Some(m) = moment {
            as_it_was(&mut element, m);
        }
        out.elements.insert((*id).clone(), element);
    }
    for relation in scenario.relations.values() {
        let hidden_medium = matches!(
            relation.details,
            RelationDetails::Flow { medium, .. } if filter.hidden_media.contains(&medium)
        );
        let keep = kept.contains(&relation.source)
            && kept.contains(&relation.target)
            && !filter.hidden_relation_kinds.contains(&relation.kind())
            && !hidden_medium
            && moment.is_none_or(|m| alive(&relation.annotations.span, m));
        if keep {
            out.relations.insert(relation.id.clone(), relation.clone());
        }
    }
    Cow::Owned(out)
}

/// `from` if it is kept, else its nearest kept ancestor: what a hidden group held is drawn in the
/// nearest group still shown. `memo` remembers the answer for every hidden group walked through,
/// so many elements under one long hidden chain walk it once.
fn nearest_kept(
    scenario: &Scenario,
    kept: &BTreeSet<&ElementId>,
    from: Option<ElementId>,
    memo: &mut HashMap<ElementId, Option<ElementId>>,
) -> Option<ElementId> {
    let mut hidden = Vec::new();
    let mut at = from;
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

/// At a moment inside its span a sprint team that has since ended was still at work, and an office
/// hospiced later still served (an undated hospice holds at every moment).
fn as_it_was(element: &mut crate::model::Element, moment: (u32, u32)) {
    let until = element.annotations.span.until.clone();
    if let ElementDetails::Office { hospiced, .. } = &mut element.details {
        let later = hospiced
            .as_ref()
            .and_then(|d| d.bounds())
            .is_some_and(|(first, _)| first > moment.1);
        if later {
            *hospiced = None;
        }
    }
    if let ElementDetails::SprintTeam { status, .. } = &mut element.details {
        let ended = matches!(
            status,
            SprintStatus::Dissolved | SprintStatus::Transformed | SprintStatus::AbsorbedIntoRoutine
        );
        let still_then = until
            .as_ref()
            .and_then(|d| d.bounds())
            .is_some_and(|(_, last)| last >= moment.1);
        if ended && still_then {
            *status = SprintStatus::Active;
        }
    }
}

/// A moment must be a date: a year, a month or a day.
pub fn check_moment(moment: &Date) -> Result<()> {
    if moment.bounds().is_none() {
        return Err(CoreError::new(
            ErrorKind::InvalidDate,
            format!(
                "\u{201c}{moment}\u{201d} is not a moment: write a year (2021), a month (2021-04) or a day (2021-04-15)."
            ),
        ));
    }
    Ok(())
}
