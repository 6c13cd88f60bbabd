//! Dates as a map writes them: a year (`2021`), a month (`2021-02`) or a day (`2021-02-01`).
//!
//! A period counts to its last day, so `from 2021-06, until 2021` is fine: [`date_bounds`] turns a
//! date into the first and last day it names, and every check of a span or a scene's moment (and
//! the lenses' "as of" filter) compares those.

use crate::error::{CoreError, ErrorKind, Result};
use crate::model::Span;

/// The first and last day a date names, as `yyyymmdd`: `2021` is 20210101..=20211231.
pub fn date_bounds(date: &str) -> Option<(u32, u32)> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    let year: u32 = match parts.first() {
        Some(y) if y.len() == 4 && digits(y) => y.parse().ok()?,
        _ => return None,
    };
    let month = |m: &str| -> Option<u32> {
        if m.len() != 2 || !digits(m) {
            return None;
        }
        let m: u32 = m.parse().ok()?;
        (1..=12).contains(&m).then_some(m)
    };
    let last_day = |m: u32| match m {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let ymd = |m: u32, d: u32| year * 10_000 + m * 100 + d;
    match parts.as_slice() {
        [_] => Some((ymd(1, 1), ymd(12, 31))),
        [_, m] => {
            let m = month(m)?;
            Some((ymd(m, 1), ymd(m, last_day(m))))
        }
        [_, m, d] => {
            let m = month(m)?;
            if d.len() != 2 || !digits(d) {
                return None;
            }
            let d: u32 = d.parse().ok()?;
            (1..=last_day(m))
                .contains(&d)
                .then_some((ymd(m, d), ymd(m, d)))
        }
        _ => None,
    }
}

pub(super) fn check_span(span: &Span, id: &str, label: impl Fn() -> String) -> Result<()> {
    let bounds = |date: &Option<String>| -> Result<Option<(u32, u32)>> {
        match date {
            None => Ok(None),
            Some(d) => date_bounds(d).map(Some).ok_or_else(|| {
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
