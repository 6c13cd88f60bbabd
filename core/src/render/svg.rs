//! The SVG writer: the buffer a page is written into and the primitives every drawing shares
//! (a page's opening, text, label lines, dash patterns, glyphs).
//!
//! Numbers are written with two decimals (a hundredth of a point), text always goes through the
//! XML escaper and is bounded in length, so nothing drawn can break the document.

use super::font::{self, Weight};
use crate::vocabulary::{self as vocab, LinePattern};
use crate::xml_text::escape;
use std::fmt::Write;

/// The colour of thin rules: under the title block, over the legend, round a notes page's slide.
pub(super) const RULE: &str = "#D1D5DB";

/// What a stretch of a page is, for the reader of a tagged PDF: the page is written once as SVG
/// and the PDF draws it part by part, each tagged by its role (see `pdf.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Drawn for the eye only: the page's background, rules, a legend's swatches, a thumbnail.
    Decoration,
    /// The map's title.
    Title,
    /// What the page shows: the view or the scene's title.
    Subtitle,
    /// The date, the scenario, the moment: one line each.
    Detail,
    /// The lens's name and caption.
    Caption,
    /// The words of one legend entry.
    LegendEntry,
    /// The map itself: one figure with the page's alternative text.
    Drawing,
    /// Speaker notes.
    Notes,
}

/// A stretch of `Svg::out` and its role.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub role: Role,
    pub range: std::ops::Range<usize>,
    /// The words a heading says, for its entry in the structure.
    pub words: Option<String>,
}

/// The SVG being written. Numbers are written with two decimals: a hundredth of a point.
pub(crate) struct Svg {
    pub(crate) out: String,
    /// The page in reading parts, in drawing order; together they hold everything drawn.
    pub(crate) parts: Vec<Part>,
    /// The `<svg …>` opening, repeated around each part when a part is drawn on its own.
    pub(crate) opening: String,
}

impl Svg {
    /// Writes a part of the page with `draw`, remembering its role.
    pub(super) fn part(&mut self, role: Role, draw: impl FnOnce(&mut Svg)) {
        let start = self.out.len();
        draw(self);
        let range = start..self.out.len();
        if !range.is_empty() {
            self.parts.push(Part {
                role,
                range,
                words: None,
            });
        }
    }

    /// A heading: a part that says `words`.
    pub(super) fn heading(&mut self, role: Role, words: &str, draw: impl FnOnce(&mut Svg)) {
        self.part(role, draw);
        if let Some(part) = self.parts.last_mut() {
            part.words = Some(words.to_owned());
        }
    }

    /// One part as an SVG document of its own, the page's size, drawn where it sits on the page.
    pub(crate) fn part_svg(&self, part: &Part) -> String {
        format!("{}{}</svg>", self.opening, &self.out[part.range.clone()])
    }

    pub(super) fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(super) fn text(
        &mut self,
        at: (f64, f64),
        size: f64,
        weight: Weight,
        fill: &str,
        anchor: &str,
        s: &str,
    ) {
        let _ = write!(
            self.out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" font-weight="{}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
            at.0,
            at.1,
            weight.css(),
            escape(&font::bounded(s))
        );
    }
}

/// A page's opening: its size, font, and what it is for a screen reader (`role="img"`, labelled
/// by its `<title>` and described by its `<desc>`, the page's alternative text), then the white
/// background.
pub(super) fn open_page(width: f64, height: f64, title: &str, description: &str) -> Svg {
    let family = vocab::vocabulary().font_family;
    let opening = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2}" height="{height:.2}" viewBox="0 0 {width:.2} {height:.2}" font-family="{family}, sans-serif">"#
    );
    let mut svg = Svg {
        out: String::with_capacity(64 * 1024),
        parts: Vec::new(),
        opening: opening.clone(),
    };
    let _ = write!(
        svg.out,
        r#"{}<title id="page-title">{}</title><desc id="page-desc">{}</desc>"#,
        opening.replacen(
            "<svg ",
            r#"<svg role="img" aria-labelledby="page-title" aria-describedby="page-desc" "#,
            1
        ),
        escape(&font::bounded(title)),
        escape(description)
    );
    svg.part(Role::Decoration, |svg| {
        let _ = write!(
            svg.out,
            r##"<rect x="0" y="0" width="{width:.2}" height="{height:.2}" fill="#FFFFFF"/>"##
        );
    });
    svg
}

pub(super) fn dashes(pattern: LinePattern, width: f64) -> Vec<f64> {
    vocab::dash_array(pattern)
        .iter()
        .map(|d| d * width.max(1.0))
        .collect()
}

pub(super) fn dash_attr(dash: &[f64]) -> String {
    if dash.is_empty() {
        return String::new();
    }
    let list: Vec<String> = dash.iter().map(|d| format!("{d:.2}")).collect();
    format!(r#" stroke-dasharray="{}""#, list.join(" "))
}

/// A glyph drawn in a 24-unit box, placed at `(x, y)` with side `size`.
pub(super) fn glyph(svg: &mut Svg, x: f64, y: f64, size: f64, body: &str) {
    let _ = write!(
        svg.out,
        r#"<g transform="translate({x:.2} {y:.2}) scale({:.4})">{body}</g>"#,
        size / 24.0
    );
}

/// Lines of a label, the first line's box top at `top`. A halo keeps a label readable where a
/// line runs under it.
#[allow(clippy::too_many_arguments)]
pub(super) fn text_lines(
    svg: &mut Svg,
    lines: &[String],
    x: f64,
    top: f64,
    size: f64,
    weight: Weight,
    fill: &str,
    anchor: &str,
    halo: Option<&str>,
) {
    let line_h = size * font::LINE_HEIGHT;
    let halo_attrs = match halo {
        Some(colour) => format!(
            r#" stroke="{colour}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke""#
        ),
        None => String::new(),
    };
    let _ = write!(
        svg.out,
        r#"<text font-size="{size:.2}" font-weight="{}" fill="{fill}" text-anchor="{anchor}"{halo_attrs}>"#,
        weight.css()
    );
    for (i, line) in lines.iter().enumerate() {
        // The baseline sits where the line box's middle meets the font's x-height.
        let baseline = top + line_h * i as f64 + line_h / 2.0 + size * 0.34;
        let _ = write!(
            svg.out,
            r#"<tspan x="{x:.2}" y="{baseline:.2}">{}</tspan>"#,
            escape(line)
        );
    }
    svg.raw("</text>");
}
