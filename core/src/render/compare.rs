//! A comparison on paper: the compare overlay as a page, and what the redesign does to the
//! network as the page after it, so a board deck can end on "what changes".
//!
//! The page draws the core's one overlay paint ([`crate::compare::overlay_paint`]), the same a
//! comparison scene's view answer carries: the union of both scenarios, every changed element
//! filled and badged with its change mark, what did not change drawn faint. It goes through the
//! ordinary page machinery as a [`DeckPage`] whose scenario is the union (see
//! [`DeckPage::compared`]) and whose "lens" is the change marks, so layout, legend and framing are
//! the pages' own. The lens figures before and after ([`crate::compare::lens_deltas`]) are the page
//! that follows.

use super::{DeckPage, Facing};
use crate::analysis::{analyze, Analysis};
use crate::compare::{self, overlay_paint, scenario_names};
use crate::error::Result;
use crate::model::{Map, ScenarioId, View};
use std::collections::BTreeMap;

/// The comparison of `from` with `to` as a page in `view`, titled `subtitle`, followed by the
/// lens figures before and after. An unknown scenario is an error listing the map's scenarios.
pub fn compare_page(
    map: &Map,
    from: &ScenarioId,
    to: &ScenarioId,
    view: View,
    subtitle: &str,
) -> Result<DeckPage> {
    compare_page_analysed(map, (from, to), view, subtitle, &mut BTreeMap::new())
}

/// [`compare_page`] with the scenarios' analyses kept in `analyses` (a deck's scenes share them).
pub(crate) fn compare_page_analysed(
    map: &Map,
    (from, to): (&ScenarioId, &ScenarioId),
    view: View,
    subtitle: &str,
    analyses: &mut BTreeMap<ScenarioId, Analysis>,
) -> Result<DeckPage> {
    let painted = overlay_paint(map, from, to)?;
    // Each scenario analysed once per deck.
    for id in [from, to] {
        analyses
            .entry(id.clone())
            .or_insert_with(|| analyze(map, id));
    }
    let (a, b) = scenario_names(map, from, to);
    let mut page = DeckPage::new(view, subtitle);
    page.scenario = Some(painted.union.id.clone());
    page.emphasis = (!painted.forward.is_empty()).then_some(painted.forward);
    page.lens = Some(painted.paint);
    page.facing = Some(Facing {
        title: format!("What the redesign does to the network: {a} \u{2192} {b}"),
        text: figures_text(&compare::deltas_between(
            map,
            &analyses[from],
            &analyses[to],
        )),
    });
    page.compared = Some(Box::new(painted.union));
    Ok(page)
}

/// The lens figures, a paragraph per lens: its name, then its first rows' words (a page holds
/// every lens only if each says its most important changes; the window's panel has them all).
fn figures_text(deltas: &compare::LensDeltas) -> String {
    const ROWS: usize = 4;
    deltas
        .lenses
        .iter()
        .filter(|l| !l.rows.is_empty())
        .map(|l| {
            let mut rows: Vec<String> = l.rows.iter().take(ROWS).map(|r| r.words.clone()).collect();
            if l.rows.len() > ROWS {
                rows.push(format!("and {} more", l.rows.len() - ROWS));
            }
            format!("{}: {}", l.label, rows.join(" \u{2022} "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
