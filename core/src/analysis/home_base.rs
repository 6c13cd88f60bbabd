//! Home base: does everyone have a community of practice (Wenger; Watkins's "communities of practice
//! as everyone's home base")?
//!
//! A person has a home base when their `home_base` names a community, when they are a member of a
//! community in the practice ring, or when they sit (by nesting) inside one. Sprint teams do not
//! count: they are meant to dissolve.

use super::context::Context;
use super::{list_names, share, Named};
use crate::model::{ElementDetails, ElementKind, Ring};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct HomeBase {
    pub people: u32,
    pub with_home_base: u32,
    /// `None` when the map has no people.
    pub share: Option<f64>,
    /// The people without one, by name.
    pub without: Vec<Named>,
    pub words: String,
}

pub(crate) fn home_base(cx: &Context) -> HomeBase {
    let is_practice = |g: u32| {
        matches!(
            cx.elements[g as usize].details,
            ElementDetails::Community {
                ring: Ring::Practice,
                ..
            }
        )
    };
    let mut people = 0;
    let mut without = Vec::new();
    for i in 0..cx.len() as u32 {
        let ElementDetails::Person { home_base, .. } = &cx.elements[i as usize].details else {
            continue;
        };
        people += 1;
        let named = home_base
            .as_ref()
            .and_then(|h| cx.lookup(h))
            .is_some_and(|h| cx.kind(h) == ElementKind::Community);
        let belongs = cx.containers[i as usize].iter().any(|&g| is_practice(g));
        if !(named || belongs) {
            without.push(cx.named(i));
        }
    }
    without.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let with = people - without.len();
    let words = if people == 0 {
        "No people on this map.".to_owned()
    } else if without.is_empty() {
        format!("All {people} people have a community of practice as a home base")
    } else {
        format!(
            "{with} of {people} people have a community of practice as a home base; without one: {}",
            list_names(without.iter().map(|n| n.name.as_str()), 5)
        )
    };
    HomeBase {
        people: people as u32,
        with_home_base: with as u32,
        share: share(with, people),
        without,
        words,
    }
}
