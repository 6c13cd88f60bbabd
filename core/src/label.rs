//! What a node says and how big it is: its name wrapped into lines, a detail line, a person's
//! initials, and the box the shape takes around the label.
//!
//! Computed once here for paper and screen alike: the core's layout draws from these, and the
//! window receives them per element in the snapshot ([`NodeLabel`]), so a label breaks where paper
//! breaks it and a box is the size paper gives it. Text is measured with the shipped font.

use crate::model::{Element, ElementDetails, ElementId, ElementKind, Stance, View};
use crate::render::font::{self, Weight};
use crate::rules::{
    self, BELOW_ROOM, DETAIL_WRAP_FACTOR, GROUP_WRAP_FACTOR, LABEL_FONT_SIZE, LEAF_GLYPH_ROOM,
    MIN_BOX, PERSON_SIZE, STAR_SIZE,
};
use serde::{Deserialize, Serialize};
use specta::Type;

/// Breaks `text` into lines of at most about `max_chars` characters, at spaces or after hyphens.
/// Line breaks already in `text` (a name, then a title) are kept; a word longer than a line keeps
/// a line to itself; an ampersand never ends a line (it stays with the word after it).
/// Text past [`font::MAX_DRAWN_CHARS`] is cut: a megabyte-long name would take minutes to set.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let text = font::bounded(text);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for (piece, glue) in pieces(paragraph) {
            if line.is_empty() {
                line = piece;
            } else if line.chars().count() + glue.len() + piece.chars().count() <= max_chars {
                line.push_str(glue);
                line.push_str(&piece);
            } else {
                lines.push(std::mem::replace(&mut line, piece));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The places a line may break: between words (glue " ") and after a hyphen inside a word (glue
/// "", so "program-of-study" rejoins as it was when it fits on one line).
fn pieces(paragraph: &str) -> Vec<(String, &'static str)> {
    let mut all: Vec<(String, &'static str)> = Vec::new();
    for word in paragraph.split_whitespace() {
        for (i, part) in word.split_inclusive('-').enumerate() {
            let glue = if i == 0 { " " } else { "" };
            match all.last_mut() {
                Some((last, _)) if last == "&" => *last = format!("& {part}"),
                _ => all.push((part.to_string(), glue)),
            }
        }
    }
    all
}

const HONORIFICS: [&str; 6] = ["dr", "mr", "mrs", "ms", "mx", "prof"];

/// "Dr. Maria Alvarez" → "MA": what fits in a person's small circle.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .collect();
    let first = words.first().and_then(|w| w.chars().next());
    let last = (words.len() > 1)
        .then(|| words.last().and_then(|w| w.chars().next()))
        .flatten();
    first
        .into_iter()
        .chain(last)
        .flat_map(char::to_uppercase)
        .collect()
}

fn wrap_chars() -> usize {
    crate::vocabulary::vocabulary().label_wrap_chars as usize
}

/// The lines of `element`'s label in `view`: its name (wider for a group's title), then a detail
/// — a person's title on the org chart, a routine's steps and cycle, a rule's level (in words,
/// so the cascade reads without knowing the shape).
pub fn lines(element: &Element, view: View, is_group: bool) -> Vec<String> {
    let wrap_at = wrap_chars();
    let name_at = if is_group {
        wrap_at * GROUP_WRAP_FACTOR
    } else {
        wrap_at
    };
    let mut lines = wrap(&element.name, name_at);
    let detail = match &element.details {
        ElementDetails::Person { title, .. } if view == View::OrgChart && !title.is_empty() => {
            Some(title.clone())
        }
        ElementDetails::Routine {
            steps,
            cycle_time_days,
        } if !steps.is_empty() => {
            // The cycle is the steps' days when any step has them (the model's convention).
            let by_steps = steps.iter().filter_map(|s| s.days).reduce(|a, b| a + b);
            Some(match by_steps.or(*cycle_time_days) {
                Some(days) => format!("{} steps · {days} days", steps.len()),
                None => format!("{} steps", steps.len()),
            })
        }
        // The section sign marks the line as the rule's level, not more of its name.
        ElementDetails::Rule { level, .. } => Some(format!("§ {}", level.label())),
        _ => None,
    };
    if let Some(detail) = detail {
        let detail_at = (wrap_at as f64 * DETAIL_WRAP_FACTOR).round() as usize;
        lines.extend(wrap(&detail, detail_at));
    }
    lines
}

/// Sites carry a house and compliance offices a gate in their top-left corner.
pub fn has_corner_glyph(element: &Element) -> bool {
    matches!(
        element.details,
        ElementDetails::Site { .. }
            | ElementDetails::Office {
                stance: Some(Stance::Compliance),
                ..
            }
    )
}

/// A leaf's shape and the room it takes with its label, in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeafBox {
    pub width: f64,
    pub height: f64,
    /// The label hangs below the shape (a person's circle, a sprint team's star).
    pub below: bool,
    /// The shape plus a label hung below it.
    pub room: (f64, f64),
}

/// The box of a leaf labelled `lines`. `titled`: a person drawn as a position holding its title
/// (the canvas's org chart), a box around the text rather than a circle with the name below.
pub fn leaf_box(element: &Element, lines: &[String], titled: bool) -> LeafBox {
    let (text_w, text_h) = text_box(lines);
    let kind = element.kind();
    let hung = |size: f64| LeafBox {
        width: size,
        height: size,
        below: true,
        room: (
            size.max(text_w + BELOW_ROOM.0),
            size + text_h + BELOW_ROOM.1,
        ),
    };
    match kind {
        ElementKind::Person if !titled => hung(PERSON_SIZE),
        ElementKind::SprintTeam => hung(STAR_SIZE),
        _ => {
            let glyph_room = if has_corner_glyph(element) {
                2.0 * LEAF_GLYPH_ROOM
            } else {
                0.0
            };
            let (pad_x, pad_y) = rules::label_padding(kind, titled);
            let width = (text_w + glyph_room + pad_x).max(MIN_BOX.0);
            let height = (text_h + pad_y).max(MIN_BOX.1);
            LeafBox {
                width,
                height,
                below: false,
                room: (width, height),
            }
        }
    }
}

/// Width and height of `lines` set at the label size.
fn text_box(lines: &[String]) -> (f64, f64) {
    let width = lines
        .iter()
        .map(|l| font::text_width(l, LABEL_FONT_SIZE, Weight::Regular))
        .fold(0.0, f64::max);
    (
        width,
        lines.len() as f64 * LABEL_FONT_SIZE * font::LINE_HEIGHT,
    )
}

/// A label as the canvas draws it: the lines joined by line breaks, the shape's size and the room
/// it takes with a label hung below, in whole canvas pixels at zoom 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Face {
    pub text: String,
    pub w: u32,
    pub h: u32,
    pub room_w: u32,
    pub room_h: u32,
}

