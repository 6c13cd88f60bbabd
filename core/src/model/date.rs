//! Dates as a map writes them: a year (`2021`), a month (`2021-02`) or a day (`2021-02-01`),
//! parsed once when read into a [`Date`] that keeps both the text (written back unchanged) and
//! the period it names.
//!
//! A date that is not one of those forms still reads (so a file or an edit carrying it reaches
//! the core's validation, which refuses it naming the element), but it names no period:
//! [`Date::bounds`] is `None`. A period counts to its last day, so `from 2021-06, until 2021` is
//! fine: every check of a span, a scene's moment and the view's "as of" compares bounds.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The text of [`Date::undated`].
pub const UNDATED: &str = "undated";

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date as written, and the first and last day it names.
/// The window sees it as the text (fields of this type say `#[specta(type = Option<String>)]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    text: String,
    parsed: Option<((u32, u32), Precision)>,
}

impl Date {
    pub fn parse(text: impl Into<String>) -> Self {
        let text = text.into();
        let parsed = parse(&text);
        Self { text, parsed }
    }

    /// The first and last day it names as `yyyymmdd` (`2021` is 20210101..=20211231); `None` for
    /// text that is not a date.
    pub fn bounds(&self) -> Option<(u32, u32)> {
        self.parsed.map(|(bounds, _)| bounds)
    }

    pub fn precision(&self) -> Option<Precision> {
        self.parsed.map(|(_, precision)| precision)
    }

    /// A date nobody recorded: what an office hospiced in a file of format version 1 (a flag,
    /// no date) is hospiced since. It names no period; "as of" any moment it already holds.
    pub fn undated() -> Self {
        Self::parse(UNDATED)
    }

    pub fn is_undated(&self) -> bool {
        self.text == UNDATED
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Date {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Date {
    fn from(text: &str) -> Self {
        Self::parse(text)
    }
}

impl From<String> for Date {
    fn from(text: String) -> Self {
        Self::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::parse)
    }
}

/// The one parser of dates.
fn parse(date: &str) -> Option<((u32, u32), Precision)> {
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
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let last_day = |m: u32| match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let ymd = |m: u32, d: u32| year * 10_000 + m * 100 + d;
    match parts.as_slice() {
        [_] => Some(((ymd(1, 1), ymd(12, 31)), Precision::Year)),
        [_, m] => {
            let m = month(m)?;
            Some(((ymd(m, 1), ymd(m, last_day(m))), Precision::Month))
        }
        [_, m, d] => {
            let m = month(m)?;
            if d.len() != 2 || !digits(d) {
                return None;
            }
            let d: u32 = d.parse().ok()?;
            (1..=last_day(m))
                .contains(&d)
                .then_some(((ymd(m, d), ymd(m, d)), Precision::Day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_a_month_and_a_day_name_their_periods() {
        assert_eq!(Date::parse("2021").bounds(), Some((20210101, 20211231)));
        assert_eq!(Date::parse("2024-02").bounds(), Some((20240201, 20240229)));
        assert_eq!(Date::parse("2023-02").bounds(), Some((20230201, 20230228)));
        assert_eq!(Date::parse("2021-04-15").precision(), Some(Precision::Day));
        for bad in [
            "",
            "21",
            "2021-13",
            "2021-02-30",
            "2021-4",
            "spring 2021",
            "2021-04-15-1",
        ] {
            assert_eq!(Date::parse(bad).bounds(), None, "{bad}");
        }
    }

    #[test]
    fn a_date_is_written_back_as_it_was_read() {
        let date: Date = serde_json::from_str("\"2021-02\"").expect("reads");
        assert_eq!(serde_json::to_string(&date).expect("writes"), "\"2021-02\"");
        let odd: Date = serde_json::from_str("\"someday\"").expect("reads, to be refused later");
        assert_eq!((odd.as_str(), odd.bounds()), ("someday", None));
    }
}
