//! What happened on a list: who was heard and for how long against their limit, the overruns,
//! the time by regional group, who withdrew, what was accepted by override and why, the swaps and
//! the replacements, the absences, the points of order and pauses, each meeting slot, the extra
//! time granted and taken away, and what undo undid. [`Report`] is computed purely from a
//! session and a time; it renders as plain text for `podium report` (its `Display`), as one
//! self-contained HTML page with SVG pictures ([`html`], `podium report --format html`) (the screen draws it
//! with bars: `tui::view::report`).
//!
//! The figures (totals, averages, overruns, groups) count the speeches that have ended; the
//! speaker at the podium is shown apart, with the time used so far, since that speech is not
//! over. Every `*_seconds` figure is whole seconds, rounded down like the timer.

use crate::delegations;
use crate::domain::text::clip;
use crate::domain::{Change, Entry, Group, Level, Session, Status, Time, fmt_seconds, fmt_time};
use std::fmt;

pub mod html;

/// The group label for delegations the reference data does not place in a regional group
/// (observers, organizations, unknown spellings).
pub const OTHER: &str = "other";

/// One speech: time used against the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerTime {
    pub id: u64,
    /// "Ghana" or "Egypt (for the African States)".
    pub title: String,
    pub speaker: String,
    pub level: Level,
    /// The regional group the time counts for: the group a chair spoke for, else the
    /// delegation's group in the reference data, else [`OTHER`].
    pub group: String,
    pub started_at: Option<Time>,
    pub used_seconds: i64,
    pub limit_seconds: i64,
    /// Time beyond the limit; 0 within it.
    pub over_seconds: i64,
}

/// Time heard from one regional group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTime {
    /// The group's full name ("African States"), or [`OTHER`].
    pub group: String,
    pub speakers: usize,
    pub seconds: i64,
}

/// An entry that left the list without speaking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub id: u64,
    pub title: String,
    pub speaker: String,
    /// When it was recorded at the desk (from the log; `None` if the log does not say).
    pub at: Option<Time>,
    /// The time of the delegation's notice, where one was given.
    pub notice_at: Option<Time>,
    /// "withdrawn", or "dropped when absent" under the absent setting `drop`.
    pub how: String,
}

/// A logged change with its time, its notice time and, where one was given, its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: Time,
    pub notice_at: Option<Time>,
    pub entry: Option<u64>,
    pub other: Option<u64>,
    pub reason: Option<String>,
    /// The change in words, as the log holds it.
    pub text: String,
}

/// A speaker not in the room when called, and what the absent setting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub at: Time,
    pub entry: Option<u64>,
    /// "Ghana" or "Egypt (for the African States)".
    pub title: String,
    pub speaker: String,
    /// The absent setting then: `behind-next`, `end-of-tier` or `drop`.
    pub policy: String,
    /// What it did: "moved behind Kenya", "moved to the end of its tier", "dropped from the list".
    pub outcome: String,
}

/// A time the floor stood still: a point of order, or a pause of the speaker's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standstill {
    pub at: Time,
    pub entry: Option<u64>,
    /// The speaker whose clock stood still.
    pub title: String,
    /// When the clock ran again (or the speech ended); `None` while it still stands still.
    pub until: Option<Time>,
    /// How long the floor stood still (until now for one that has not ended).
    pub seconds: i64,
}

/// One meeting slot's figures, from the speeches that started in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSummary {
    /// "17 October 10:00-13:00", in the list's time zone.
    pub heading: String,
    pub heard: usize,
    pub seconds: i64,
    pub limit_seconds: i64,
    pub overruns: usize,
    pub overtime_seconds: i64,
}

/// A change of the speaker's time by the President: extra time granted, or time taken away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeChange {
    pub at: Time,
    pub entry: Option<u64>,
    /// Whole seconds, always positive: the list it is in says which way.
    pub seconds: i64,
    /// The change in words, as the log holds it.
    pub text: String,
}

/// An undo or a redo, named by the change it undid (or did again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub at: Time,
    /// "undone" or "redone".
    pub verb: String,
    /// What the officer did, as the screen named it ("30 seconds more").
    pub label: String,
    /// The change it undid, as the log wrote it when it was made ("extra time for Ghana 0:30:
    /// limit now 3:30"); empty where the file does not say (a file written before podium
    /// recorded it).
    pub change: String,
}

