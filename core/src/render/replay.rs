//! A replay: the map drawn as of one moment after another, from one date to another by year or
//! month — a PDF with one page per step (titled by its date) for paper, an animated PNG for a
//! slide. The map is laid out once over everything any step shows and each step draws only what
//! existed then in those places, framed alike, so what two steps share stands still and only
//! arrivals and departures change between pages.

use super::layout::{self, Layout};
use super::page::{moment_words, page_svg};
use super::{parse, PageSpec};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Date, ElementId, Map, RelationId, Scenario, View};
use crate::view::{check_moment, shown, Filter};
use std::collections::BTreeSet;

/// The most steps a replay draws: ten years by month fit; a slip of the year does not make
/// thousands of pages.
pub const MAX_STEPS: usize = 240;

/// How far apart the steps are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Year,
    Month,
}

impl Step {
    /// `year` or `month`, as the command line spells them.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "year" | "years" | "yearly" => Ok(Self::Year),
            "month" | "months" | "monthly" => Ok(Self::Month),
            other => Err(CoreError::new(
                ErrorKind::Io,
                format!("\u{201c}{other}\u{201d} is not a replay step: write year or month."),
            )),
        }
    }
}

/// The moments a replay from `from` to `to` shows: every year (`2018`, `2019`, …) or month
/// (`2021-01`, …) from the one `from` falls in to the one `to` falls in. A date that is not a
/// year, month or day, or `to` before `from`, is an error naming the accepted forms.
pub fn steps(from: &str, to: &str, step: Step) -> Result<Vec<Date>> {
    let first = first_day(from)?;
    let last = first_day(to)?;
    if last < first {
        return Err(CoreError::new(
            ErrorKind::SpanOrder,
            format!(
                "The replay cannot end ({to}) before it begins ({from}): give --to a date after --from, each a year (2021), a month (2021-04) or a day (2021-04-15)."
            ),
        ));
    }
    let (y0, m0) = (first / 10_000, first / 100 % 100);
    let (y1, m1) = (last / 10_000, last / 100 % 100);
    let count = match step {
        Step::Year => (y1 - y0 + 1) as usize,
        Step::Month => ((y1 * 12 + m1) - (y0 * 12 + m0) + 1) as usize,
    };
    if count > MAX_STEPS {
        return Err(CoreError::new(
            ErrorKind::Io,
            format!(
                "A replay from {from} to {to} by {} would draw {count} pages; draw at most {MAX_STEPS} (step by year, or shorten the span).",
                if step == Step::Year { "year" } else { "month" }
            ),
        ));
    }
    Ok((0..count as u32)
        .map(|i| match step {
            Step::Year => Date::from(format!("{}", y0 + i)),
            Step::Month => {
                let months = y0 * 12 + (m0 - 1) + i;
                Date::from(format!("{}-{:02}", months / 12, months % 12 + 1))
            }
        })
        .collect())
}

/// The first day `text` names, as `yyyymmdd`, or the error naming the accepted forms.
fn first_day(text: &str) -> Result<u32> {
    let date = Date::from(text.trim());
    check_moment(&date)?;
    Ok(date.bounds().map_or(0, |(first, _)| first))
}

/// Each step's page as SVG, on `paper`: `scenario` in `view` as of each moment, laid out once.
pub fn replay_svgs(
    map: &Map,
    scenario: &Scenario,
    view: View,
    moments: &[Date],
    paper: &PageSpec,
) -> Vec<String> {
    let steps: Vec<(Date, Scenario)> = moments
        .iter()
        .map(|m| {
            let filter = Filter {
                time: Some(m.clone()),
                ..paper.filter.clone()
            };
            (m.clone(), shown(scenario, &filter).into_owned())
        })
        .collect();
    let union = union_of(scenario, steps.iter().map(|(_, s)| s));
    let whole = layout::layout(&union, view);
    let frame = whole.bounds().grown(14.0);
    steps
        .iter()
        .map(|(moment, then)| {
            let spec = PageSpec {
                subtitle: Some(moment_words(moment)),
                viewport: Some(frame),
                filter: Filter {
                    time: Some(moment.clone()),
                    ..paper.filter.clone()
                },
                ..paper.clone()
            };
            let placed: Layout = whole.only(then);
            page_svg(map, then, &placed, &spec)
        })
        .collect()
}

/// `scenario` with only what some step shows, each element where the first step that shows it
/// puts it (a group hidden at that step lets its members stand in the nearest group shown).
fn union_of<'a>(scenario: &Scenario, steps: impl Iterator<Item = &'a Scenario>) -> Scenario {
    let mut elements = BTreeSet::<ElementId>::new();
    let mut relations = BTreeSet::<RelationId>::new();
    for step in steps {
        elements.extend(step.elements.keys().cloned());
        relations.extend(step.relations.keys().cloned());
    }
    let mut union = scenario.clone();
    union.elements.retain(|id, _| elements.contains(id));
    union.relations.retain(|id, _| relations.contains(id));
    for e in union.elements.values_mut() {
        if e.parent.as_ref().is_some_and(|p| !elements.contains(p)) {
            e.parent = None;
        }
    }
    union
}

/// The replay as a PDF: one page per step.
pub fn replay_pdf(map: &Map, svgs: &[String], paper: &PageSpec) -> Result<Vec<u8>> {
    super::pdf::assemble(svgs, paper, &map.title)
}

/// The replay as an animated PNG for a slide: one frame per step, `seconds` each, looping, at
/// `scale` pixels per point.
pub fn replay_apng(svgs: &[String], scale: f32, seconds: u16) -> Result<Vec<u8>> {
    let encoding = |e: png::EncodingError| {
        CoreError::new(
            ErrorKind::Io,
            format!("Could not encode the animated PNG: {e}."),
        )
    };
    let frames = svgs
        .iter()
        .map(|svg| frame(svg, scale))
        .collect::<Result<Vec<_>>>()?;
    let Some(first) = frames.first() else {
        return Err(CoreError::new(
            ErrorKind::Io,
            "A replay needs at least one step.",
        ));
    };
    let (width, height) = (first.width(), first.height());
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder
            .set_animated(frames.len() as u32, 0)
            .map_err(encoding)?;
        encoder.set_frame_delay(seconds, 1).map_err(encoding)?;
        let mut writer = encoder.write_header().map_err(encoding)?;
        for pixmap in &frames {
            let rgba: Vec<u8> = pixmap
                .pixels()
                .iter()
                .flat_map(|p| {
                    let c = p.demultiply();
                    [c.red(), c.green(), c.blue(), c.alpha()]
                })
                .collect();
            writer.write_image_data(&rgba).map_err(encoding)?;
        }
        writer.finish().map_err(encoding)?;
    }
    Ok(out)
}

/// One page rasterised, with the shipped font.
fn frame(svg: &str, scale: f32) -> Result<resvg::tiny_skia::Pixmap> {
    let tree = parse(svg)?;
    let too_large = || CoreError::new(ErrorKind::Io, "The page is too large to draw as a PNG.");
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(too_large)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(too_large)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
