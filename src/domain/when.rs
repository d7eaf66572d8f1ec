//! Times as delegations' emails give them (SPEC section 10), read in the list's time zone:
//! `2022-09-05 09:12`, `2022-09-05T09:12`, `5 Sep 09:12`, `5 September 2022 09:12`,
//! `Sep 5 09:12`, `09:12` (today), seconds optional, or RFC 3339 with its own offset. Pure: the
//! zone, the time now and the year to take are passed in.

use super::list::settings::Slot;
use super::time::Time;
use chrono::DateTime;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;

/// How a typed time is read: in `zone`; `09:12` is today there (as of `now`); a date without a
/// year takes `year` (the year of the list's `opens`, else of now: see [`Reading::for_list`]).
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub zone: Tz,
    pub now: Time,
    pub year: i32,
}

impl Reading {
    /// The reading of a list: its zone, and the year of its `opens`, else of now.
    pub fn for_list(zone: Tz, opens: Option<Time>, now: Time) -> Reading {
        let year = opens.unwrap_or(now).with_timezone(&zone).year();
        Reading { zone, now, year }
    }

    /// Reads a typed time; the error shows the accepted forms in plain words.
    pub fn time(&self, text: &str) -> Result<Time, String> {
        let t = text.trim();
        if let Ok(exact) = chrono::DateTime::parse_from_rfc3339(t) {
            return Ok(in_zone(exact, self.zone));
        }
        let local = self.local(t).ok_or_else(|| not_a_time(text, self.zone))?;
        match self.zone.from_local_datetime(&local) {
            chrono::LocalResult::Single(x) => Ok(x.fixed_offset()),
            // The hour repeated when the clocks go back: the first of the two (SPEC section 10).
            chrono::LocalResult::Ambiguous(first, _) => Ok(first.fixed_offset()),
            chrono::LocalResult::None => Err(format!(
                "\"{}\" does not exist in {}: the clocks went forward then and skipped that hour; give the time as the email's sender meant it, e.g. an hour later",
                t,
                self.zone.name()
            )),
        }
    }

    /// Reads `START/END`; an END of only `HH:MM` is on START's day (`2022-10-17 10:00/13:00`).
    /// A day and two hours, as the settings screen writes a slot, read the same:
    /// `2022-10-17 10:00-13:00`, `17 Oct 10:00–13:00`.
    pub fn slot(&self, text: &str) -> Result<Slot, String> {
        let day_and_hours = || {
            let t = text.trim();
            let (day, hours) = t.rsplit_once(char::is_whitespace)?;
            let (a, b) = hours.split_once(['-', '–'])?;
            clock_time(a)?;
            clock_time(b)?;
            Some((format!("{} {a}", day.trim()), b.to_string()))
        };
        let owned;
        let (a, b) = match text.split_once('/') {
            Some(ab) => ab,
            None => {
                owned = day_and_hours().ok_or_else(|| {
                    format!(
                        "\"{}\" is not a meeting slot: write a day and two hours, e.g. 2022-10-17 10:00-13:00 or 17 Oct 10:00-13:00 (or START/END)",
                        text.trim()
                    )
                })?;
                (owned.0.as_str(), owned.1.as_str())
            }
        };
        let start = self.time(a)?;
        let end = match clock_time(b.trim()) {
            Some(t) => {
                let day = start.with_timezone(&self.zone).date_naive();
                Reading {
                    now: start,
                    year: day.year(),
                    ..*self
                }
                .time(&format!(
                    "{} {}",
                    day.format("%Y-%m-%d"),
                    t.format("%H:%M:%S")
                ))?
            }
            None => self.time(b)?,
        };
        if end <= start {
            return Err(format!(
                "the slot {} ends before it starts: give START/END",
                text.trim()
            ));
        }
        Ok(Slot { start, end })
    }

    /// The wall-clock reading of a typed time, without its zone.
    fn local(&self, t: &str) -> Option<NaiveDateTime> {
        let cleaned = t.replace(',', " ");
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        match words.as_slice() {
            // 09:12: today, in the list's zone.
            [clock] => {
                if let Some(time) = clock_time(clock) {
                    let today = self.now.with_timezone(&self.zone).date_naive();
                    return Some(today.and_time(time));
                }
                // 2022-09-05T09:12
                let (d, c) = clock.split_once(['T', 't'])?;
                Some(iso_date(d)?.and_time(clock_time(c)?))
            }
            // 2022-09-05 09:12
            [d, c] => Some(iso_date(d)?.and_time(clock_time(c)?)),
            // 5 Sep 09:12, Sep 5 09:12
            [a, b, c] => {
                let (day, month) = day_month(a, b)?;
                let date = NaiveDate::from_ymd_opt(self.year, month, day)?;
                Some(date.and_time(clock_time(c)?))
            }
            // 5 September 2022 09:12, Sep 5 2022 09:12
            [a, b, y, c] => {
                let (day, month) = day_month(a, b)?;
                let year: i32 = y.parse().ok().filter(|y| (1000..=9999).contains(y))?;
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                Some(date.and_time(clock_time(c)?))
            }
            _ => None,
        }
    }
}