/// What happened on a list, as at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    pub at: Time,
    /// Ended speeches, in the order they were heard.
    pub heard: Vec<SpeakerTime>,
    /// The speech at the podium, with the time used so far.
    pub current: Option<SpeakerTime>,
    pub waiting: usize,
    pub total_seconds: i64,
    /// The sum of the heard speakers' limits, to set the total against.
    pub total_limit_seconds: i64,
    /// The total over the number heard, rounded down; `None` when nobody has been heard.
    pub average_seconds: Option<i64>,
    /// Heard speakers over their limit, the largest overrun first (ties in speaking order).
    pub overruns: Vec<SpeakerTime>,
    pub overtime_seconds: i64,
    /// The five regional groups in the order of R10, then [`OTHER`]; every one listed.
    pub by_group: Vec<GroupTime>,
    pub withdrawn: Vec<Withdrawal>,
    /// Changes made by override and why: requests accepted outside the window (R1), and any
    /// other logged change that carries a reason.
    pub overrides: Vec<Event>,
    pub swaps: Vec<Event>,
    pub replacements: Vec<Event>,
    /// Extra time granted by the President, and its total.
    pub extra_granted: Vec<TimeChange>,
    pub extra_granted_seconds: i64,
    /// Time taken away from a speaker, and its total.
    pub time_taken: Vec<TimeChange>,
    pub time_taken_seconds: i64,
    /// Speakers not in the room when called.
    pub absences: Vec<Absence>,
    /// Points of order: when, and how long the floor stood still.
    pub points_of_order: Vec<Standstill>,
    /// Pauses of the speaker's clock (not points of order).
    pub pauses: Vec<Standstill>,
    /// One summary per meeting slot, in order; then, headed "Outside the meeting slots", the
    /// speeches that started in none (only when the list has slots and such speeches).
    pub slots: Vec<SlotSummary>,
    /// Undo and redo steps, each named by the change it undid or did again (that change no
    /// longer counts above while it stands undone).
    pub undone: Vec<Undo>,
}

/// The report's formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text.
    #[default]
    Text,
    /// One self-contained page with pictures (SVG).
    Html,
}

/// The report of a session in `format`: its text, or one HTML page (`podium report`).
pub fn render(s: &Session, format: ReportFormat, now: Time) -> String {
    let report = Report::compute(s, s.in_zone(now));
    match format {
        ReportFormat::Text => report.to_string(),
        ReportFormat::Html => html::page(&report, &crate::records::zone_words(s)),
    }
}

/// The group an entry's time counts for.
pub fn group_of(e: &Entry) -> String {
    let group: Option<Group> = e
        .chair_of
        .or_else(|| delegations::find(&e.delegation).and_then(|d| d.group));
    group.map_or_else(|| OTHER.to_string(), |g| g.name().to_string())
}

/// The title and speaker of entry `id` ("#7" where the file no longer has it).
fn who(s: &Session, id: Option<u64>) -> (String, String) {
    match id.and_then(|id| s.entry(id)) {
        Some(e) => (e.title(), e.speaker.clone()),
        None => (
            id.map_or_else(|| "a speaker".to_string(), |id| format!("#{id}")),
            String::new(),
        ),
    }
}

/// The absences, from the log: the record says which setting applied and what it did
/// ("Peru absent when called (drop): dropped from the list").
fn absences(s: &Session) -> Vec<Absence> {
    s.log
        .iter()
        .filter(|r| !r.undone && r.what == Change::Absent)
        .map(|r| {
            let (title, speaker) = who(s, r.entry);
            let (policy, outcome) = r
                .text
                .rsplit_once(" absent when called (")
                .and_then(|(_, rest)| rest.split_once("): "))
                .map_or_else(
                    || (s.settings.absent.word().to_string(), r.text.clone()),
                    |(p, o)| (p.to_string(), o.to_string()),
                );
            Absence {
                at: r.at,
                entry: r.entry,
                title,
                speaker,
                policy,
                outcome,
            }
        })
        .collect()
}

/// The points of order and the pauses, from the log: each stands from its record until the
/// clock runs again, the speech ends or the speaker leaves the podium; one not over yet stands
/// until `now`, if the clock is indeed still stopped.
fn standstills(s: &Session, now: Time) -> (Vec<Standstill>, Vec<Standstill>) {
    let (mut points, mut pauses) = (Vec::new(), Vec::new());
    // The stand-still under way: (point of order?, record).
    let mut open: Option<(bool, &crate::domain::LogRecord)> = None;
    let close = |open: &mut Option<(bool, &crate::domain::LogRecord)>,
                 until: Option<Time>,
                 points: &mut Vec<Standstill>,
                 pauses: &mut Vec<Standstill>| {
        if let Some((point, r)) = open.take() {
            let end = until.unwrap_or(now);
            let st = Standstill {
                at: r.at,
                entry: r.entry,
                title: who(s, r.entry).0,
                until,
                seconds: (end - r.at).num_seconds().max(0),
            };
            if point {
                points.push(st)
            } else {
                pauses.push(st)
            }
        }
    };
    for r in s.log.iter().filter(|r| !r.undone) {
        match r.what {
            // A point of order raised while the clock was already paused: the pause ends
            // there and the point of order takes over.
            Change::PointOfOrder if !matches!(open, Some((true, _))) => {
                close(&mut open, Some(r.at), &mut points, &mut pauses);
                open = Some((true, r));
            }
            Change::Paused if open.is_none() => open = Some((false, r)),
            Change::Resumed | Change::Ended | Change::Called | Change::Absent => {
                close(&mut open, Some(r.at), &mut points, &mut pauses);
            }
            _ => {}
        }
    }
    let stopped = s.speech.as_ref().is_some_and(|sp| !sp.running);
    close(
        &mut open,
        if stopped { None } else { Some(now) },
        &mut points,
        &mut pauses,
    );
    (points, pauses)
}