impl Face {
    fn of(element: &Element, view: View, titled: bool) -> Self {
        let lines = lines(element, view, false);
        let b = leaf_box(element, &lines, titled);
        let px = |v: f64| v.ceil() as u32;
        Face {
            text: lines.join("\n"),
            w: px(b.width),
            h: px(b.height),
            room_w: px(b.room.0),
            room_h: px(b.room.1),
        }
    }
}

/// What the canvas writes on one element, computed by the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NodeLabel {
    pub id: ElementId,
    /// As a leaf on the network.
    #[serde(flatten)]
    pub face: Face,
    /// Its title when it holds others (a group's title may run wider); absent when it is the same
    /// text or the kind holds nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_text: Option<String>,
    /// On the org chart, when it differs there: a person is a position holding its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<Face>,
    /// A person's initials, drawn inside the circle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// The office whose box holds a person on the org chart (`model::org_chart_office`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart_office: Option<ElementId>,
}

impl NodeLabel {
    pub fn of(element: &Element) -> Self {
        let face = Face::of(element, View::Network, false);
        let group_text = rules::holds_others(element.kind())
            .then(|| lines(element, View::Network, true).join("\n"))
            .filter(|text| *text != face.text);
        let is_person = element.kind() == ElementKind::Person;
        NodeLabel {
            id: element.id.clone(),
            chart: is_person.then(|| Face::of(element, View::OrgChart, true)),
            initials: is_person.then(|| initials(&element.name)),
            group_text,
            face,
            chart_office: None,
        }
    }

