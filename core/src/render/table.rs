//! The table of a page's elements and relations, on pages of its own at the end of a PDF.
//!
//! A map is a picture; a reader who cannot see it needs its content as text they can move through
//! cell by cell. Each map page of a PDF gets a tagged table (name, kind, group; from, relation, to)
//! drawn with krilla's own text in the shipped font, so it reads the same on paper. The table sits
//! in its page's section of the structure, right after the map's figure.

use super::alt::PageTable;
use super::font::{self, Weight};
use krilla::color::rgb;
use krilla::geom::{Point, Size};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::tagging::{ContentTag, Identifier, SpanTag, TableHeaderScope, Tag, TagGroup};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use std::num::NonZeroU16;

const MARGIN: f32 = 40.0;
/// The most rows a table lists: past this a page is a whole district, and its reader is better
/// served by the CSV export than by hundreds of pages (which would also take minutes to write).
const MAX_ROWS: usize = 1000;
const TEXT: f32 = 8.5;
const ROW: f32 = 12.0;
const HEADING: f32 = 14.0;
/// The gap between the two columns a table page is set in.
const GAP: f32 = 24.0;

/// One line of text placed on a table page.
struct Cell {
    page: usize,
    at: (f32, f32),
    text: String,
    size: f32,
    weight: Weight,
}

/// Where each cell goes, page by page in two columns (a long table in fewer pages).
struct Plan {
    cells: Vec<Cell>,
    page: usize,
    column: usize,
    column_width: f32,
    y: f32,
}

/// A table's cells by index: its caption, its header row and its rows.
struct Grid {
    caption: usize,
    header: Vec<usize>,
    rows: Vec<Vec<usize>>,
}

impl Plan {
    /// A cell `x` points into the current column.
    fn cell(&mut self, x: f32, text: &str, size: f32, weight: Weight, room: f32) -> usize {
        let text = fitted(text, size, weight, room);
        let left = MARGIN + self.column as f32 * (self.column_width + GAP);
        self.cells.push(Cell {
            page: self.page,
            at: (left + x, self.y),
            text,
            size,
            weight,
        });
        self.cells.len() - 1
    }

    /// Moves down `by`; at the foot, to the top of the next column or page.
    fn down(&mut self, by: f32, bottom: f32) {
        self.y += by;
        if self.y > bottom {
            if self.column == 0 {
                self.column = 1;
            } else {
                self.column = 0;
                self.page += 1;
            }
            self.y = MARGIN + TEXT;
        }
    }
}

/// `text` on one line, cut with an ellipsis to fit `room` points, in glyphs the font has.
fn fitted(text: &str, size: f32, weight: Weight, room: f32) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut line = font::covered(&font::bounded(&one_line), weight).into_owned();
    let fits = |t: &str| font::text_width(t, f64::from(size), weight) <= f64::from(room);
    if fits(&line) {
        return line;
    }
    while !line.is_empty() && !fits(&format!("{line}…")) {
        line.pop();
    }
    format!("{}…", line.trim_end())
}

/// A table with `columns` headers and `rows`, its caption above.
fn plan_grid(
    plan: &mut Plan,
    caption: &str,
    columns: [&str; 3],
    shares: [f32; 3],
    rows: &[[String; 3]],
    bottom: f32,
) -> Grid {
    let rows_total = rows.len();
    let inner = plan.column_width;
    let xs = [0.0, inner * shares[0], inner * (shares[0] + shares[1])];
    let room = |i: usize| inner * shares[i] - 6.0;
    let caption = plan.cell(0.0, caption, 10.0, Weight::Semibold, inner);
    plan.down(ROW + 2.0, bottom);
    let header = (0..3)
        .map(|i| plan.cell(xs[i], columns[i], TEXT, Weight::Semibold, room(i)))
        .collect();
    plan.down(ROW, bottom);
    let shown = &rows[..rows.len().min(MAX_ROWS)];
    let mut rows: Vec<Vec<usize>> = shown
        .iter()
        .map(|row| {
            let cells = (0..3)
                .map(|i| plan.cell(xs[i], &row[i], TEXT, Weight::Regular, room(i)))
                .collect();
            plan.down(ROW, bottom);
            cells
        })
        .collect();
    let rest = rows_total - shown.len();
    if rest > 0 {
        let more = format!("… and {rest} more: the CSV export lists them all");
        rows.push(vec![plan.cell(0.0, &more, TEXT, Weight::Regular, inner)]);
        plan.down(ROW, bottom);
    }
    plan.down(ROW, bottom);
    Grid {
        caption,
        header,
        rows,
    }
}

