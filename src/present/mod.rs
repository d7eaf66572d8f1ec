//! Words for people and for other tools, shared by every front end: times as RFC 3339 and the
//! JSON shapes of `list --json` and `status --json` (written here once; the spreadsheet export
//! reads the same entries).

pub mod json;

use crate::domain::Time;
use chrono::SecondsFormat;

/// A time as RFC 3339 to the second, in the offset it carries (`2022-10-17T10:00:00+02:00`).
pub fn rfc3339(t: Time) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}
