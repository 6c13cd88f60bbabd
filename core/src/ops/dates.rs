//! Dates as a map writes them: a year (`2021`), a month (`2021-02`) or a day (`2021-02-01`).
//!
//! A period counts to its last day, so `from 2021-06, until 2021` is fine: [`date_bounds`] turns a
//! date into the first and last day it names, and every check of a span or a scene's moment (and
//! the lenses' "as of" filter) compares those.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Date, Span};

/// The first and last day a date names, as `yyyymmdd`: `2021` is 20210101..=20211231; `None` for
/// text that is not a date (see [`Date`]).
pub fn date_bounds(date: &str) -> Option<(u32, u32)> {
    Date::parse(date).bounds()
}

pub(super) fn check_span(span: &Span, id: &str, label: impl Fn() -> String) -> Result<()> {
    let bounds = |date: &Option<Date>| -> Result<Option<(u32, u32)>> {
        match date {
            None => Ok(None),
            Some(d) => d.bounds().map(Some).ok_or_else(|| {
                CoreError::new(
                    ErrorKind::InvalidDate,
                    format!(
                        "\"{d}\" is not a date Murmuration understands ({}); write a year (2021), a month (2021-02) or a day (2021-02-01).",
                        label()
                    ),
                )
                .about(id)
            }),
        }
    };
    let from = bounds(&span.from)?;
    let until = bounds(&span.until)?;
    if let (Some((from_first, _)), Some((_, until_last))) = (from, until) {
        if until_last < from_first {
            return Err(CoreError::new(
                ErrorKind::SpanOrder,
                format!(
                    "{} cannot end ({}) before it begins ({}).",
                    label(),
                    span.until.as_deref().unwrap_or_default(),
                    span.from.as_deref().unwrap_or_default()
                ),
            )
            .about(id));
        }
    }
    Ok(())
}