/// The extra time granted and the time taken away, apart. The log writes each change as
/// "extra time for Ghana 0:30: limit now 3:30" or "time taken from Ghana 0:30: limit now 2:30".
fn time_changes(s: &Session) -> (Vec<TimeChange>, Vec<TimeChange>) {
    let (mut granted, mut taken) = (Vec::new(), Vec::new());
    for r in s
        .log
        .iter()
        .filter(|r| !r.undone && r.what == Change::ExtraTime)
    {
        let seconds = r
            .text
            .rsplit_once(": limit now ")
            .and_then(|(head, _)| head.rsplit(' ').next())
            .and_then(|d| crate::domain::parse_duration(d).ok())
            .unwrap_or(0);
        let change = TimeChange {
            at: r.at,
            entry: r.entry,
            seconds,
            text: r.text.clone(),
        };
        if r.text.starts_with("time taken from") {
            taken.push(change);
        } else {
            granted.push(change);
        }
    }
    (granted, taken)
}

/// One summary per meeting slot, from the speeches that started in it; then the speeches that
/// started in none, if the list has slots.
fn slot_summaries(s: &Session, heard: &[SpeakerTime]) -> Vec<SlotSummary> {
    let slots = &s.settings.slots;
    if slots.is_empty() {
        return Vec::new();
    }
    let summary = |heading: String, speeches: Vec<&SpeakerTime>| SlotSummary {
        heading,
        heard: speeches.len(),
        seconds: speeches.iter().map(|h| h.used_seconds).sum(),
        limit_seconds: speeches.iter().map(|h| h.limit_seconds).sum(),
        overruns: speeches.iter().filter(|h| h.over_seconds > 0).count(),
        overtime_seconds: speeches.iter().map(|h| h.over_seconds).sum(),
    };
    let in_slot = |h: &SpeakerTime, sl: &crate::domain::Slot| {
        h.started_at.is_some_and(|t| t >= sl.start && t < sl.end)
    };
    let mut out: Vec<SlotSummary> = slots
        .iter()
        .map(|sl| {
            summary(
                crate::records::slot_words(s, sl),
                heard.iter().filter(|h| in_slot(h, sl)).collect(),
            )
        })
        .collect();
    let outside: Vec<&SpeakerTime> = heard
        .iter()
        .filter(|h| !slots.iter().any(|sl| in_slot(h, sl)))
        .collect();
    if !outside.is_empty() {
        out.push(summary("Outside the meeting slots".to_string(), outside));
    }
    out
}

/// The undo and redo steps. Each record says "undone: LABEL" and, since podium names the change
/// undone, " (CHANGE)" after it, CHANGE being the log's own words for it.
fn undos(s: &Session) -> Vec<Undo> {
    s.log
        .iter()
        .filter(|r| matches!(r.what, Change::Undone | Change::Redone))
        .map(|r| {
            let verb = if r.what == Change::Undone {
                "undone"
            } else {
                "redone"
            };
            let rest = r
                .text
                .strip_prefix(verb)
                .and_then(|t| t.strip_prefix(": "))
                .unwrap_or(&r.text);
            let (label, change) = match rest.split_once(crate::domain::history::UNDID) {
                Some((label, change)) => (label, change.strip_suffix(')').unwrap_or(change)),
                None => (rest, ""),
            };
            Undo {
                at: r.at,
                verb: verb.to_string(),
                label: label.to_string(),
                change: change.to_string(),
            }
        })
        .collect()
}

fn speaker_time(e: &Entry, used: i64) -> SpeakerTime {
    SpeakerTime {
        id: e.id,
        title: e.title(),
        speaker: e.speaker.clone(),
        level: e.level,
        group: group_of(e),
        started_at: e.started_at,
        used_seconds: used,
        limit_seconds: e.limit_seconds,
        over_seconds: (used - e.limit_seconds).max(0),
    }
}

