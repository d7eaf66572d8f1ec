//! The rule for every text podium takes in (SPEC section 5, "Texts"): names of delegations and
//! speakers, the title, reasons, the introducer and the message are at most [`LIMIT`]
//! characters, with no control character (C0, DEL, C1) and no bidirectional override. One
//! function, [`check`], says it for the command line, the screen and the import alike; [`clean`]
//! is what every output shows of a text that broke the rule in a file edited by hand.

use super::list::refusal::RuleError;
use super::list::session::Session;
use std::borrow::Cow;
use std::fmt;

/// The longest text, in characters.
pub const LIMIT: usize = 200;

/// What shows in place of a character that must never reach an output raw.
pub const REPLACEMENT: char = '\u{FFFD}';

/// What is wrong with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A control character: C0 (U+0000–U+001F), DEL (U+007F) or C1 (U+0080–U+009F).
    Control(char),
    /// A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): it can make a
    /// name read backwards on a screen or in a printed list.
    Bidi(char),
    /// More than [`LIMIT`] characters (how many).
    TooLong(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Control(c) => write!(f, "has a control character (U+{:04X}) in it", *c as u32),
            Problem::Bidi(c) => write!(
                f,
                "has a bidirectional override (U+{:04X}) in it",
                *c as u32
            ),
            Problem::TooLong(n) => write!(
                f,
                "is {n} characters long, over the limit of {LIMIT} characters"
            ),
        }
    }
}

/// A character no text may hold.
pub fn forbidden(c: char) -> Option<Problem> {
    if c.is_control() {
        // char::is_control is exactly Cc: C0, DEL and C1.
        Some(Problem::Control(c))
    } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        Some(Problem::Bidi(c))
    } else {
        None
    }
}

/// The rule of every text that comes in: the first problem found, if any. Counting stops past
/// the limit, so a 10 MB argument costs no more than a long name.
pub fn check(text: &str) -> Result<(), Problem> {
    let mut count = 0;
    for c in text.chars() {
        if let Some(p) = forbidden(c) {
            return Err(p);
        }
        count += 1;
    }
    if count > LIMIT {
        return Err(Problem::TooLong(count));
    }
    Ok(())
}

/// Every problem of a text from a file, for `podium check`: each forbidden character once, then
/// the length.
pub fn problems(text: &str) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut count = 0;
    for c in text.chars() {
        count += 1;
        if let Some(p) = forbidden(c)
            && !out.contains(&p)
        {
            out.push(p);
        }
    }
    if count > LIMIT {
        out.push(Problem::TooLong(count));
    }
    out
}

/// The text as every output shows it: each forbidden character replaced by U+FFFD. Borrowed when
/// nothing needs replacing (the usual case costs no copy).
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| forbidden(c).is_none()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if forbidden(c).is_some() {
                        REPLACEMENT
                    } else {
                        c
                    }
                })
                .collect(),
        )
    }
}

/// [`clean`] for a text written out with its own line breaks (a report, an export, a message
/// on the terminal): line feeds and tabs stay, and so does a carriage return before a line feed;
/// every other forbidden character becomes U+FFFD.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    let keep =
        |c: char, next: Option<char>| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'));
    let mut chars = text.chars().peekable();
    let mut bad = false;
    while let Some(c) = chars.next() {
        if forbidden(c).is_some() && !keep(c, chars.peek().copied()) {
            bad = true;
            break;
        }
    }
    if !bad {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if forbidden(c).is_some() && !keep(c, chars.peek().copied()) {
            out.push(REPLACEMENT);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A text cut to `max` characters, an ellipsis marking the cut: what a file's overlong text
/// becomes when it is read, so that a 10 MB name costs the screen what a long name costs.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let mut t: String = text.chars().take(max.saturating_sub(1)).collect();
            t.push('…');
            Cow::Owned(t)
        }
    }
}

/// Every text of a session that breaks the rule (a file edited by hand), each named with what
/// is wrong: what `podium check` lists. The log's own lines are made by podium from the names,
/// and may be longer than one name: only their characters are looked at.
pub fn session_problems(s: &Session) -> Vec<String> {
    let mut out = Vec::new();
    let mut look = |what: String, text: &str, length_too: bool| {
        for p in problems(text) {
            if length_too || !matches!(p, Problem::TooLong(_)) {
                out.push(format!("{what} {p}; it is shown with U+FFFD in its place"));
            }
        }
    };
    look("the title".into(), &s.title, true);
    if let Some(m) = &s.message {
        look("the message to the speaker".into(), m, true);
    }
    for (i, m) in s.settings.messages.iter().enumerate() {
        look(format!("ready-made message {}", i + 1), m, true);
    }
    for e in &s.entries {
        look(format!("entry #{}'s delegation", e.id), &e.delegation, true);
        look(format!("entry #{}'s speaker", e.id), &e.speaker, true);
        if let Some(i) = &e.introducer {
            look(format!("entry #{}'s introducer", e.id), i, true);
        }
        if let Some(r) = &e.late_reason {
            look(format!("entry #{}'s late reason", e.id), r, true);
        }
    }
    for (i, r) in s.log.iter().enumerate() {
        if let Some(reason) = &r.reason {
            look(format!("log record {}'s reason", i + 1), reason, true);
        }
        look(format!("log record {}", i + 1), &r.text, false);
    }
    for line in &mut out {
        // "it is shown with U+FFFD" is said of characters, not of a length.
        if line.contains("characters long") {
            *line = line.replace("; it is shown with U+FFFD in its place", "");
        }
    }
    out
}

/// A text that comes in passes the one rule of texts (SPEC section 5, `text::check`): a line
/// break would also split an entry over two lines of the CSV export and of every table, so it
/// keeps its own message.
pub fn one_line(text: &str, what: &'static str) -> Result<(), RuleError> {
    match check(text) {
        Ok(()) => Ok(()),
        Err(Problem::Control('\n' | '\r')) => Err(RuleError::NotOneLine(what)),
        Err(p) => Err(RuleError::BadValue(format!(
            "the {what} {p}: {}",
            match p {
                Problem::TooLong(_) => "shorten it",
                _ => "type it without one",
            }
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c0_del_c1_and_bidi_overrides_are_refused_and_plain_names_pass() {
        for bad in [
            "\u{1b}]0;owned\u{7}",
            "a\rb",
            "del\u{7f}",
            "c1\u{9b}31m",
            "evil\u{202e}txt",
            "iso\u{2066}late",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
        for good in ["Côte d'Ivoire", "中国", "H.E. Mr. Ñúñez", "Türkiye", "مصر"] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn two_hundred_characters_pass_and_two_hundred_and_one_are_refused_naming_the_limit() {
        assert_eq!(check(&"é".repeat(200)), Ok(()));
        let err = check(&"é".repeat(201)).unwrap_err();
        assert_eq!(err, Problem::TooLong(201));
        assert!(err.to_string().contains("limit of 200 characters"), "{err}");
    }

    #[test]
    fn clean_replaces_each_forbidden_character_by_the_replacement_character() {
        assert_eq!(clean("a\u{1b}[31mb\u{202e}c"), "a\u{fffd}[31mb\u{fffd}c");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean_lines("a\r\nb\rc\u{7}\n"), "a\r\nb\u{fffd}c\u{fffd}\n");
    }

    #[test]
    fn clip_cuts_a_long_text_and_marks_the_cut() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abcd", 4), "abcd");
    }
}
