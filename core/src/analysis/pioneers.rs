//! Pioneers: which innovations are going unnoticed?
//!
//! An element tagged "innovation" (any case, surrounding spaces ignored) is a pioneer going
//! unnoticed when it has no tie into a community — through itself or through anyone in it: neither
//! it nor anything inside it (its members, what is nested in it) is inside a community (nesting or
//! member-of), and none of their flows reaches a community or anything inside one. A sprint team
//! whose members sit in a community is tied in: people there learn from it through them. Only then
//! is it "the isolated, individual effort of a lonely pioneer" (002:37). A sprint team whose work
//! is over (dissolved, transformed, absorbed into a routine) is not going unnoticed: the leader
//! moves celebrate it instead (as of a moment inside its span it is still at work, and may be
//! noticed).

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
    /// Those with no tie into a community, through themselves or anyone in them.
    pub unconnected: Vec<Pioneer>,
}

pub(crate) fn pioneers(cx: &Context) -> Pioneers {
    let in_community = |i: u32| {
        cx.containers[i as usize]
            .iter()
            .any(|&g| cx.kind(g) == ElementKind::Community)
    };
    // Tied in: inside a community, or exchanging a flow with one or anything inside one.
    let mut tied: Vec<bool> = (0..cx.len() as u32).map(in_community).collect();
    for f in &cx.flows {
        if in_community(f.t) {
            tied[f.s as usize] = true;
        }
        if in_community(f.s) {
            tied[f.t as usize] = true;
        }
    }
    let innovations: Vec<u32> = (0..cx.len() as u32)
        .filter(|&i| {
            cx.elements[i as usize]
                .annotations
                .tags
                .iter()
                .any(|t| t.trim().eq_ignore_ascii_case("innovation"))
        })
        .collect();
    // An innovation is tied in through anyone in it: one pass over everyone's containers.
    let mut tied_through_someone = vec![false; cx.len()];
    for x in 0..cx.len() as u32 {
        if tied[x as usize] {
            for &g in &cx.containers[x as usize] {
                tied_through_someone[g as usize] = true;
            }
        }
    }
    let ended = |i: u32| {
        matches!(
            cx.elements[i as usize].details,
            ElementDetails::SprintTeam { status, .. } if status.has_ended()
        )
    };
    let unconnected = innovations
        .iter()
        .filter(|&&i| !ended(i) && !tied[i as usize] && !tied_through_someone[i as usize])
        .map(|&i| Pioneer {
            element: cx.named(i),
            words: format!(
                "{}: an innovation with no tie into any community — neither it nor anyone in it belongs to one or exchanges with one: nobody is learning from it yet",
                cx.name(i)
            ),
        })
        .collect();
    Pioneers {
        innovations: innovations.len() as u32,
        unconnected,
    }
}
