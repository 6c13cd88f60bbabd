//! The compare overlay as a paint: what a comparison's page and a comparison scene's view answer
//! both draw — the union of both scenarios, each changed element filled and badged with its change
//! mark ("+ added", "→ moved"; badge words and fill, so colour is never the only signal), and the
//! changed elements, with the ends of changed relations, brought forward so the rest is faint.

use super::{overlay, ChangeSubject, Mark, Marked};
use crate::error::Result;
use crate::lens_paint::LensPaint;
use crate::model::{ElementId, Map, Scenario, ScenarioId};
use crate::vocabulary::change_mark_style;
use std::collections::{BTreeMap, BTreeSet};

/// The overlay of two scenarios, ready to draw as a page or a view.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlayPaint {
    /// The union, under an id of its own (`from→to`) so it is never taken for `to` alone.
    pub union: Scenario,
    /// The change marks as a lens paint: fills, badges, legend and a caption counting the changes.
    pub paint: LensPaint,
    /// What changed, and the ends of relations that changed; the rest is drawn faint.
    pub forward: BTreeSet<ElementId>,
}

/// The overlay of `from` and `to` as a paint. An unknown scenario is an error listing the map's
/// scenarios.
pub fn overlay_paint(map: &Map, from: &ScenarioId, to: &ScenarioId) -> Result<OverlayPaint> {
    let overlay = overlay(map, from, to)?;
    let names = (name_of(map, from), name_of(map, to));
    let mut union = overlay.scenario;
    union.id = ScenarioId(format!("{}\u{2192}{}", from.0, to.0));
    union.name = format!("{} \u{2192} {}", names.0, names.1);
    let marks: BTreeMap<&ElementId, Mark> = overlay
        .marks
        .iter()
        .filter_map(|m| match &m.subject {
            ChangeSubject::Element { id } => Some((id, m.mark)),
            ChangeSubject::Relation { .. } => None,
        })
        .collect();
    let mut forward: BTreeSet<ElementId> = marks
        .iter()
        .filter(|(_, m)| **m != Mark::Unchanged)
        .map(|(id, _)| (*id).clone())
        .collect();
    // A changed relation brings its two ends forward, so a removed barrier is not drawn faint.
    for m in overlay.marks.iter().filter(|m| m.mark != Mark::Unchanged) {
        if let ChangeSubject::Relation { id } = &m.subject {
            if let Some(r) = union.relations.get(id) {
                forward.extend([r.source.clone(), r.target.clone()]);
            }
        }
    }
    let paint = mark_paint(&marks, &overlay.marks, &names);
    Ok(OverlayPaint {
        union,
        paint,
        forward,
    })
}

pub(super) fn name_of(map: &Map, id: &ScenarioId) -> String {
    map.scenario(id)
        .map_or_else(|| id.0.clone(), |s| s.name.clone())
}

/// The change marks as a lens paint: a fill and a badge ("+ added") per changed element, a legend
/// entry per mark the page uses, and a caption counting the changes.
fn mark_paint(
    marks: &BTreeMap<&ElementId, Mark>,
    all: &[Marked],
    (from, to): &(String, String),
) -> LensPaint {
    let mut paint = LensPaint {
        lens: "compare".to_owned(),
        name: "Changes".to_owned(),
        ..LensPaint::default()
    };
    let mut used = BTreeSet::new();
    for (id, mark) in marks {
        let style = change_mark_style(*mark);
        if *mark == Mark::Unchanged {
            continue;
        }
        used.insert(*mark);
        paint.fills.insert((*id).clone(), style.fill.to_owned());
        paint.badges.insert(
            (*id).clone(),
            format!("{} {}", style.badge, style.label.to_lowercase()),
        );
    }
    for mark in Mark::ALL.into_iter().filter(|m| used.contains(m)) {
        let style = change_mark_style(mark);
        paint.legend.push((
            style.fill.to_owned(),
            format!(
                "{} {}: {}",
                style.badge,
                style.label,
                meaning(mark, from, to)
            ),
        ));
    }
    paint.caption = caption(all, from, to);
    paint
}

fn meaning(mark: Mark, from: &str, to: &str) -> String {
    match mark {
        Mark::Added => format!("only in {to}"),
        Mark::Removed => format!("only in {from}"),
        Mark::Changed => "in both, changed".to_owned(),
        Mark::Moved => "moved to another group".to_owned(),
        Mark::Unchanged => "unchanged, drawn faint".to_owned(),
    }
}

/// "From As is to To be: 2 elements added, 1 moved; 3 relations removed."
fn caption(all: &[Marked], from: &str, to: &str) -> String {
    let count = |relations: bool| {
        let mut n: BTreeMap<Mark, usize> = BTreeMap::new();
        for m in all.iter().filter(|m| m.mark != Mark::Unchanged) {
            if matches!(m.subject, ChangeSubject::Relation { .. }) == relations {
                *n.entry(m.mark).or_default() += 1;
            }
        }
        n.iter()
            .map(|(mark, k)| format!("{k} {}", change_mark_style(*mark).label.to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (elements, relations) = (count(false), count(true));
    let parts: Vec<String> = [("elements", elements), ("relations", relations)]
        .into_iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(what, s)| format!("{what} {s}"))
        .collect();
    if parts.is_empty() {
        format!("From {from} to {to}: no changes")
    } else {
        format!("From {from} to {to}: {}", parts.join("; "))
    }
}
