//! A page in words, for a reader who cannot see it: the drawing's alternative text (what kinds and
//! how many, the groups, what the lens says) and the table of the elements and relations it shows.
//!
//! Board packets go on a district's website, and the law asks that they work with a screen reader:
//! the same words are the SVG's `<title>`/`<desc>`, the PDF figure's alternative text, and (with the
//! table) the text a tagged PDF carries beside the map. Written from the page's own layout, so the
//! words name what the page shows, not the whole map.

use super::layout::Layout;
use super::{PageSpec, Rect};
use crate::model::{ElementKind, Medium, RelationDetails, Scenario, View};
use std::collections::BTreeSet;

/// How many names a sentence lists before it says "and N more".
const NAMED: usize = 6;

/// The elements and relations a page shows, one row each, as its PDF's table gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageTable {
    /// Name, kind, the group it is in.
    pub elements: Vec<[String; 3]>,
    /// From, what (the kind of relation or what flows), to.
    pub relations: Vec<[String; 3]>,
}

/// What is on a page: the ids of the elements in `seen` (all of them when `None`).
fn on_page(layout: &Layout, seen: Option<Rect>) -> Vec<&super::layout::Placed> {
    layout
        .items
        .iter()
        .filter(|p| seen.is_none_or(|s| s.intersects(&p.footprint())))
        .collect()
}

/// "3 offices", "1 person": a count and the kind's name, plural when it should be.
fn counted(n: usize, kind: ElementKind) -> String {
    let one = kind.label().to_lowercase();
    let many = match kind {
        ElementKind::Person => "people".to_owned(),
        ElementKind::Community => "communities".to_owned(),
        _ => format!("{one}s"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a, b and c", or "a, b, … and 4 more" past [`NAMED`].
fn listed(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
    let rest = names.len().saturating_sub(NAMED);
    match (shown.as_slice(), rest) {
        ([], _) => String::new(),
        ([one], 0) => (*one).to_owned(),
        (many, 0) => format!(
            "{} and {}",
            many[..many.len() - 1].join(", "),
            many[many.len() - 1]
        ),
        (many, rest) => format!("{} and {rest} more", many.join(", ")),
    }
}

fn medium_words(medium: Medium) -> String {
    crate::vocabulary::medium_line(medium).label.to_lowercase()
}

/// The drawing's alternative text: a sentence or three a board member who cannot see the page
/// would understand. `seen`: the part of the map the page shows, when it shows only part.
pub(crate) fn describe(
    scenario: &Scenario,
    layout: &Layout,
    spec: &PageSpec,
    seen: Option<Rect>,
) -> String {
    let items = on_page(layout, seen);
    let ids: BTreeSet<_> = items.iter().map(|p| &p.id).collect();
    let view = match layout.view {
        View::Network => "A network map",
        View::OrgChart => "An org chart",
    };
    let kinds: Vec<String> = ElementKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let n = items.iter().filter(|p| p.kind == kind).count();
            (n > 0).then(|| counted(n, kind))
        })
        .collect();
    let mut text = if kinds.is_empty() {
        format!("{view} with nothing on it.")
    } else {
        format!("{view} of {}", listed(&kinds))
    };
    let relations = relations_on(scenario, &ids);
    if !kinds.is_empty() {
        text.push_str(&relation_counts(&relations));
        text.push('.');
    }
    // Members counted in one pass: a big district has thousands of groups.
    let mut members: std::collections::HashMap<&crate::model::ElementId, usize> =
        std::collections::HashMap::new();
    for p in &items {
        if let Some(parent) = &scenario.elements[&p.id].parent {
            *members.entry(parent).or_default() += 1;
        }
    }
    let groups: Vec<String> = items
        .iter()
        .filter(|p| p.is_group)
        .take(NAMED + 1)
        .map(|p| {
            let name = &scenario.elements[&p.id].name;
            match members.get(&p.id) {
                Some(n) => format!("{name} ({n})"),
                None => name.clone(),
            }
        })
        .collect();
    let group_count = items.iter().filter(|p| p.is_group).count();
    if !groups.is_empty() {
        let mut named = listed(&groups[..groups.len().min(NAMED)]);
        if group_count > NAMED {
            named = format!("{named} and {} more", group_count - NAMED);
        }
        text.push_str(&format!(
            " Groups (with how many of what the page shows they hold): {named}."
        ));
    }
    if let Some(focus) = &spec.emphasis {
        let lit: Vec<String> = items
            .iter()
            .filter(|p| focus.contains(&p.id))
            .map(|p| scenario.elements[&p.id].name.clone())
            .collect();
        if !lit.is_empty() {
            text.push_str(&format!(
                " The page brings forward {}; the rest is faint.",
                listed(&lit)
            ));
        }
    }
    if let Some(lens) = &spec.lens {
        text.push_str(&lens_words(scenario, lens, &ids));
    }
    text
}

/// ", with 12 flows (5 information, 7 ideas & practice), 9 reporting lines and 4 memberships".
fn relation_counts(relations: &[&crate::model::Relation]) -> String {
    let mut parts = Vec::new();
    let flows: Vec<Medium> = relations
        .iter()
        .filter_map(|r| match r.details {
            RelationDetails::Flow { medium, .. } => Some(medium),
            _ => None,
        })
        .collect();
    if !flows.is_empty() {
        let by_medium: Vec<String> = Medium::ALL
            .into_iter()
            .filter_map(|m| {
                let n = flows.iter().filter(|f| **f == m).count();
                (n > 0).then(|| format!("{n} {}", medium_words(m)))
            })
            .collect();
        let word = if flows.len() == 1 { "flow" } else { "flows" };
        parts.push(format!("{} {word} ({})", flows.len(), by_medium.join(", ")));
    }
    let count = |test: fn(&RelationDetails) -> bool, one: &str, many: &str| {
        let n = relations.iter().filter(|r| test(&r.details)).count();
        (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
    };
    parts.extend(count(
        |d| matches!(d, RelationDetails::ReportsTo),
        "reporting line",
        "reporting lines",
    ));
    parts.extend(count(
        |d| matches!(d, RelationDetails::MemberOf { .. }),
        "membership",
        "memberships",
    ));
    parts.extend(count(
        |d| matches!(d, RelationDetails::Barrier { .. }),
        "blocked flow",
        "blocked flows",
    ));
    if parts.is_empty() {
        String::new()
    } else {
        format!(", with {}", listed(&parts))
    }
}

/// What the lens says: its caption, then who is painted what.
fn lens_words(
    scenario: &Scenario,
    lens: &super::LensPaint,
    ids: &BTreeSet<&crate::model::ElementId>,
) -> String {
    let mut text = format!(" Lens: {}.", lens.name);
    if !lens.caption.is_empty() {
        text.push_str(&format!(" {}.", lens.caption.trim_end_matches('.')));
    }
    for (colour, meaning) in &lens.legend {
        let names: Vec<String> = lens
            .fills
            .iter()
            .filter(|(id, c)| *c == colour && ids.contains(id))
            .map(|(id, _)| scenario.elements[id].name.clone())
            .collect();
        if !names.is_empty() {
            text.push_str(&format!(" {meaning}: {}.", listed(&names)));
        }
    }
    text
}

/// The relations with both ends on the page.
fn relations_on<'a>(
    scenario: &'a Scenario,
    ids: &BTreeSet<&crate::model::ElementId>,
) -> Vec<&'a crate::model::Relation> {
    scenario
        .relations
        .values()
        .filter(|r| ids.contains(&r.source) && ids.contains(&r.target))
        .collect()
}