impl Report {
    /// The report of `s` as at `now` (which only the current speech's time so far depends on).
    pub fn compute(s: &Session, now: Time) -> Report {
        let order = s.display_order();
        let heard: Vec<SpeakerTime> = order
            .iter()
            .filter(|e| e.status == Status::Spoken)
            .map(|e| speaker_time(e, e.spoken_seconds.unwrap_or(0)))
            .collect();
        let current = s.speech.as_ref().and_then(|sp| {
            let e = s.entry(sp.entry)?;
            Some(speaker_time(e, sp.elapsed_seconds(now)))
        });
        let total_seconds: i64 = heard.iter().map(|h| h.used_seconds).sum();
        let total_limit_seconds: i64 = heard.iter().map(|h| h.limit_seconds).sum();
        let average_seconds = i64::try_from(heard.len())
            .ok()
            .filter(|n| *n > 0)
            .map(|n| total_seconds.div_euclid(n));
        let mut overruns: Vec<SpeakerTime> = heard
            .iter()
            .filter(|h| h.over_seconds > 0)
            .cloned()
            .collect();
        // A stable sort keeps the speaking order among equal overruns.
        overruns.sort_by_key(|o| std::cmp::Reverse(o.over_seconds));
        let overtime_seconds = overruns.iter().map(|o| o.over_seconds).sum();

        let mut by_group: Vec<GroupTime> = Group::ALL
            .iter()
            .map(|g| g.name().to_string())
            .chain(std::iter::once(OTHER.to_string()))
            .map(|group| GroupTime {
                group,
                speakers: 0,
                seconds: 0,
            })
            .collect();
        for h in &heard {
            if let Some(g) = by_group.iter_mut().find(|g| g.group == h.group) {
                g.speakers += 1;
                g.seconds += h.used_seconds;
            }
        }

        let event = |r: &crate::domain::LogRecord| Event {
            at: r.at,
            notice_at: r.notice_at,
            entry: r.entry,
            other: r.other,
            reason: r.reason.clone(),
            text: r.text.clone(),
        };
        let of_kind = |what: &[Change]| -> Vec<Event> {
            s.log
                .iter()
                .filter(|r| !r.undone && what.contains(&r.what))
                .map(event)
                .collect()
        };

        // The last record that closed each withdrawn entry: its withdrawal, or its drop when
        // absent. One pass over the log, so a long log costs what it holds.
        let mut closed: std::collections::HashMap<u64, &crate::domain::LogRecord> =
            std::collections::HashMap::new();
        for r in s.log.iter().filter(|r| !r.undone) {
            if let (Some(id), Change::Withdrawn | Change::Absent) = (r.entry, r.what) {
                closed.insert(id, r);
            }
        }
        let withdrawn = order
            .iter()
            .filter(|e| e.status == Status::Withdrawn)
            .map(|e| {
                let rec = closed.get(&e.id);
                Withdrawal {
                    id: e.id,
                    title: e.title(),
                    speaker: e.speaker.clone(),
                    at: rec.map(|r| r.at),
                    notice_at: rec.and_then(|r| r.notice_at),
                    how: match rec.map(|r| r.what) {
                        Some(Change::Absent) => "dropped when absent".to_string(),
                        _ => "withdrawn".to_string(),
                    },
                }
            })
            .collect();

        let mut overrides: Vec<Event> = s
            .log
            .iter()
            .filter(|r| !r.undone && r.reason.as_deref().is_some_and(|t| !t.trim().is_empty()))
            .map(event)
            .collect();
        // An entry accepted late whose log record is missing (a hand-edited file) still shows.
        for e in &s.entries {
            if let Some(reason) = &e.late_reason
                && !overrides.iter().any(|o| o.entry == Some(e.id))
            {
                overrides.push(Event {
                    at: e.requested_at,
                    notice_at: Some(e.requested_at),
                    entry: Some(e.id),
                    other: None,
                    reason: Some(reason.clone()),
                    text: format!("{} accepted outside the window", e.title()),
                });
            }
        }

        let (extra_granted, time_taken) = time_changes(s);
        let (points_of_order, pauses) = standstills(s, now);
        let slots = slot_summaries(s, &heard);
        let mut report = Report {
            title: s.title.clone(),
            at: now,
            heard,
            current,
            waiting: s.count(Status::Waiting),
            total_seconds,
            total_limit_seconds,
            average_seconds,
            overruns,
            overtime_seconds,
            by_group,
            withdrawn,
            overrides,
            swaps: of_kind(&[Change::Swapped]),
            replacements: of_kind(&[Change::Replaced]),
            extra_granted_seconds: extra_granted.iter().map(|c| c.seconds).sum(),
            extra_granted,
            time_taken_seconds: time_taken.iter().map(|c| c.seconds).sum(),
            time_taken,
            absences: absences(s),
            points_of_order,
            pauses,
            slots,
            undone: undos(s),
        };
        report.localize(s);
        report
    }

