//! The rules of the list, pure: no terminal, no file, no clock. Every time is passed in.

pub mod floor;
pub mod history;
pub mod kind;
pub mod level;
pub mod list;
pub mod names;
pub mod plan;
pub mod setting_key;
pub mod text;
pub mod timer;
pub mod when;
pub mod words;
pub mod zone;

use chrono::{DateTime, FixedOffset};

/// A point in time as the conference writes it: RFC 3339 with its UTC offset.
pub type Time = DateTime<FixedOffset>;

pub use kind::{ListKind, Role};
pub use level::{Category, Group, Level, Mode};
pub use list::{
    AbsentPolicy, Accepts, Change, Done, Entry, Field, Inscription, LogRecord, Mark, Part,
    RuleError, Section, Session, Setting, Settings, Slot, Status, Tier, WindowState, fmt_seconds,
};
pub use setting_key::SettingKey;
pub use timer::{SimulatedClock, Speech};
pub use words::Words;

/// "2022-10-17 12:00 +02:00": a time in messages, in the offset it was given in.
pub fn fmt_time(t: Time) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// "6 September": a day in the officer's words, as in "since the request of 6 September".
pub fn fmt_day(t: Time) -> String {
    t.format("%-d %B").to_string()
}

/// Parses an RFC 3339 time, e.g. `2022-10-14T09:30:00+02:00`.
pub fn parse_time(text: &str) -> Result<Time, String> {
    // chrono's own reason ("premature end of input") is not the officer's language: say what
    // podium reads instead.
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        format!(
            "\"{text}\" is not a time podium reads: write the date, time and UTC offset (RFC 3339), e.g. 2022-10-14T09:30:00+02:00"
        )
    })
}

/// Parses a duration: `180s`, `3m`, `5m30s`, `1h` or `2:30`, into seconds; a bare number is
/// refused (is `2` two seconds or two minutes?).
pub fn parse_duration(text: &str) -> Result<i64, String> {
    when::duration(text)
}

/// Parses `START/END`, e.g. `2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00`.
pub fn parse_slot(text: &str) -> Result<Slot, String> {
    let (a, b) = text.split_once('/').ok_or_else(|| {
        format!("\"{text}\" is not a slot: write START/END, e.g. 2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00")
    })?;
    let slot = Slot {
        start: parse_time(a)?,
        end: parse_time(b)?,
    };
    if slot.end <= slot.start {
        return Err(format!(
            "the slot {text} ends before it starts: give START/END"
        ));
    }
    Ok(slot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_spelling_of_the_spec() {
        assert_eq!(parse_duration("180s"), Ok(180));
        assert_eq!(parse_duration("3m"), Ok(180));
        assert_eq!(parse_duration("5m30s"), Ok(330));
        assert_eq!(parse_duration("2:30"), Ok(150));
        assert_eq!(parse_duration("1h"), Ok(3600));
        assert!(parse_duration("3 minutes").is_err());
        assert!(parse_duration("2:75").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
    }

    #[test]
    fn times_are_rfc3339() {
        assert!(parse_time("2022-10-14T09:30:00+02:00").is_ok());
        assert!(parse_time("14 October").is_err());
    }
}
