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

/// The SVG being written. Numbers are written with two decimals: a hundredth of a point.
pub(super) struct Svg {
    pub(super) out: String,
}

impl Svg {
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

pub(super) fn open_page(width: f64, height: f64) -> Svg {
    let family = vocab::vocabulary().font_family;
    let mut svg = Svg {
        out: String::with_capacity(64 * 1024),
    };
    let _ = write!(
        svg.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2}" height="{height:.2}" viewBox="0 0 {width:.2} {height:.2}" font-family="{family}, sans-serif">"#
    );
    let _ = write!(
        svg.out,
        r##"<rect x="0" y="0" width="{width:.2}" height="{height:.2}" fill="#FFFFFF"/>"##
    );
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
