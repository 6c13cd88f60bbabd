//! What an edit may write as text: names without surrounding spaces, and none too long.
//!
//! A name is what people read on the canvas, in search and on paper, so "Office " and "Office" must
//! be one name: [`normalise`] trims the names an edit gives (elements, scenarios, scenes, the map's
//! title) before it is applied, and an edit that then changes nothing is no edit
//! ([`Applied::changes_nothing`](super::Applied::changes_nothing)). Applying an op does not trim by
//! itself, so an inverse restores a map's older text exactly.
//!
//! No name, title, step or tag may be longer than [`MAX_NAME_CHARS`] characters; a map that
//! already holds longer text (an older file, imported JSON) keeps it and may restore it.

use super::{Index, Op};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Element, ElementDetails, Scenario, MAX_NAME_CHARS};

/// `op` with the names it gives trimmed of surrounding white space: an element's name, a
/// scenario's name, a scene's title, the map's title (in every step of a batch). Everything else
/// is kept as sent. Edits people make go through this before [`apply`](super::apply) (the store's
/// `Document::apply` does), so the core is the one place names are tidied.
pub fn normalise(op: &Op) -> Op {
    let mut op = op.clone();
    trim_names(&mut op);
    op
}

fn trim_names(op: &mut Op) {
    match op {
        Op::CreateElement { element } | Op::UpdateElement { element } => trim(&mut element.name),
        Op::AddScenario { scenario, .. } => trim(&mut scenario.name),
        Op::RenameScenario { name, .. } => trim(name),
        Op::SetTitle { title } => trim(title),
        Op::AddScene { scene, .. } | Op::UpdateScene { scene } => {
            trim(&mut scene.title);
            // A story named only by spaces is no story.
            if let Some(story) = &mut scene.story {
                trim(story);
            }
            if scene.story.as_deref() == Some("") {
                scene.story = None;
            }
        }
        Op::Batch { ops } => ops.iter_mut().for_each(trim_names),
        // These give no name.
        Op::DeleteElement { .. }
        | Op::Connect { .. }
        | Op::UpdateRelation { .. }
        | Op::DeleteRelation { .. }
        | Op::Move { .. }
        | Op::Nest { .. }
        | Op::DeleteScenario { .. }
        | Op::MoveScenario { .. }
        | Op::MoveScene { .. }
        | Op::DeleteScene { .. } => {}
    }
}

fn trim(text: &mut String) {
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

pub(super) fn too_long(text: &str) -> bool {
    text.len() > MAX_NAME_CHARS && text.chars().nth(MAX_NAME_CHARS).is_some()
}

pub(super) fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The names an element carries, each with what a message calls it.
fn element_texts(element: &Element) -> impl Iterator<Item = (&'static str, &str)> {
    let details: Vec<(&'static str, &str)> = match &element.details {
        ElementDetails::Person { title, .. } => vec![("job title", title.as_str())],
        ElementDetails::Routine { steps, .. } => {
            steps.iter().map(|s| ("step", s.name.as_str())).collect()
        }
        _ => Vec::new(),
    };
    let tags = element.annotations.tags.iter().map(|t| ("tag", t.as_str()));
    [("name", element.name.as_str())]
        .into_iter()
        .chain(details)
        .chain(tags)
}

pub(super) fn scenario_texts(sc: &Scenario) -> impl Iterator<Item = &str> {
    let elements = sc.elements.values().flat_map(element_texts).map(|(_, t)| t);
    elements.chain([sc.name.as_str()])
}

/// Refuses an op that would give something a name longer than [`MAX_NAME_CHARS`] characters,
/// unless the map held that very text already (see `Index::known_long`).
pub(super) fn check_text_sizes(index: &Index, op: &Op) -> Result<()> {
    let mut texts: Vec<(&'static str, &str)> = Vec::new();
    match op {
        Op::CreateElement { element } | Op::UpdateElement { element } => {
            texts.extend(element_texts(element));
        }
        Op::SetTitle { title } => texts.push(("map title", title)),
        Op::RenameScenario { name, .. } => texts.push(("scenario name", name)),
        Op::AddScenario {
            scenario,
            copy_from,
            ..
        } => {
            texts.push(("scenario name", &scenario.name));
            if copy_from.is_none() {
                for element in scenario.elements.values() {
                    texts.extend(element_texts(element));
                }
            }
        }
        Op::AddScene { scene, .. } | Op::UpdateScene { scene } => {
            texts.push(("scene title", &scene.title));
            if let Some(story) = &scene.story {
                texts.push(("story", story));
            }
        }
        // Each step of a batch is checked when it is applied.
        Op::Batch { .. } => {}
        // These carry no text.
        Op::DeleteElement { .. }
        | Op::Connect { .. }
        | Op::UpdateRelation { .. }
        | Op::DeleteRelation { .. }
        | Op::Move { .. }
        | Op::Nest { .. }
        | Op::DeleteScenario { .. }
        | Op::MoveScenario { .. }
        | Op::MoveScene { .. }
        | Op::DeleteScene { .. } => {}
    }
    let Some((what, text)) = texts
        .into_iter()
        .find(|(_, t)| too_long(t) && !index.known_long.contains(&text_hash(t)))
    else {
        return Ok(());
    };
    let start: String = text.chars().take(40).collect();
    Err(CoreError::new(
        ErrorKind::InvalidValue,
        format!(
            "The {what} \u{201c}{}\u{2026}\u{201d} is {} characters long; a {what} can be at most {MAX_NAME_CHARS}.",
            start.trim_end(),
            text.chars().count()
        ),
    ))
}
