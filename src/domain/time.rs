//! Times and durations as podium writes them for people: one offset-carrying time type and the
//! few ways it is printed.

use chrono::{DateTime, FixedOffset};

/// A point in time as the conference writes it: RFC 3339 with its UTC offset.
pub type Time = DateTime<FixedOffset>;

/// "2022-10-17 12:00 +02:00": a time in messages, in the offset it was given in.
pub fn fmt_time(t: Time) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// "6 September": a day in the officer's words, as in "since the request of 6 September".
pub fn fmt_day(t: Time) -> String {
    t.format("%-d %B").to_string()
}

/// 180 -> "3:00", -5 -> "-0:05".
pub fn fmt_seconds(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}
