//! Times as a person reads them in the records: in the list's time zone (SPEC section 10).

use crate::domain::{Session, Slot, Time};

/// A time as a person reads it in the records: in the list's time zone (SPEC section 10). Every
/// export but `json`, and the report, write their times through this one function.
pub fn local(s: &Session, t: Time) -> Time {
    s.local(t).fixed_offset()
}

/// "Europe/Vienna": the list's time zone, for the pages that show it.
pub fn zone_words(s: &Session) -> String {
    s.zone().name().to_string()
}

/// "17 October 10:00-13:00": a meeting slot as the report and the President's copy head it.
pub fn slot_words(s: &Session, sl: &Slot) -> String {
    let (a, b) = (local(s, sl.start), local(s, sl.end));
    format!(
        "{} {}-{}",
        a.format("%-d %B"),
        a.format("%H:%M"),
        b.format("%H:%M")
    )
}
