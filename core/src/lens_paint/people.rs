//! How the lenses about people paint: brokers (sized by betweenness), home base, and pioneers.

use super::LensPaint;
use crate::analysis::{list_names, plural, Analysis};
use crate::model::{ElementDetails, ElementId, Scenario};
use crate::vocabulary as vocab;
use std::collections::BTreeSet;

/// Why brokers count steps, not volume, in the panel's words.
pub(crate) const HOPS: &str =
    "paths counted in steps, not by volume: a volume of 1–5 is a rank, not a distance";

pub(super) fn brokers(paint: &mut LensPaint, analysis: &Analysis) {
    let scores = &analysis.brokers.betweenness.scores;
    let max = scores.iter().map(|s| s.value).fold(0.0, f64::max);
    for score in scores {
        let share = if max > 0.0 { score.value / max } else { 0.0 };
        paint.fill(&score.id, vocab::broker_step(share));
        if share > 0.0 {
            // Up to half as large again: big enough to see, small enough not to hide neighbours.
            paint.sizes.insert(score.id.clone(), 1.0 + 0.5 * share);
        }
    }
    for cut in &analysis.brokers.articulation_points {
        paint.badge(&cut.id, "cut point");
    }
    paint.legend_from(&[
        vocab::BROKER_HIGH,
        vocab::BROKER_MID,
        vocab::BROKER_LOW,
        vocab::BROKER_NONE,
    ]);
    let cuts = analysis.brokers.articulation_points.len();
    let caption = match analysis.brokers.top.first() {
        None => "Nobody stands between others: no shortest path runs through anyone".to_owned(),
        Some(top) if cuts > 0 => format!(
            "{}; {}",
            top.words.split(" — ").next().unwrap_or(&top.words),
            if cuts == 1 {
                "1 cut point: without it the network falls apart".to_owned()
            } else {
                format!("{cuts} cut points: without any one of them the network falls apart")
            }
        ),
        Some(top) => top.words.clone(),
    };
    // PRODUCT asks for volume-weighted brokers; the lens counts steps, and says so where it is read
    // (docs/lenses.md, "Brokers", says why).
    paint.caption = format!("{caption} ({HOPS})");
}

pub(super) fn home_base(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let hb = &analysis.home_base;
    // A set: a district may list thousands of people without a home base.
    let without: BTreeSet<&ElementId> = hb.without.iter().map(|n| &n.id).collect();
    for element in sc.elements.values() {
        if !matches!(element.details, ElementDetails::Person { .. }) {
            continue;
        }
        if without.contains(&element.id) {
            paint.fill(&element.id, vocab::HOME_BASE_NO);
            paint.badge(&element.id, "no home base");
        } else {
            paint.fill(&element.id, vocab::HOME_BASE_YES);
        }
    }
    paint.legend_from(&[vocab::HOME_BASE_YES, vocab::HOME_BASE_NO]);
    paint.caption = hb.words.clone();
}

pub(super) fn pioneers(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let unnoticed = &analysis.pioneers.unconnected;
    let unnoticed_ids: BTreeSet<&ElementId> = unnoticed.iter().map(|p| &p.element.id).collect();
    for element in sc.elements.values() {
        let innovation = element
            .annotations
            .tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case("innovation"));
        if !innovation {
            continue;
        }
        if unnoticed_ids.contains(&element.id) {
            paint.fill(&element.id, vocab::PIONEER_UNNOTICED);
            paint.badge(&element.id, "no community tie");
        } else {
            paint.fill(&element.id, vocab::PIONEER_TIED);
            paint.badge(&element.id, "innovation");
        }
    }
    paint.legend_from(&[vocab::PIONEER_UNNOTICED, vocab::PIONEER_TIED]);
    let total = analysis.pioneers.innovations as usize;
    paint.caption = match unnoticed.as_slice() {
        [] if total == 0 => "No element is tagged \u{201c}innovation\u{201d} yet".to_owned(),
        [] => format!(
            "{}, each tied into a community: someone is learning from every one",
            plural(total, "innovation", "innovations")
        ),
        [one] => format!(
            "{} (1 of {})",
            one.words,
            plural(total, "innovation", "innovations")
        ),
        many => format!(
            "{} of {} have no tie into any community: {}",
            many.len(),
            plural(total, "innovation", "innovations"),
            list_names(many.iter().map(|p| p.element.name.as_str()), 3)
        ),
    };
}
