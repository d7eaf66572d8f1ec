//! Words for people and for other tools, shared by every front end: times as RFC 3339, texts
//! clipped to a column, and the JSON shapes of `list --json` and `status --json` (written here
//! once; the spreadsheet export reads the same entries).

pub mod json;

use crate::domain::Time;
use chrono::SecondsFormat;

/// A time as RFC 3339 to the second, in the offset it carries (`2022-10-17T10:00:00+02:00`).
pub fn rfc3339(t: Time) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// `s` cut to `width` characters, an ellipsis marking the cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
