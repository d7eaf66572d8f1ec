//! The settings of a list (SPEC section 2) and a change of one, with the slots' rule.

use super::refusal::RuleError;
use crate::domain::kind::ListKind;
use crate::domain::level::Group;
use crate::domain::time::{Time, fmt_time};
use crate::domain::words::words;
use serde::{Deserialize, Serialize};

/// What happens to a speaker who is not in the room when called (beyond the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum AbsentPolicy {
    /// Moved back behind the next speaker (the practice at the CND).
    #[default]
    BehindNext,
    EndOfTier,
    Drop,
}

words! {
    AbsentPolicy, "a way to treat an absent speaker";
    BehindNext => "behind-next",
    EndOfTier => "end-of-tier",
    Drop => "drop",
}

/// A meeting slot, e.g. 10:00-13:00 (annex, "Proposed organization of work").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub start: Time,
    pub end: Time,
}

/// The settings of one list (R1, R6, R7 and the "beyond the text" settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// R6: 3 minutes for every speaker.
    pub limit_seconds: i64,
    /// R6: 5 minutes for the Chair of a regional group speaking for the group.
    pub chair_limit_seconds: i64,
    /// Time between two speakers, counted in the projected start times.
    pub changeover_seconds: i64,
    /// R1: the window. `None` means no bound on that side.
    pub opens: Option<Time>,
    pub closes: Option<Time>,
    /// R7: the submission deadline for pre-recorded video statements.
    pub video_deadline: Option<Time>,
    pub slots: Vec<Slot>,
    /// Parties (state-party, reio) before all others.
    pub observers_last: bool,
    /// Orders the priority tier by the ladder (equal standing at the top).
    pub protocol_order: bool,
    pub absent: AbsentPolicy,
    /// R12: the limit of a second reply on a reply list.
    #[serde(default = "default_second_limit")]
    pub second_limit_seconds: i64,
    /// R11: requests to register a high-level speaker close then (opening lists).
    #[serde(default)]
    pub high_level_deadline: Option<Time>,
    /// SPEC section 9: `next` starts the clock (on), or only calls the speaker (off).
    #[serde(default = "default_true")]
    pub start_on_call: bool,
    /// SPEC section 9: the ready-made messages, keys 1-9.
    #[serde(default = "default_messages")]
    pub messages: Vec<String>,
    /// The countdown turns amber this many seconds before the limit.
    #[serde(default = "default_warning")]
    pub warning_seconds: i64,
}

fn default_second_limit() -> i64 {
    300
}

fn default_true() -> bool {
    true
}

fn default_warning() -> i64 {
    30
}

/// `30 seconds left|Please conclude|Time is up` (SPEC section 9).
pub fn default_messages() -> Vec<String> {
    ["30 seconds left", "Please conclude", "Time is up"]
        .map(String::from)
        .to_vec()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            limit_seconds: 180,
            chair_limit_seconds: 300,
            changeover_seconds: 30,
            opens: None,
            closes: None,
            video_deadline: None,
            slots: Vec::new(),
            observers_last: true,
            protocol_order: false,
            absent: AbsentPolicy::BehindNext,
            second_limit_seconds: default_second_limit(),
            high_level_deadline: None,
            start_on_call: true,
            messages: default_messages(),
            warning_seconds: default_warning(),
        }
    }
}

impl Settings {
    /// The limit an entry gets (R6): the chair's limit when speaking for a regional group.
    pub fn limit_for(&self, chair_of: Option<Group>) -> i64 {
        if chair_of.is_some() {
            self.chair_limit_seconds
        } else {
            self.limit_seconds
        }
    }

    /// The limit an entry gets on a list of `kind`: R6 (the chair's limit for a regional group's
    /// statement), or R12 on a reply list (the first reply `limit`, the second `second-limit`;
    /// chairs' limits do not apply there).
    pub fn limit_of(&self, kind: ListKind, chair_of: Option<Group>, reply: Option<u8>) -> i64 {
        match kind {
            ListKind::Reply if reply == Some(2) => self.second_limit_seconds,
            ListKind::Reply => self.limit_seconds,
            _ => self.limit_for(chair_of),
        }
    }

    /// The defaults of a new list of `kind` (SPEC section 8): the opening statements at five
    /// minutes for everyone, observers not set apart; the replies at ten and five minutes.
    pub fn for_kind(kind: ListKind) -> Settings {
        let mut s = Settings::default();
        match kind {
            ListKind::General => {}
            ListKind::Opening => {
                s.limit_seconds = 300;
                s.chair_limit_seconds = 300;
                s.observers_last = false;
            }
            ListKind::Reply => {
                s.limit_seconds = 600;
                s.second_limit_seconds = 300;
            }
        }
        s
    }

    /// A window must not open after it closes (`new`, `set` and `check` all hold to this).
    pub fn check_window(opens: Option<Time>, closes: Option<Time>) -> Result<(), RuleError> {
        match (opens, closes) {
            (Some(o), Some(c)) if o > c => Err(RuleError::WindowInverted {
                opens: fmt_time(o),
                closes: fmt_time(c),
            }),
            _ => Ok(()),
        }
    }
}

/// A setting and its new value, as `podium set` and the settings screen give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Limit(i64),
    ChairLimit(i64),
    Changeover(i64),
    Opens(Option<Time>),
    Closes(Option<Time>),
    VideoDeadline(Option<Time>),
    Slots(Vec<Slot>),
    ObserversLast(bool),
    ProtocolOrder(bool),
    Absent(AbsentPolicy),
    /// R12: the limit of a second reply.
    SecondLimit(i64),
    /// R11: requests for high-level speakers close then.
    HighLevelDeadline(Option<Time>),
    /// SPEC section 9.
    StartOnCall(bool),
    Messages(Vec<String>),
    /// Seconds before the limit when the countdown turns amber.
    Warning(i64),
    /// The list's title (SPEC section 3, `set title`).
    Title(String),
    /// The list's time zone, an IANA name (SPEC section 10); every time is then shown in it.
    TimeZone(String),
}

/// Sorts the slots and refuses empty or overlapping ones.
pub fn check_slots(mut slots: Vec<Slot>) -> Result<Vec<Slot>, RuleError> {
    slots.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
    for (i, s) in slots.iter().enumerate() {
        let overlaps = i > 0 && slots[i - 1].end > s.start;
        if s.end <= s.start || overlaps {
            return Err(RuleError::BadSlot(format!(
                "{}/{}",
                s.start.to_rfc3339(),
                s.end.to_rfc3339()
            )));
        }
    }
    Ok(slots)
}
