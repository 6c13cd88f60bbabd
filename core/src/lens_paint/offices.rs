//! How the lenses about offices paint: layers (geology, by year established) and reciprocity
//! (monitoring against support).

use super::LensPaint;
use crate::analysis::reciprocity::ReciprocityBalance;
use crate::analysis::{list_names, plural, Analysis};
use crate::model::{ElementKind, Scenario};
use crate::vocabulary as vocab;

pub(super) fn layers(paint: &mut LensPaint, sc: &Scenario, analysis: &Analysis) {
    let mut counts = [0usize; 4];
    for dated in &analysis.layers.offices_by_year {
        let step = vocab::geology_step(dated.year);
        paint.fill(&dated.office.id, step);
        paint.badge(&dated.office.id, dated.year.to_string());
        counts[match dated.year {
            ..=1974 => 0,
            1975..=1989 => 1,
            1990..=2004 => 2,
            _ => 3,
        }] += 1;
    }
    for undated in &analysis.layers.undated {
        paint.fill(&undated.id, vocab::GEOLOGY_UNDATED);
        paint.badge(&undated.id, "year?");
    }
    paint.legend_from(&[
        vocab::GEOLOGY_BEFORE_1975,
        vocab::GEOLOGY_1975_1989,
        vocab::GEOLOGY_1990_2004,
        vocab::GEOLOGY_SINCE_2005,
        vocab::GEOLOGY_UNDATED,
    ]);
    let by_year = &analysis.layers.offices_by_year;
    paint.caption = match (by_year.first(), by_year.last()) {
        (Some(oldest), Some(newest)) => {
            let bands: Vec<String> = ["before 1975", "in 1975–1989", "in 1990–2004", "since 2005"]
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(band, n)| format!("{n} {band}"))
                .collect();
            format!(
                "Offices laid down from {} to {}: {} — the geological residue of other people's ideas",
                oldest.year,
                newest.year,
                bands.join(", ")
            )
        }
        _ if sc
            .elements
            .values()
            .any(|e| e.kind() == ElementKind::Office) =>
        {
            "No office has a year established yet".to_owned()
        }
        _ => "No offices on this map".to_owned(),
    };
}

pub(super) fn reciprocity(paint: &mut LensPaint, analysis: &Analysis) {
    let offices = &analysis.reciprocity.offices;
    for office in offices {
        let step = match office.balance {
            // A gate is not judged by reciprocity (004:135): no pressure colour, a badge in words.
            ReciprocityBalance::NoFlows | ReciprocityBalance::PermissionGate => {
                vocab::RECIPROCITY_NO_FLOWS
            }
            ReciprocityBalance::AccountabilityWithoutCapacity => vocab::RECIPROCITY_NO_CAPACITY,
            ReciprocityBalance::PressureOutweighsSupport => vocab::RECIPROCITY_PRESSURE,
            ReciprocityBalance::Reciprocal => vocab::RECIPROCITY_MATCHED,
        };
        paint.fill(&office.office.id, step);
        if office.balance == ReciprocityBalance::PermissionGate {
            paint.badge(
                &office.office.id,
                format!("permission gate · {}", office.permission_flows),
            );
        } else if office.balance != ReciprocityBalance::NoFlows {
            paint.badge(
                &office.office.id,
                format!(
                    "{} monitor · {} support",
                    office.monitor_flows, office.support_flows
                ),
            );
        }
    }
    paint.legend_from(&[
        vocab::RECIPROCITY_NO_CAPACITY,
        vocab::RECIPROCITY_PRESSURE,
        vocab::RECIPROCITY_MATCHED,
        vocab::RECIPROCITY_NO_FLOWS,
    ]);
    let without: Vec<&str> = offices
        .iter()
        .filter(|o| o.balance == ReciprocityBalance::AccountabilityWithoutCapacity)
        .map(|o| o.office.name.as_str())
        .collect();
    let outweighed = offices
        .iter()
        .filter(|o| o.balance == ReciprocityBalance::PressureOutweighsSupport)
        .count();
    paint.caption = match (without.len(), outweighed) {
        (0, 0)
            if offices.iter().all(|o| {
                matches!(
                    o.balance,
                    ReciprocityBalance::NoFlows | ReciprocityBalance::PermissionGate
                )
            }) =>
        {
            "No office sends monitoring or support yet".to_owned()
        }
        (0, 0) => "Every office that holds others to account also supports them".to_owned(),
        (0, n) => format!(
            "{} more monitoring than support",
            if n == 1 {
                "1 office sends".to_owned()
            } else {
                format!("{n} offices send")
            }
        ),
        (n, _) => format!(
            "Accountability without capacity at {}: {}",
            plural(n, "office", "offices"),
            list_names(without.iter().copied(), 4)
        ),
    };
}