    /// [`NodeLabel::of`], with the office that holds it on the org chart of `scenario`.
    pub fn in_scenario(scenario: &crate::model::Scenario, element: &Element) -> Self {
        NodeLabel {
            chart_office: crate::model::org_chart_office(scenario, element).cloned(),
            ..Self::of(element)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotations, ElementDetails};
    use proptest::prelude::*;

    fn element(name: &str, kind: ElementKind) -> Element {
        Element {
            id: ElementId("e".into()),
            name: name.into(),
            parent: None,
            details: ElementDetails::default_for(kind),
            annotations: Annotations::default(),
        }
    }

    #[test]
    fn names_wrap_at_spaces_and_hyphens_keeping_long_words_and_line_breaks() {
        assert_eq!(wrap("Legal", 16), ["Legal"]);
        assert_eq!(wrap("Human Resources", 16), ["Human Resources"]);
        assert_eq!(
            wrap("State University School of Education", 16),
            ["State University", "School of", "Education"]
        );
        assert_eq!(
            wrap("ES program-of-study redesign", 16),
            ["ES program-of-", "study redesign"]
        );
        assert_eq!(
            wrap("Superintendentship office", 10),
            ["Superintendentship", "office"]
        );
        assert_eq!(
            wrap("Dana Kim\nPathway coach", 16),
            ["Dana Kim", "Pathway coach"]
        );
        assert_eq!(
            wrap("  Teaching   &  Learning ", 30),
            ["Teaching & Learning"]
        );
    }

    #[test]
    fn an_ampersand_never_ends_a_line() {
        assert_eq!(
            wrap("Family & Community Engagement", 16),
            ["Family", "& Community", "Engagement"]
        );
    }

    #[test]
    fn initials_take_first_and_last_name_skipping_honorifics() {
        assert_eq!(initials("Dr. Maria Alvarez"), "MA");
        assert_eq!(initials("Priya Raman"), "PR");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials("élodie durand"), "ÉD");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn a_person_is_a_circle_with_the_name_below_and_a_titled_box_on_the_chart() {
        let mut person = element("Dr. Maria Alvarez", ElementKind::Person);
        if let ElementDetails::Person { title, .. } = &mut person.details {
            *title = "Superintendent".into();
        }
        let label = NodeLabel::of(&person);
        assert_eq!((label.face.w, label.face.h), (38, 38));
        assert!(label.face.room_h > 38 && label.face.room_w >= 38);
        assert_eq!(label.initials.as_deref(), Some("MA"));
        let chart = label.chart.expect("a person has an org chart face");
        assert_eq!(chart.text, "Dr. Maria\nAlvarez\nSuperintendent");
        assert!(chart.w >= 96 && chart.h > 44);
    }

    #[test]
    fn a_group_title_runs_wider_and_a_site_leaves_room_for_its_house() {
        let office = element("Office of the Superintendent", ElementKind::Office);
        let label = NodeLabel::of(&office);
        assert_eq!(label.face.text, "Office of the\nSuperintendent");
        assert_eq!(
            label.group_text.as_deref(),
            Some("Office of the Superintendent")
        );
        assert!(label.chart.is_none() && label.initials.is_none());
        let site = NodeLabel::of(&element("Office of the Superintendent", ElementKind::Site));
        assert_eq!(site.face.w, label.face.w + 2 * LEAF_GLYPH_ROOM as u32);
        assert!(NodeLabel::of(&element("Legal", ElementKind::Routine))
            .group_text
            .is_none());
    }

    #[test]
    fn a_rule_says_its_level_and_a_routine_its_steps_days() {
        let mut rule = element("Three quotes over $500", ElementKind::Rule);
        rule.details = ElementDetails::Rule {
            level: crate::model::RuleLevel::BoardPolicy,
            owner: None,
        };
        let said = lines(&rule, View::Network, false);
        assert_eq!(said.last().map(String::as_str), Some("§ Board policy"));
        assert_eq!(
            NodeLabel::of(&rule).face.text,
            "Three quotes\nover $500\n§ Board policy"
        );
        let mut routine = element("Purchasing", ElementKind::Routine);
        let step = |days| crate::model::RoutineStep {
            name: "Step".into(),
            owner: None,
            days,
        };
        routine.details = ElementDetails::Routine {
            steps: vec![step(Some(30)), step(None), step(Some(17))],
            cycle_time_days: Some(10),
        };
        assert_eq!(
            lines(&routine, View::Network, false)[1],
            "3 steps · 47 days"
        );
        if let ElementDetails::Routine { steps, .. } = &mut routine.details {
            steps.iter_mut().for_each(|s| s.days = None);
        }
        assert_eq!(
            lines(&routine, View::Network, false)[1],
            "3 steps · 10 days"
        );
    }

    #[test]
    fn boxes_are_never_smaller_than_the_smallest_box() {
        let face = NodeLabel::of(&element("IT", ElementKind::Office)).face;
        assert_eq!((face.w, face.h), (96, 44));
    }

    proptest! {
        /// No line runs past the width unless it is one word, and wrapping loses no word.
        #[test]
        fn wrapping_keeps_every_word_within_the_width(
            words in proptest::collection::vec("[a-zA-Z]{1,20}", 0..12),
            width in 4usize..30,
        ) {
            let text = words.join(" ");
            let lines = wrap(&text, width);
            for line in &lines {
                prop_assert!(line.chars().count() <= width || !line.contains(' '));
            }
            let rejoined: Vec<String> = lines.join(" ").split_whitespace().map(String::from).collect();
            prop_assert_eq!(rejoined, text.split_whitespace().map(String::from).collect::<Vec<_>>());
        }
    }
}
