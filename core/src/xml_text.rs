//! The one way text goes into the XML the exports write: SVG pages (and so PNG, PDF and decks),
//! GraphML and GEXF.
//!
//! A name can hold anything a keyboard, a spreadsheet or a JSON file gave it. XML 1.0 forbids
//! most control characters (NUL among them) and U+FFFE/U+FFFF anywhere in a document, even as
//! character references, and one of them makes Gephi, yEd, networkx and the PDF/PNG renderer
//! refuse the whole file. Each forbidden character is written as U+FFFD, the replacement
//! character, so a reader sees that something was there; every other character comes back as it
//! was. Tab, line feed and carriage return are written as character references because a parser
//! turns them into spaces in attribute values (and a raw carriage return into a line feed).

use std::borrow::Cow;
use std::fmt::Write;

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` as XML character data, safe in element content and in attribute values alike.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    let plain =
        |c: char| allowed(c) && !matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r');
    if text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c if !allowed(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_the_replacement_character() {
        assert_eq!(
            escape("a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}"
        );
        assert_eq!(escape("R&D <\"x\">'"), "R&amp;D &lt;&quot;x&quot;&gt;&#39;");
        assert_eq!(escape("a\tb\r\nc"), "a&#9;b&#13;&#10;c");
        assert!(matches!(escape("Teaching — Lëarning 🎓"), Cow::Borrowed(_)));
    }
}