    /// Every time of the report in the list's time zone (SPEC section 10), once, here.
    fn localize(&mut self, s: &Session) {
        let l = |t: &mut Time| *t = crate::records::local(s, *t);
        let lo = |t: &mut Option<Time>| {
            if let Some(t) = t {
                *t = crate::records::local(s, *t);
            }
        };
        l(&mut self.at);
        for h in self
            .heard
            .iter_mut()
            .chain(self.current.iter_mut())
            .chain(self.overruns.iter_mut())
        {
            lo(&mut h.started_at);
        }
        for w in &mut self.withdrawn {
            lo(&mut w.at);
            lo(&mut w.notice_at);
        }
        for e in self
            .overrides
            .iter_mut()
            .chain(self.swaps.iter_mut())
            .chain(self.replacements.iter_mut())
        {
            l(&mut e.at);
            lo(&mut e.notice_at);
        }
        for c in self
            .extra_granted
            .iter_mut()
            .chain(self.time_taken.iter_mut())
        {
            l(&mut c.at);
        }
        for a in &mut self.absences {
            l(&mut a.at);
        }
        for st in self
            .points_of_order
            .iter_mut()
            .chain(self.pauses.iter_mut())
        {
            l(&mut st.at);
            lo(&mut st.until);
        }
        for u in &mut self.undone {
            l(&mut u.at);
        }
    }

    /// "14 speakers heard in 41:10 (limits 42:00), on average 2:56; 3 overruns, 1:25 in all."
    pub fn summary(&self) -> String {
        if self.heard.is_empty() {
            return "Nobody has been heard yet.".to_string();
        }
        format!(
            "{} speaker{} heard in {} (limits {}), on average {}; {}",
            self.heard.len(),
            if self.heard.len() == 1 { "" } else { "s" },
            fmt_seconds(self.total_seconds),
            fmt_seconds(self.total_limit_seconds),
            fmt_seconds(self.average_seconds.unwrap_or(0)),
            match self.overruns.len() {
                0 => "no overrun.".to_string(),
                1 => format!("1 overrun, {}.", fmt_seconds(self.overtime_seconds)),
                n => format!(
                    "{n} overruns, {} in all.",
                    fmt_seconds(self.overtime_seconds)
                ),
            }
        )
    }

    /// "At the podium: #7 Kenya (Jane Doe), 1:10 of 3:00 so far."
    pub fn current_line(&self) -> Option<String> {
        self.current.as_ref().map(|c| {
            format!(
                "At the podium: #{} {} ({}), {} of {} so far.",
                c.id,
                c.title,
                c.speaker,
                fmt_seconds(c.used_seconds),
                fmt_seconds(c.limit_seconds)
            )
        })
    }
}

