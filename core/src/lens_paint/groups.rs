//! How the lenses about groups and clusters paint: silos (each group's E-I), density, and the
//! chart against the clusters work really forms.

use super::{signed, LensPaint};
use crate::analysis::chart::ChartVsReality;
use crate::analysis::silos::{GroupSilo, SiloVerdict};
use crate::analysis::{list_names, Analysis};
use crate::vocabulary as vocab;

pub(super) fn silos(paint: &mut LensPaint, analysis: &Analysis) {
    let groups = &analysis.silos.groups;
    for g in groups {
        paint.fill(&g.group.id, vocab::silo_step(g.ei, g.is_silo));
        // A walled group's E-I may read +1 (its one flow crosses the wall): its badge says the
        // wall and the flow through it for its size instead, as its words do.
        let badge = match g.ei {
            None => "no flows".to_owned(),
            Some(_) if g.verdict == SiloVerdict::Walled => format!(
                "walled · {} lateral for {} inside",
                g.lateral_external, g.inside
            ),
            Some(ei) if g.is_silo => format!("E-I {} · silo", signed(ei)),
            Some(ei) => format!("E-I {}", signed(ei)),
        };
        paint.badge(&g.group.id, badge);
    }
    paint.legend_from(&[
        vocab::SILO_INWARD,
        vocab::SILO_LEANING_INWARD,
        vocab::SILO_BALANCED,
        vocab::SILO_LEANING_OUTWARD,
        vocab::SILO_OUTWARD,
        vocab::SILO_NO_FLOWS,
    ]);
    // The most closed silo first: the fewest lateral flows across its edge for its size.
    let mut silos: Vec<&GroupSilo> = groups.iter().filter(|g| g.is_silo).collect();
    let closed = |g: &GroupSilo| g.lateral_external as f64 / g.inside.max(1) as f64;
    silos.sort_by(|a, b| {
        closed(a)
            .total_cmp(&closed(b))
            .then_with(|| a.group.name.cmp(&b.group.name))
    });
    paint.caption = match silos.split_first() {
        None => match analysis.silos.mean_ei {
            Some(ei) => format!(
                "No silos: flows cross the groups' edges (E-I {} over all groups, from −1 all inward to +1 all outward)",
                signed(ei)
            ),
            None => "No flows between groups yet".to_owned(),
        },
        Some((first, rest)) => {
            // The group's own words: a walled silo says why (the wall and its thin flow).
            let mut caption = first.words.clone();
            if !rest.is_empty() {
                caption.push_str(&format!(
                    "; {} {} too",
                    list_names(rest.iter().map(|g| g.group.name.as_str()), 3),
                    if rest.len() == 1 { "is one" } else { "are silos" }
                ));
            }
            caption
        }
    };
}

pub(super) fn density(paint: &mut LensPaint, analysis: &Analysis) {
    for hub in &analysis.density.most_lateral {
        paint.fill(&hub.id, vocab::DENSITY_HUB);
        paint.badge(&hub.id, "lateral hub");
    }
    paint.legend_from(&[vocab::DENSITY_HUB]);
    paint.caption = analysis.density.words.clone();
}

pub(super) fn chart(paint: &mut LensPaint, chart: &ChartVsReality) {
    for (i, cluster) in chart.clusters.iter().enumerate() {
        let colour = vocab::CLUSTER_COLOURS
            .get(i)
            .copied()
            .unwrap_or(vocab::CLUSTER_MORE);
        let letter = cluster_letter(i);
        for member in &cluster.members {
            paint.fills.insert(member.id.clone(), colour.to_owned());
            paint.badge(&member.id, letter.clone());
        }
        let crossing = cluster.units.iter().filter(|u| u.unit.is_some()).count();
        let meaning = match crossing {
            0 | 1 => format!("Cluster {letter}: within one unit"),
            n => format!("Cluster {letter}: across {n} units"),
        };
        if !paint.legend.iter().any(|(c, _)| c == colour) {
            paint.legend.push((colour.to_owned(), meaning));
        }
    }
    paint.caption = chart.words.clone();
}

/// "A", "B", … "Z", "AA", "AB"…: the letter a cluster's badge and legend entry share.
pub(super) fn cluster_letter(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    if i < 26 {
        letter(i).to_string()
    } else {
        format!("{}{}", letter(i / 26 - 1), letter(i))
    }
}