/// The page's table: every element it shows and every relation between them.
pub(crate) fn table(scenario: &Scenario, layout: &Layout, seen: Option<Rect>) -> PageTable {
    let items = on_page(layout, seen);
    let ids: BTreeSet<_> = items.iter().map(|p| &p.id).collect();
    let name = |id| scenario.elements.get(id).map_or("", |e| e.name.as_str());
    let elements = items
        .iter()
        .map(|p| {
            let e = &scenario.elements[&p.id];
            [
                e.name.clone(),
                p.kind.label().to_owned(),
                e.parent
                    .as_ref()
                    .map_or_else(|| "none".to_owned(), |g| name(g).to_owned()),
            ]
        })
        .collect();
    let relations = relations_on(scenario, &ids)
        .into_iter()
        .map(|r| {
            let what = match &r.details {
                RelationDetails::Flow {
                    medium, direction, ..
                } => {
                    let both = matches!(direction, crate::model::Direction::Both);
                    format!(
                        "{} flow{}",
                        crate::vocabulary::medium_line(*medium).label,
                        if both { ", both ways" } else { "" }
                    )
                }
                RelationDetails::ReportsTo => "reports to".to_owned(),
                RelationDetails::MemberOf { .. } => "is a member of".to_owned(),
                RelationDetails::Barrier { .. } => "blocked flow to".to_owned(),
                RelationDetails::DerivesFrom => "derives from".to_owned(),
                RelationDetails::Governs { step: None } => "governs".to_owned(),
                RelationDetails::Governs { step: Some(n) } => format!("governs step {n} of"),
            };
            [name(&r.source).to_owned(), what, name(&r.target).to_owned()]
        })
        .collect();
    PageTable {
        elements,
        relations,
    }
}