/// The report's sections that are lists of lines, in the words the text, the screen and the
/// page share: (heading, lines, shown when empty). Lines carry no indent.
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Report {
    /// "17 October 10:00-13:00: 6 speakers heard in 17:30 (limits 20:00); 2 overruns, 0:50."
    pub fn slot_line(sl: &SlotSummary) -> String {
        if sl.heard == 0 {
            return format!("{}: nobody heard", sl.heading);
        }
        format!(
            "{}: {} heard in {} (limits {}); {}",
            sl.heading,
            plural(sl.heard, "speaker", "speakers"),
            fmt_seconds(sl.seconds),
            fmt_seconds(sl.limit_seconds),
            match sl.overruns {
                0 => "no overrun".to_string(),
                n => format!(
                    "{}, {} over",
                    plural(n, "overrun", "overruns"),
                    fmt_seconds(sl.overtime_seconds)
                ),
            }
        )
    }

    /// "2022-10-17 10:05 +02:00: #3 Peru (Ana), absent when called; the setting drop: dropped
    /// from the list".
    pub fn absence_line(a: &Absence) -> String {
        format!(
            "{}: {}{}{}, absent when called; the setting {}: {}",
            fmt_time(a.at),
            a.entry.map(|id| format!("#{id} ")).unwrap_or_default(),
            a.title,
            if a.speaker.is_empty() {
                String::new()
            } else {
                format!(" ({})", a.speaker)
            },
            a.policy,
            a.outcome
        )
    }

    /// "2022-10-17 10:05 +02:00: during Ghana, the floor stood still 0:45 (to 10:05:45)".
    pub fn standstill_line(st: &Standstill) -> String {
        format!(
            "{}: during {}, the floor stood still {}{}",
            fmt_time(st.at),
            st.title,
            fmt_seconds(st.seconds),
            match st.until {
                Some(u) => format!(" (to {})", u.format("%H:%M:%S")),
                None => " so far (the clock is still stopped)".to_string(),
            }
        )
    }

    /// "2022-10-17 10:06 +02:00: undone \"30 seconds more\", which was: extra time for ...".
    pub fn undo_line(u: &Undo) -> String {
        if u.change.is_empty() {
            format!(
                "{}: {} \"{}\" (the file does not say which change)",
                fmt_time(u.at),
                u.verb,
                u.label
            )
        } else {
            format!(
                "{}: {} \"{}\", which was: {}",
                fmt_time(u.at),
                u.verb,
                u.label,
                u.change
            )
        }
    }

    fn total_line(what: &str, changes: &[TimeChange], total: i64) -> String {
        if changes.is_empty() {
            format!("{what}: none")
        } else {
            format!(
                "{what}: {} in all ({})",
                fmt_seconds(total),
                plural(changes.len(), "time", "times")
            )
        }
    }

    /// "Extra time granted: 0:30 in all (1 time)".
    pub fn granted_line(&self) -> String {
        Self::total_line(
            "Extra time granted",
            &self.extra_granted,
            self.extra_granted_seconds,
        )
    }

    /// "Time taken away: 0:30 in all (1 time)".
    pub fn taken_line(&self) -> String {
        Self::total_line("Time taken away", &self.time_taken, self.time_taken_seconds)
    }

    /// "1 point of order; the floor stood still 0:45 in all."
    fn standstill_total(list: &[Standstill], one: &str, many: &str) -> String {
        format!(
            "{}; the floor stood still {} in all",
            plural(list.len(), one, many),
            fmt_seconds(list.iter().map(|p| p.seconds).sum())
        )
    }

    /// The sections of the floor and the meeting (after the time by group): meeting slots,
    /// absences, points of order, pauses.
    pub fn floor_sections(&self) -> Vec<Section> {
        let mut out = Vec::new();
        if !self.slots.is_empty() {
            out.push(Section {
                heading: "Meeting slots".to_string(),
                lines: self.slots.iter().map(Report::slot_line).collect(),
            });
        }
        out.push(Section {
            heading: "Absences".to_string(),
            lines: self.absences.iter().map(Report::absence_line).collect(),
        });
        let mut points: Vec<String> = self
            .points_of_order
            .iter()
            .map(Report::standstill_line)
            .collect();
        if !points.is_empty() {
            points.push(Self::standstill_total(
                &self.points_of_order,
                "point of order",
                "points of order",
            ));
        }
        out.push(Section {
            heading: "Points of order".to_string(),
            lines: points,
        });
        let mut pauses: Vec<String> = self.pauses.iter().map(Report::standstill_line).collect();
        if !pauses.is_empty() {
            pauses.push(Self::standstill_total(&self.pauses, "pause", "pauses"));
        }
        out.push(Section {
            heading: "Pauses".to_string(),
            lines: pauses,
        });
        out
    }

    /// The President's changes of the speakers' time: granted and taken away, apart.
    pub fn time_sections(&self) -> Vec<Section> {
        let lines = |l: &[TimeChange]| {
            l.iter()
                .map(|c| format!("{}: {}", fmt_time(c.at), c.text))
                .collect()
        };
        vec![
            Section {
                heading: self.granted_line(),
                lines: lines(&self.extra_granted),
            },
            Section {
                heading: self.taken_line(),
                lines: lines(&self.time_taken),
            },
        ]
    }

    /// Undo and redo, each named by the change it undid; `None` when there was none.
    pub fn undo_section(&self) -> Option<Section> {
        (!self.undone.is_empty()).then(|| Section {
            heading: "Undone and redone".to_string(),
            lines: self.undone.iter().map(Report::undo_line).collect(),
        })
    }
}

pub(crate) fn time_and_notice(at: Option<Time>, notice: Option<Time>) -> String {
    match (at, notice) {
        (Some(a), Some(n)) if n != a => format!("{} (notice {})", fmt_time(a), fmt_time(n)),
        (Some(a), _) => fmt_time(a),
        (None, Some(n)) => format!("notice {}", fmt_time(n)),
        (None, None) => "time not recorded".to_string(),
    }
}

pub(crate) fn over_words(over: i64) -> String {
    if over > 0 {
        format!("+{}", fmt_seconds(over))
    } else {
        String::new()
    }
}

