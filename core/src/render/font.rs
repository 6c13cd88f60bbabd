//! The one font every export is set in, shipped inside the binary, and the measuring that sizes
//! boxes to their labels.
//!
//! Exports never look at the machine's fonts: the same map gives the same pages on every laptop,
//! in CI and in the golden images. Source Sans 3 (SIL OFL, `assets/fonts/OFL.md`) is the family the
//! vocabulary names and the canvas uses. Widths come from the font's own advances, so a box drawn
//! around a label in the SVG is the box the PDF and PNG fill with glyphs.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/SourceSans3-Regular.ttf");
pub(crate) const SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/SourceSans3-Semibold.ttf");
pub(crate) const ITALIC: &[u8] = include_bytes!("../../assets/fonts/SourceSans3-It.ttf");

/// The font database usvg shapes text with: the shipped faces and nothing else.
pub(crate) fn database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for face in [REGULAR, SEMIBOLD, ITALIC] {
                db.load_font_data(face.to_vec());
            }
            let family = crate::vocabulary::vocabulary().font_family;
            db.set_sans_serif_family(family);
            Arc::new(db)
        })
        .clone()
}

/// Advance widths in em, per weight; looked up once, since every label of a big map is measured.
struct Advances {
    ascii: [f32; 128],
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Advances {
    fn of(data: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(data, 0).expect("the shipped font parses");
        let units_per_em = f32::from(face.units_per_em());
        let mut ascii = [0.5; 128];
        for (code, width) in ascii.iter_mut().enumerate() {
            if let Some(w) = Self::lookup(&face, char::from(code as u8), units_per_em) {
                *width = w;
            }
        }
        Self {
            ascii,
            face,
            units_per_em,
        }
    }

    fn lookup(face: &ttf_parser::Face<'_>, c: char, units_per_em: f32) -> Option<f32> {
        let glyph = face.glyph_index(c)?;
        Some(f32::from(face.glyph_hor_advance(glyph)?) / units_per_em)
    }

    fn em(&self, c: char) -> f32 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            Self::lookup(&self.face, c, self.units_per_em).unwrap_or(0.55)
        }
    }
}

fn advances(weight: Weight) -> &'static Advances {
    static REGULAR_ADVANCES: OnceLock<Advances> = OnceLock::new();
    static SEMIBOLD_ADVANCES: OnceLock<Advances> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR_ADVANCES.get_or_init(|| Advances::of(REGULAR)),
        Weight::Semibold => SEMIBOLD_ADVANCES.get_or_init(|| Advances::of(SEMIBOLD)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Semibold,
}

impl Weight {
    pub(crate) fn css(self) -> u16 {
        match self {
            Self::Regular => 400,
            Self::Semibold => 600,
        }
    }
}

/// The width of one line of text at `size`, in the same units as `size`.
pub(crate) fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let table = advances(weight);
    let em: f32 = text.chars().map(|c| table.em(c)).sum();
    f64::from(em) * size
}

/// `text` with every character the shipped font has no glyph for (in `weight`) shown as `?`: a
/// tagged PDF must map each glyph it draws to text.
pub(crate) fn covered(text: &str, weight: Weight) -> Cow<'_, str> {
    let face = &advances(weight).face;
    let missing = |c: char| !c.is_whitespace() && face.glyph_index(c).is_none();
    if text.chars().any(missing) {
        Cow::Owned(
            text.chars()
                .map(|c| if missing(c) { '?' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Line height as a multiple of the font size, for wrapped labels.
pub(crate) const LINE_HEIGHT: f64 = 1.22;

/// The most characters of one text a page draws: the longest name an edit may give
/// ([`MAX_NAME_CHARS`](crate::model::MAX_NAME_CHARS)). Older files and imported JSON may hold
/// longer text; drawn whole, a megabyte of it takes minutes and gigabytes to set.
pub(crate) const MAX_DRAWN_CHARS: usize = crate::model::MAX_NAME_CHARS;

/// `text` as a page draws it: cut after [`MAX_DRAWN_CHARS`] characters, with an ellipsis.
pub(crate) fn bounded(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_DRAWN_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}\u{2026}", &text[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_measures_text() {
        let narrow = text_width("iiii", 16.0, Weight::Regular);
        let wide = text_width("MMMM", 16.0, Weight::Regular);
        assert!(narrow > 0.0 && wide > 2.0 * narrow);
        assert!(
            text_width("Legal", 16.0, Weight::Semibold)
                > text_width("Legal", 16.0, Weight::Regular)
        );
    }
}
