//! Pioneers: which innovations are going unnoticed?
//!
//! An element tagged "innovation" (any case, surrounding spaces ignored) is a pioneer going
//! unnoticed when it has no tie into a community: it is not inside one (nesting or member-of), and
//! none of its flows reaches a community or anything inside one. Nobody is learning from it yet.
//! A sprint team whose work is over (dissolved, transformed, absorbed into a routine) is not going
//! unnoticed: the leader moves celebrate it instead (as of a moment inside its span it is still
//! at work, and may be noticed).

use super::context::Context;
use super::Named;
use crate::model::{ElementDetails, ElementKind};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct Pioneer {
    pub element: Named,
    pub words: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Pioneers {
    /// Elements tagged "innovation".
    pub innovations: u32,
    /// Those with no tie into a community.
    pub unconnected: Vec<Pioneer>,
}

pub(crate) fn pioneers(cx: &Context) -> Pioneers {
    let in_community = |i: u32| {
        cx.containers[i as usize]
            .iter()
            .any(|&g| cx.kind(g) == ElementKind::Community)
    };
    let mut flows_to_community = vec![false; cx.len()];
    for f in &cx.flows {
        if in_community(f.t) {
            flows_to_community[f.s as usize] = true;
        }
        if in_community(f.s) {
            flows_to_community[f.t as usize] = true;
        }
    }
    let mut innovations = 0;
    let mut unconnected = Vec::new();
    for i in 0..cx.len() as u32 {
        let tagged = cx.elements[i as usize]
            .annotations
            .tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case("innovation"));
        let ended = matches!(
            cx.elements[i as usize].details,
            ElementDetails::SprintTeam { status, .. } if status.has_ended()
        );
        if !tagged {
            continue;
        }
        innovations += 1;
        if !ended && !in_community(i) && !flows_to_community[i as usize] {
            unconnected.push(Pioneer {
                element: cx.named(i),
                words: format!(
                    "{}: an innovation with no tie into any community — nobody is learning from it yet",
                    cx.name(i)
                ),
            });
        }
    }
    Pioneers {
        innovations,
        unconnected,
    }
}