/// Breaks `text` into lines of at most `width` characters at spaces: the first line starts
/// with `first` spaces, the others with `rest`. A word longer than a line is cut.
pub(crate) fn wrap(text: &str, width: usize, first: usize, rest: usize) -> Vec<String> {
    let width = width.max(first.max(rest) + 8);
    let mut out = Vec::new();
    let mut line = " ".repeat(first);
    let mut len = first;
    // True while nothing but the indent is on the line.
    let mut empty = true;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        if !empty && len + 1 + chars.len() > width {
            out.push(std::mem::replace(&mut line, " ".repeat(rest)));
            len = rest;
            empty = true;
        }
        while len + usize::from(!empty) + chars.len() > width {
            // Only a word longer than a whole line gets here: cut it.
            let take = width - len - usize::from(!empty);
            if !empty {
                line.push(' ');
            }
            line.extend(chars.drain(..take));
            out.push(std::mem::replace(&mut line, " ".repeat(rest)));
            len = rest;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        len += chars.len();
        line.extend(chars);
        empty = false;
    }
    if !empty || out.is_empty() {
        out.push(line);
    }
    out
}

/// The plain text of `podium report`.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Report: {}, as at {}", self.title, fmt_time(self.at))?;
        writeln!(f)?;
        writeln!(f, "{}", self.summary())?;
        if let Some(c) = self.current_line() {
            writeln!(f, "{c}")?;
        }
        writeln!(f, "{} waiting.", self.waiting)?;

        writeln!(f, "\nTime used against the limit")?;
        if self.heard.is_empty() {
            writeln!(f, "  nobody heard yet")?;
        } else {
            writeln!(
                f,
                "  {:>4} {:>5}  {:<34} {:<24} {:>7} {:>7} {:>7}",
                "#", "id", "delegation", "speaker", "used", "limit", "over"
            )?;
            for (i, h) in self.heard.iter().enumerate() {
                let row = format!(
                    "  {:>4} {:>5}  {:<34} {:<24} {:>7} {:>7} {:>7}",
                    i + 1,
                    h.id,
                    clip(&h.title, 34),
                    clip(&h.speaker, 24),
                    fmt_seconds(h.used_seconds),
                    fmt_seconds(h.limit_seconds),
                    over_words(h.over_seconds)
                );
                writeln!(f, "{}", row.trim_end())?;
            }
        }

        writeln!(f, "\nOverruns")?;
        if self.overruns.is_empty() {
            writeln!(f, "  none")?;
        }
        for o in &self.overruns {
            writeln!(
                f,
                "  #{} {} ({}): {} over, {} of {}",
                o.id,
                o.title,
                o.speaker,
                fmt_seconds(o.over_seconds),
                fmt_seconds(o.used_seconds),
                fmt_seconds(o.limit_seconds)
            )?;
        }

        writeln!(f, "\nTime by regional group")?;
        for g in &self.by_group {
            writeln!(
                f,
                "  {:<36} {:>3} speaker{} {:>8}",
                g.group,
                g.speakers,
                if g.speakers == 1 { " " } else { "s" },
                fmt_seconds(g.seconds)
            )?;
        }

        for sec in self.floor_sections() {
            writeln!(f, "\n{}", sec.heading)?;
            if sec.lines.is_empty() {
                writeln!(f, "  none")?;
            }
            for l in &sec.lines {
                writeln!(f, "  {l}")?;
            }
        }

        writeln!(f, "\nWithdrawn")?;
        if self.withdrawn.is_empty() {
            writeln!(f, "  none")?;
        }
        for w in &self.withdrawn {
            writeln!(
                f,
                "  #{} {} ({}): {} {}",
                w.id,
                w.title,
                w.speaker,
                w.how,
                time_and_notice(w.at, w.notice_at)
            )?;
        }

        let events = |f: &mut fmt::Formatter<'_>, heading: &str, list: &[Event]| -> fmt::Result {
            writeln!(f, "\n{heading}")?;
            if list.is_empty() {
                writeln!(f, "  none")?;
            }
            for e in list {
                write!(f, "  {}: {}", fmt_time(e.at), e.text)?;
                if let Some(r) = &e.reason {
                    write!(f, "; reason: {r}")?;
                }
                writeln!(f)?;
            }
            Ok(())
        };
        events(f, "Changed by override (and why)", &self.overrides)?;
        events(f, "Swaps", &self.swaps)?;
        events(f, "Replacements", &self.replacements)?;
        for sec in self.time_sections().into_iter().chain(self.undo_section()) {
            writeln!(f, "\n{}", sec.heading)?;
            for l in &sec.lines {
                writeln!(f, "  {l}")?;
            }
        }
        Ok(())
    }
}

