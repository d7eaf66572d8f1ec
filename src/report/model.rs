//! What the report holds, and how it is computed purely from a session and a time.

use crate::delegations;
use crate::domain::{Change, Entry, Group, Level, Session, Status, Time, fmt_seconds};

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
                crate::records::when::slot_words(s, sl),
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
        let l = |t: &mut Time| *t = crate::records::when::local(s, *t);
        let lo = |t: &mut Option<Time>| {
            if let Some(t) = t {
                *t = crate::records::when::local(s, *t);
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