fn font_of(weight: Weight) -> Font {
    let data: &'static [u8] = match weight {
        Weight::Regular => font::REGULAR,
        Weight::Semibold => font::SEMIBOLD,
    };
    Font::new(data.into(), 0).expect("the shipped font loads")
}

/// Draws the table of one page on pages added to `document`; returns how many pages it took and
/// its part of the structure (a heading, then a table each for elements and relations). An empty
/// page has no table.
pub(super) fn draw(
    document: &mut Document,
    size: Size,
    table: &PageTable,
    page_name: &str,
) -> Option<(usize, TagGroup)> {
    if table.elements.is_empty() && table.relations.is_empty() {
        return None;
    }
    let (width, height) = (size.width(), size.height());
    let bottom = height - MARGIN;
    let mut plan = Plan {
        cells: Vec::new(),
        page: 0,
        column: 0,
        column_width: (width - 2.0 * MARGIN - GAP) / 2.0,
        y: MARGIN + HEADING,
    };
    let title = format!("Elements and relations: {page_name}");
    let heading = plan.cell(0.0, &title, HEADING, Weight::Semibold, width - 2.0 * MARGIN);
    plan.down(ROW * 1.8, bottom);
    let mut grids = Vec::new();
    if !table.elements.is_empty() {
        let caption = format!("Elements ({})", table.elements.len());
        let columns = ["Name", "Kind", "In group"];
        let shares = [0.45, 0.17, 0.38];
        grids.push(plan_grid(
            &mut plan,
            &caption,
            columns,
            shares,
            &table.elements,
            bottom,
        ));
    }
    if !table.relations.is_empty() {
        let caption = format!("Relations ({})", table.relations.len());
        let columns = ["From", "Relation", "To"];
        let shares = [0.38, 0.24, 0.38];
        grids.push(plan_grid(
            &mut plan,
            &caption,
            columns,
            shares,
            &table.relations,
            bottom,
        ));
    }
    let ids = draw_cells(document, size, &plan.cells);
    let mut group = TagGroup::new(Tag::Div);
    let level = NonZeroU16::new(3).expect("three is not zero");
    group.push(TagGroup::with_children(
        Tag::Hn(level, Some(title)),
        vec![ids[heading].into()],
    ));
    for grid in grids {
        group.push(table_group(&grid, &ids));
    }
    Some((plan.page + 1, group))
}

/// Draws every cell on its page, each a tagged span; returns their identifiers by index.
fn draw_cells(document: &mut Document, size: Size, cells: &[Cell]) -> Vec<Identifier> {
    let pages = cells.iter().map(|c| c.page).max().unwrap_or(0) + 1;
    let fonts = [font_of(Weight::Regular), font_of(Weight::Semibold)];
    let mut ids = vec![None; cells.len()];
    for page in 0..pages {
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        surface.set_fill(Some(Fill {
            paint: rgb::Color::new(0x1F, 0x29, 0x37).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::NonZero,
        }));
        for (i, cell) in cells.iter().enumerate().filter(|(_, c)| c.page == page) {
            let font = fonts[usize::from(cell.weight == Weight::Semibold)].clone();
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.draw_text(
                Point::from_xy(cell.at.0, cell.at.1),
                font,
                cell.size,
                &cell.text,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
            ids[i] = Some(id);
        }
        surface.finish();
        pdf_page.finish();
    }
    ids.into_iter()
        .map(|id| id.expect("every cell is drawn on its page"))
        .collect()
}

fn table_group(grid: &Grid, ids: &[Identifier]) -> TagGroup {
    let cell =
        |tag: krilla::tagging::TagKind, i: usize| TagGroup::with_children(tag, vec![ids[i].into()]);
    let mut table = TagGroup::new(Tag::Table);
    table.push(cell(Tag::Caption.into(), grid.caption));
    let header_row = grid
        .header
        .iter()
        .map(|&i| cell(Tag::TH(TableHeaderScope::Column).into(), i).into())
        .collect();
    let head = TagGroup::with_children(Tag::TR, header_row);
    table.push(TagGroup::with_children(Tag::THead, vec![head.into()]));
    let mut body = TagGroup::new(Tag::TBody);
    for row in &grid.rows {
        // A row of one cell (the "and N more" line) spans the table.
        let span = std::num::NonZeroU32::new(4 - row.len().min(3) as u32);
        let cells = row
            .iter()
            .map(|&i| {
                let td = Tag::TD.with_col_span(span.filter(|s| s.get() > 1));
                cell(td.into(), i).into()
            })
            .collect();
        body.push(TagGroup::with_children(Tag::TR, cells));
    }
    table.push(body);
    table
}
