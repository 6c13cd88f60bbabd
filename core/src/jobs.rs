//! The command line's jobs as plain functions: write the sample, import, analyze and export.
//!
//! Each job either finishes or leaves nothing behind: new maps appear whole (`Document::create`),
//! imports into a map are one transaction, and exported files are written whole through
//! [`crate::files`], which also holds the one rule for where outputs may go.

use crate::error::{CoreError, ErrorKind, Result};
use crate::files;
use crate::import::{self, ColumnMapping, ImportWarning};
use crate::model::{Map, ScenarioId, View};
use crate::render::{ExportKind, PageSize, PageSpec};
use crate::store::Document;
use crate::view::scenario_named;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;

/// What an import did, for the command line to print: a summary line and row-numbered warnings.
#[derive(Debug, Clone)]
pub struct Report {
    pub summary: String,
    pub warnings: Vec<ImportWarning>,
}

/// How to export: the format as the command line spells it, and for drawings the view, the page
/// and optionally one of the map's scenes (by title).
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct ExportOptions {
    /// `json`, `svg`, `png`, `pdf`, `deck`, `csv`, `graphml` or `gexf`.
    pub format: String,
    /// `network` or `org-chart`.
    pub view: String,
    /// `a4`, `letter` or `16:9`.
    pub page: String,
    /// A scene's title: draw that scene instead of the whole view.
    #[serde(default)]
    pub scene: Option<String>,
    /// A scenario, by name (or id), to draw or export instead of the first. A JSON export is
    /// always the whole map; a scene draws its own scenario.
    #[serde(default)]
    pub scenario: Option<String>,
    /// A scenario, by name (or id), to compare with `scenario` (default: the first other one):
    /// draws the comparison instead of one scenario.
    #[serde(default)]
    pub compare: Option<String>,
    /// Draw (or write the data of) the map as of this moment: `2021`, `2021-04` or `2021-04-15`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// A deck of one story's scenes only, by the story's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

/// A replay export: the map as of every year or month from `from` to `to`.
#[derive(Debug, Clone)]
pub struct ReplayOptions {
    /// `network` or `org-chart`.
    pub view: String,
    /// `a4`, `letter` or `16:9`.
    pub page: String,
    /// A scenario, by name (or id); the first when `None`.
    pub scenario: Option<String>,
    pub from: String,
    pub to: String,
    /// `year` or `month`.
    pub step: String,
}

/// Writes the built-in sample, Riverside Unified, to a new `.murm` file.
pub fn write_sample(out: &Path) -> Result<()> {
    Document::create(out, &crate::sample::riverside_unified()).map(drop)
}

/// Writes a synthetic district of `elements` elements (about two relations each) to a new map file,
/// for trying the canvas and the benchmarks on big maps.
pub fn write_synthetic(out: &Path, elements: usize, seed: u64) -> Result<()> {
    let elements = crate::synthetic::bounded(elements)?;
    Document::create(out, &crate::synthetic::synthetic_map(elements, 2.0, seed)).map(drop)
}

fn bad_option(what: &str, value: &str, choices: &str) -> CoreError {
    CoreError::new(
        ErrorKind::Io,
        format!("“{value}” is not a {what}; choose {choices}."),
    )
}

/// Exports the map in `file` to `out`. Reads without locking, so it works while a window has it open.
/// The output is checked before anything is read or drawn: it must not be the map itself, nor any
/// other map ([`files::check_output`]).
pub fn export(file: &Path, options: &ExportOptions, out: &Path) -> Result<()> {
    files::check_output(out, Some(file))?;
    if options.format.eq_ignore_ascii_case("csv") {
        let (elements, relations) = crate::exchange::csv_paths(out);
        files::check_output(&elements, Some(file))?;
        files::check_output(&relations, Some(file))?;
    }
    export_map(&Document::read(file)?, None, options, out)
}

fn view_of(name: &str) -> Result<View> {
    match name {
        "network" => Ok(View::Network),
        "org-chart" | "org_chart" => Ok(View::OrgChart),
        other => Err(bad_option("view", other, "network or org-chart")),
    }
}

fn page_of(name: &str) -> Result<PageSpec> {
    let size =
        PageSize::parse(name).ok_or_else(|| bad_option("page size", name, "a4, letter or 16:9"))?;
    Ok(PageSpec::new(size))
}

/// Exports `map` to `out` as `options` say: a drawing or data of `scenario` (the window passes the
/// one on screen; else the one `options` names, as `--scenario NAME` does; else the first), a scene
/// as it says, JSON the whole map.
pub fn export_map(
    map: &Map,
    scenario: Option<&ScenarioId>,
    options: &ExportOptions,
    out: &Path,
) -> Result<()> {
    let named = options
        .scenario
        .as_deref()
        .map(|name| scenario_named(map, name).map(|s| s.id.clone()))
        .transpose()?;
    let scenario = scenario.or(named.as_ref());
    if options.format.eq_ignore_ascii_case("json") {
        return files::write_whole(out, crate::json::to_json(map).as_bytes());
    }
    let kind = ExportKind::parse(&options.format).ok_or_else(|| {
        bad_option(
            "format",
            &options.format,
            "json, svg, png, pdf, deck, csv, graphml or gexf",
        )
    })?;
    if let Some(story) = &options.story {
        return export_story(map, story, kind, &page_of(&options.page)?, out);
    }
    let mut page = page_of(&options.page)?;
    if let Some(at) = &options.at {
        page.filter.time = Some(moment_of(at, options)?);
    }
    if let Some(from) = &options.compare {
        let from = scenario_named(map, from)?.id.clone();
        let to = match scenario {
            Some(to) => to.clone(),
            None => map
                .scenarios
                .iter()
                .find(|s| s.id != from)
                .ok_or_else(|| {
                    CoreError::new(
                        ErrorKind::UnknownScenario,
                        "The map has one scenario, so there is nothing to compare it with.",
                    )
                })?
                .id
                .clone(),
        };
        let view = view_of(&options.view)?;
        return crate::render::export_comparison_to_file(map, (&from, &to), kind, view, &page, out);
    }
    match &options.scene {
        Some(title) => crate::render::export_scene_to_file(map, title, kind, &page, out),
        None => {
            crate::render::export_to_file(map, scenario, kind, view_of(&options.view)?, &page, out)
        }
    }
}

/// A deck of one story: the map's scenes narrowed to that story's, in their order.
fn export_story(
    map: &Map,
    story: &str,
    kind: ExportKind,
    page: &crate::render::PageSpec,
    out: &Path,
) -> Result<()> {
    if !matches!(kind, ExportKind::Deck { .. }) {
        return Err(CoreError::new(
            ErrorKind::Io,
            "--story picks the scenes of a deck: use it with --format deck.",
        ));
    }
    let scenes = crate::model::story_scenes(map, story)?
        .into_iter()
        .cloned()
        .collect();
    let told = Map {
        scenes,
        ..map.clone()
    };
    crate::render::export_to_file(&told, None, kind, View::Network, page, out)
}

/// `--at`: a date, for what it can apply to (a scene has its own moment; a deck is its scenes';
/// JSON is the whole map).
fn moment_of(at: &str, options: &ExportOptions) -> Result<crate::model::Date> {
    let moment = crate::model::Date::from(at.trim());
    crate::view::check_moment(&moment)?;
    let format = options.format.to_ascii_lowercase();
    if options.scene.is_some() || format == "deck" || format == "json" {
        return Err(CoreError::new(
            ErrorKind::Io,
            "--at draws the view as of a date; a scene and a deck keep their scenes' moments, and JSON is the whole map: leave out --at.",
        ));
    }
    Ok(moment)
}

/// Draws the map in `file` as of every step from `options.from` to `options.to`: a PDF with one
/// page per step when `out` ends in `.pdf`, an animated PNG (one second a frame) when `.png`.
pub fn export_replay(file: &Path, options: &ReplayOptions, out: &Path) -> Result<()> {
    files::check_output(out, Some(file))?;
    let step = crate::render::Step::parse(&options.step)?;
    let moments = crate::render::replay_steps(&options.from, &options.to, step)?;
    let view = view_of(&options.view)?;
    let page = page_of(&options.page)?;
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(extension.as_deref(), Some("pdf" | "png")) {
        return Err(CoreError::new(
            ErrorKind::Io,
            format!(
                "A replay is written as a PDF (one page per step) or an animated PNG: name the output something.pdf or something.png, not {}.",
                out.display()
            ),
        ));
    }
    let map = Document::read(file)?;
    let scenario = match &options.scenario {
        Some(name) => scenario_named(&map, name)?,
        None => crate::render::pick_scenario(&map, None)?,
    };
    let pages = crate::render::replay_pages(&map, scenario, view, &moments, &page);
    let bytes = match extension.as_deref() {
        Some("pdf") => crate::render::replay_pdf(&map, pages, &page)?,
        _ => crate::render::replay_apng(&pages, 1.0, 1)?,
    };
    files::write_whole(out, &bytes)
}

/// The drawing `options` describe, as SVG, for a preview (the format is not consulted).
pub fn preview_svg(map: &Map, scenario: &ScenarioId, options: &ExportOptions) -> Result<String> {
    let page = page_of(&options.page)?;
    let shown = map
        .scenario(scenario)
        .or(map.scenarios.first())
        .ok_or_else(|| {
            CoreError::new(
                ErrorKind::UnknownScenario,
                "The map has no scenario to draw.",
            )
        })?;
    Ok(crate::render::render_svg(
        map,
        shown,
        view_of(&options.view)?,
        &page,
    ))
}

/// Creates a new `.murm` file from a map's JSON form.
pub fn import_json(json_file: &Path, out: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(json_file).map_err(|e| CoreError::io("read", json_file, e))?;
    let map = crate::json::from_json(&text)?;
    Document::create(out, &map).map(drop)
}

/// Creates a new map from an org chart (CSV or XLSX). `mapping` overrides the guessed columns,
/// e.g. `name=Full Name,reports_to=Manager`.
pub fn import_org_chart(
    file: &Path,
    out: &Path,
    mapping: Option<&str>,
    progress: impl FnMut(u32, u32),
) -> Result<Report> {
    let mapping = mapping.map(ColumnMapping::parse).transpose()?;
    let chart = import::import_org_chart(file, mapping.as_ref(), progress)?;
    Document::create(out, &chart.map)?;
    Ok(Report {
        summary: org_chart_summary(&chart),
        warnings: chart.warnings,
    })
}

/// Which list `import_into` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// `source,target,medium,volume,direction`, e.g. from a relationship survey.
    Relations,
    /// `member,community`.
    Members,
}