/// The same instant, written with the offset `zone` has then.
pub fn in_zone(t: Time, zone: Tz) -> Time {
    let offset = zone.offset_from_utc_datetime(&t.naive_utc()).fix();
    t.with_timezone(&offset)
}

/// `09:12` or `09:12:30` (also `9:12`).
fn clock_time(text: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [h, m] => NaiveTime::from_hms_opt(number(h)?, number(m)?, 0),
        [h, m, s] => NaiveTime::from_hms_opt(number(h)?, number(m)?, number(s)?),
        _ => None,
    }
}

/// `2022-09-05`.
fn iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `5 Sep` or `Sep 5` (English month names, full or short, any case): (day, month).
fn day_month(a: &str, b: &str) -> Option<(u32, u32)> {
    let day = |t: &str| -> Option<u32> {
        t.trim_end_matches('.')
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    match (day(a), month(a)) {
        (Some(d), _) => Some((d, month(b)?)),
        (None, Some(m)) => Some((day(b)?, m)),
        _ => None,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `Sep`, `sept`, `SEPTEMBER`: the month's number.
fn month(text: &str) -> Option<u32> {
    let t = text.trim_end_matches('.').to_lowercase();
    if t.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&t))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The refusal of a time that does not parse: the accepted forms, in plain words.
fn not_a_time(text: &str, zone: Tz) -> String {
    format!(
        "\"{}\" is not a time podium reads: write it with its offset as RFC 3339, e.g. 2022-10-14T09:30:00+02:00, or in the list's time zone ({}) as 2022-09-05 09:12, 5 Sep 09:12, 5 September 2022 09:12, Sep 5 09:12 or 09:12 (today)",
        text.trim(),
        zone.name()
    )
}

/// Parses a duration: `180s`, `3m`, `5m30s`, `1h` or `2:30`, into seconds. A bare number is
/// refused: is `2` two seconds or two minutes?
pub fn duration(text: &str) -> Result<i64, String> {
    let t = text.trim().to_lowercase();
    let forms = "write e.g. 180s, 3m, 5m30s or 2:30";
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{}\" has no unit: is it {t} seconds or {t} minutes? {forms}",
            text.trim()
        ));
    }
    let bad = || format!("\"{}\" is not a duration: {forms}", text.trim());
    if t.is_empty() {
        return Err(bad());
    }
    if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        if parts.len() > 3 {
            return Err(bad());
        }
        let mut total: i64 = 0;
        for (i, p) in parts.iter().enumerate() {
            let n: i64 = p.parse().map_err(|_| bad())?;
            if n < 0 || (i > 0 && n >= 60) {
                return Err(bad());
            }
            total = total
                .checked_mul(60)
                .and_then(|v| v.checked_add(n))
                .ok_or_else(bad)?;
        }
        return Ok(total);
    }
    let mut total: i64 = 0;
    let mut number = String::new();
    let mut seen_unit = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(bad()),
        };
        let n: i64 = number.parse().map_err(|_| bad())?;
        total = n
            .checked_mul(unit)
            .and_then(|v| v.checked_add(total))
            .ok_or_else(bad)?;
        number.clear();
        seen_unit = true;
    }
    if !number.is_empty() || !seen_unit {
        return Err(bad());
    }
    Ok(total)
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
    duration(text)
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
    use chrono_tz::Europe::Vienna;

    fn vienna(now: &str) -> Reading {
        let now = chrono::DateTime::parse_from_rfc3339(now).expect("now");
        Reading::for_list(Vienna, None, now)
    }

    fn read(r: &Reading, text: &str) -> String {
        r.time(text)
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|e| format!("refused: {e}"))
    }

    #[test]
    fn the_forms_of_an_email_in_europe_vienna_in_summer_time() {
        let r = vienna("2022-10-17T10:00:00+02:00");
        for form in [
            "5 Sep 09:12",
            "2022-09-05 09:12",
            "2022-09-05T09:12",
            "Sep 5 09:12",
            "5 September 2022 09:12",
            "5 SEPTEMBER 09:12:00",
            "sep 5, 09:12",
            "2022-09-05T07:12:00Z",
        ] {
            assert_eq!(read(&r, form), "2022-09-05T09:12:00+02:00", "{form}");
        }
        assert_eq!(read(&r, "09:12"), "2022-10-17T09:12:00+02:00");
        assert_eq!(read(&r, "9:12:30"), "2022-10-17T09:12:30+02:00");
    }

    #[test]
    fn the_forms_of_an_email_in_europe_vienna_in_winter_time() {
        let r = vienna("2022-12-01T10:00:00+01:00");
        assert_eq!(read(&r, "5 Dec 09:12"), "2022-12-05T09:12:00+01:00");
        assert_eq!(read(&r, "2022-12-05 09:12"), "2022-12-05T09:12:00+01:00");
        assert_eq!(read(&r, "Dec 5 09:12"), "2022-12-05T09:12:00+01:00");
        assert_eq!(read(&r, "09:12"), "2022-12-01T09:12:00+01:00");
        // RFC 3339 from another offset is the same instant, in the list's offset.
        assert_eq!(
            read(&r, "2022-12-05T09:12:00+00:00"),
            "2022-12-05T10:12:00+01:00"
        );
    }

    #[test]
    fn a_date_without_a_year_takes_the_year_of_opens() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").expect("t");
        let opens = chrono::DateTime::parse_from_rfc3339("2022-09-05T00:00:00+02:00").ok();
        let r = Reading::for_list(Vienna, opens, now);
        assert_eq!(read(&r, "5 Sep 09:12"), "2022-09-05T09:12:00+02:00");
        let r = Reading::for_list(Vienna, None, now);
        assert_eq!(read(&r, "5 Sep 09:12"), "2026-09-05T09:12:00+02:00");
    }

    #[test]
    fn the_hour_skipped_is_refused_and_the_hour_repeated_takes_the_first() {
        let r = vienna("2022-10-17T10:00:00+02:00");
        let gap = read(&r, "2022-03-27 02:30");
        assert!(
            gap.starts_with("refused") && gap.contains("skipped"),
            "{gap}"
        );
        assert_eq!(read(&r, "2022-10-30 02:30"), "2022-10-30T02:30:00+02:00");
    }

    #[test]
    fn a_time_that_does_not_parse_is_refused_with_the_forms_in_plain_words() {
        let r = vienna("2022-10-17T10:00:00+02:00");
        for bad in [
            "tomorrow",
            "31 Feb 09:00",
            "25:00",
            "5 Sep",
            "",
            "2022-13-01 10:00",
        ] {
            let e = read(&r, bad);
            assert!(e.starts_with("refused"), "{bad}: {e}");
        }
        let e = read(&r, "tomorrow");
        assert!(e.contains("5 Sep 09:12") && e.contains("09:12"), "{e}");
        assert!(!e.contains("input") && !e.contains("premature"), "{e}");
    }

    #[test]
    fn a_slot_ends_on_its_own_day_when_only_the_hour_is_given() {
        let r = vienna("2022-10-17T09:00:00+02:00");
        let s = r.slot("2022-10-17 10:00/13:00").expect("slot");
        assert_eq!(s.start.to_rfc3339(), "2022-10-17T10:00:00+02:00");
        assert_eq!(s.end.to_rfc3339(), "2022-10-17T13:00:00+02:00");
        assert!(r.slot("2022-10-17 13:00/10:00").is_err());
        let rows = r.slot("17 Oct 15:00-18:00").expect("a day and two hours");
        assert_eq!(rows.start.to_rfc3339(), "2022-10-17T15:00:00+02:00");
        assert_eq!(rows.end.to_rfc3339(), "2022-10-17T18:00:00+02:00");
        assert!(r.slot("2022-10-17 10:00–13:00").is_ok());
        assert!(r.slot("10:00").is_err());
    }

    #[test]
    fn a_bare_number_is_not_a_duration() {
        let e = duration("2").expect_err("bare");
        assert!(
            e.contains("2 seconds or 2 minutes") && e.contains("180s"),
            "{e}"
        );
        assert_eq!(duration("180s"), Ok(180));
        assert_eq!(duration("3m"), Ok(180));
        assert_eq!(duration("5m30s"), Ok(330));
        assert_eq!(duration("2:30"), Ok(150));
        assert!(duration("2:75").is_err());
    }

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