/// A session and its times for the report's tests and the screen's view of it.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::{AbsentPolicy, Inscription, Setting, Settings, parse_time};

    pub(crate) fn t(s: &str) -> Time {
        parse_time(&format!("2022-10-17T{s}+02:00")).unwrap()
    }

    /// Ghana speaks 3:20 (limit 3:00), France speaks for the African group with 30 s extra
    /// time, Peru is dropped when absent; read at 10:20.
    pub(crate) fn session() -> Session {
        let mut s = Session::new("Test", Settings::default(), t("09:00:00"));
        s.add(
            Inscription::new("Ghana", "Ama Mensah", Level::Minister),
            t("09:01:00"),
        )
        .unwrap();
        let mut fr = Inscription::new("France", "Marie", Level::Delegate);
        fr.chair_of = Some(Group::African);
        s.add(fr, t("09:02:00")).unwrap();
        s.add(
            Inscription::new("Peru", "Ana", Level::Delegate),
            t("09:03:00"),
        )
        .unwrap();
        s.set(Setting::Absent(AbsentPolicy::Drop), t("09:04:00"))
            .unwrap();
        s.absent(3, t("09:05:00")).unwrap();
        s.next(t("10:00:00")).unwrap();
        s.next(t("10:03:20")).unwrap();
        s.extra_time(30, t("10:05:00")).unwrap();
        s.next(t("10:08:40")).unwrap();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{session, t};
    use super::*;
    use crate::domain::Inscription;

    #[test]
    fn wrap_breaks_at_spaces_indents_and_cuts_long_words() {
        assert_eq!(wrap("a b c", 20, 2, 4), ["  a b c"]);
        let lines = wrap("the quick brown fox jumps over the lazy dog", 16, 2, 4);
        assert_eq!(
            lines,
            [
                "  the quick",
                "    brown fox",
                "    jumps over",
                "    the lazy dog"
            ]
        );
        for l in wrap("x 0123456789abcdefghijklmnopqrstuvwxyz y", 12, 0, 2) {
            assert!(l.chars().count() <= 12, "{l}");
        }
        assert_eq!(wrap("", 10, 2, 4), ["  "]);
    }

    #[test]
    fn figures_groups_drops_and_extra_time() {
        let r = Report::compute(&session(), t("10:20:00"));
        assert_eq!(r.heard.len(), 2);
        assert_eq!(r.total_seconds, 200 + 320);
        assert_eq!(r.total_limit_seconds, 180 + 330);
        assert_eq!(r.average_seconds, Some(260));
        assert_eq!(r.overruns.len(), 1);
        assert_eq!(r.overruns[0].title, "Ghana");
        assert_eq!(r.overruns[0].over_seconds, 20);
        // France spoke for the African group: its time counts there, not for WEOG.
        assert_eq!(r.by_group[0].speakers, 2);
        assert_eq!(r.by_group[0].seconds, 520);
        assert_eq!(r.by_group[4].seconds, 0);
        assert_eq!(r.withdrawn.len(), 1);
        assert_eq!(r.withdrawn[0].how, "dropped when absent");
        assert_eq!(r.withdrawn[0].at, Some(t("09:05:00")));
        assert_eq!(r.extra_granted.len(), 1);
        assert_eq!(r.extra_granted_seconds, 30);
        assert!(r.time_taken.is_empty());
        assert_eq!(r.absences.len(), 1);
        assert_eq!(r.absences[0].policy, "drop");
        assert_eq!(r.absences[0].outcome, "dropped from the list");
        assert!(r.current.is_none());
        assert!(r.to_string().contains("1 overrun, 0:20."));
    }

    #[test]
    fn a_point_of_order_not_over_stands_until_now() {
        let mut s = session();
        s.add(
            Inscription::new("Chile", "Juan", Level::Delegate),
            t("10:09:00"),
        )
        .unwrap();
        s.next(t("10:10:00")).unwrap();
        s.point_of_order(t("10:11:00")).unwrap();
        let r = Report::compute(&s, t("10:12:30"));
        assert_eq!(r.points_of_order.len(), 1);
        assert_eq!(r.points_of_order[0].seconds, 90);
        assert_eq!(r.points_of_order[0].until, None);
        assert!(Report::standstill_line(&r.points_of_order[0]).contains("so far"));
        // The clock runs again: the point of order lasted 2:00.
        s.toggle_pause(t("10:13:00")).unwrap();
        let r = Report::compute(&s, t("10:14:00"));
        assert_eq!(r.points_of_order[0].seconds, 120);
        assert!(r.pauses.is_empty());
    }
}