/// Adds a relationship or membership list to the first scenario of the map in `into`, as one
/// undoable edit. Unknown names are created when `create_missing`, reported otherwise.
pub fn import_into(
    kind: ListKind,
    file: &Path,
    into: &Path,
    create_missing: bool,
    progress: impl FnMut(u32, u32),
) -> Result<Report> {
    let mut document = Document::open(into)?;
    let scenario = document.map().scenarios[0].id.clone();
    let batch = read_list(
        kind,
        document.map(),
        &scenario,
        file,
        create_missing,
        progress,
    )?;
    document.apply(&scenario, &batch.op)?;
    Ok(list_report(&batch))
}

/// Reads a relationship or membership list against `scenario` of `map`, as one batch to apply.
pub fn read_list(
    kind: ListKind,
    map: &Map,
    scenario: &ScenarioId,
    file: &Path,
    create_missing: bool,
    progress: impl FnMut(u32, u32),
) -> Result<import::BatchImport> {
    match kind {
        ListKind::Relations => {
            import::import_relations(map, scenario, file, create_missing, progress)
        }
        ListKind::Members => import::import_members(map, scenario, file, create_missing, progress),
    }
}

/// What a list import says it did.
pub fn list_report(batch: &import::BatchImport) -> Report {
    Report {
        summary: format!(
            "Added {} relations and {} new elements.",
            batch.relations,
            batch.created.len()
        ),
        warnings: batch.warnings.clone(),
    }
}

/// What an org chart import says it did.
pub fn org_chart_summary(chart: &import::OrgChart) -> String {
    format!(
        "Imported {} people in {} offices with {} reporting lines.",
        chart.people, chart.offices, chart.reporting_lines
    )
}

/// Every lens of a scenario of the map in `file` (named, else the first), as the JSON documented
/// in docs/cli.md.
pub fn analyze(file: &Path, scenario: Option<&str>) -> Result<String> {
    analyze_as_of(file, scenario, None)
}

/// [`analyze`] as of `moment` (`2021`, `2021-04`, `2021-04-15`): only what existed then. A moment
/// that is not a date is an error naming the accepted forms.
pub fn analyze_as_of(file: &Path, scenario: Option<&str>, moment: Option<&str>) -> Result<String> {
    let moment = moment.map(|m| crate::model::Date::from(m.trim()));
    if let Some(m) = &moment {
        crate::view::check_moment(m)?;
    }
    let map = &Document::read(file)?;
    let scenario = match scenario {
        Some(name) => scenario_named(map, name)?.id.clone(),
        None => map.scenarios[0].id.clone(),
    };
    let analysis = crate::analysis::analyze_at(map, &scenario, moment.as_ref());
    as_json(&analysis)
}

fn as_json(value: &impl Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| {
        CoreError::new(
            ErrorKind::Io,
            format!("The result could not be written as JSON ({e})."),
        )
    })
}

/// What changes from scenario `from` to scenario `to` (by name or id) of the map in `file`: the
/// change list and the lens deltas, in words or as the JSON documented in docs/cli.md.
pub fn diff(file: &Path, from: &str, to: &str, json: bool) -> Result<String> {
    let map = &Document::read(file)?;
    let (a, b) = (scenario_named(map, from)?, scenario_named(map, to)?);
    let diff = crate::compare::diff(map, &a.id, &b.id)?;
    let deltas = crate::compare::lens_deltas(map, &a.id, &b.id);
    if json {
        as_json(&crate::compare::DiffReport::of(&diff, deltas))
    } else {
        Ok(crate::compare::diff_words(&a.name, &b.name, &diff, &deltas))
    }
}
