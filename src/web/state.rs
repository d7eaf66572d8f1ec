//! What the room's screens show, and its JSON (SPEC section 11, `/state.json`).
//!
//! The desk publishes a `Board` (the list's presenter state as of its last change, and its
//! clock); the server turns it into the JSON at the moment a page asks, on the desk's own clock,
//! so a board published once keeps counting down on every page without the desk doing anything.

use crate::clock::Clock;
use crate::domain::plan::Plan;
use crate::domain::{Entry, Group, Level, Mode, Session, Speech, Time, WindowState};
use chrono::SecondsFormat;
use serde::Serialize;

/// The entry at the podium, as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtPodium {
    pub id: u64,
    pub delegation: String,
    pub speaker: String,
    pub level: Level,
    pub mode: Mode,
    pub chair_of: Option<Group>,
    pub limit_seconds: i64,
}

/// One of the next speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub id: u64,
    pub delegation: String,
    pub speaker: String,
    pub mode: Mode,
}

/// The presenter state of one list, as of its last change, with the clock it runs on.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    pub title: String,
    pub kind: String,
    pub opens: Option<Time>,
    pub closes: Option<Time>,
    pub current: Option<AtPodium>,
    pub speech: Option<Speech>,
    pub message: Option<String>,
    pub next: Vec<Upcoming>,
    pub plan_end: Option<Time>,
    /// The countdown turns amber this many seconds before the limit (the list's setting).
    pub warning_seconds: i64,
    /// The list's time zone: every time in the JSON is written with its offset.
    pub zone: chrono_tz::Tz,
    /// The desk's clock: real, or the rehearsal's simulated one.
    pub clock: Clock,
}

/// At most this many next speakers (SPEC section 11).
pub const NEXT: usize = 3;

impl Board {
    /// The board of `session`: `next` the queue in speaking order (only the first three are
    /// read), `plan_end` when the list is expected to end.
    pub fn new(session: &Session, next: &[&Entry], plan_end: Option<Time>, clock: Clock) -> Board {
        let current = session.current().map(|e| AtPodium {
            id: e.id,
            delegation: clean(&e.delegation),
            speaker: clean(&e.speaker),
            level: e.level,
            mode: e.mode,
            chair_of: e.chair_of,
            limit_seconds: e.limit_seconds,
        });
        Board {
            title: clean(&session.title),
            kind: session.kind.word().to_string(),
            opens: session.settings.opens,
            closes: session.settings.closes,
            speech: current.as_ref().and(session.speech.clone()),
            current,
            message: session
                .message
                .as_deref()
                .filter(|m| !m.is_empty())
                .map(clean),
            next: next
                .iter()
                .take(NEXT)
                .map(|e| Upcoming {
                    id: e.id,
                    delegation: clean(&e.delegation),
                    speaker: clean(&e.speaker),
                    mode: e.mode,
                })
                .collect(),
            plan_end,
            warning_seconds: session.settings.warning_seconds,
            zone: session.zone(),
            clock,
        }
    }

    /// The board of a session read from its file (the display): its queue and plan computed
    /// here, at `clock`'s now.
    pub fn of_file(session: &Session, clock: Clock) -> Board {
        let queue = session.queue();
        let plan = Plan::compute(session, &queue, clock.now());
        Board::new(session, &queue, plan.expected_end, clock)
    }

    /// Milliseconds spoken at `now`, when a speaker is at the podium.
    pub fn elapsed_ms(&self, now: Time) -> Option<i64> {
        self.speech.as_ref().map(|s| s.elapsed_ms(now))
    }

    /// The JSON of `/state.json` at `now`.
    pub fn json(&self, now: Time) -> String {
        let current = match (&self.current, &self.speech) {
            (Some(e), Some(s)) => {
                let elapsed = s.elapsed_seconds(now);
                Some(CurrentJson {
                    id: e.id,
                    delegation: &e.delegation,
                    speaker: &e.speaker,
                    level: e.level.word(),
                    mode: e.mode.word(),
                    chair_of: e.chair_of.map(Group::word),
                    limit_seconds: e.limit_seconds,
                    elapsed_seconds: elapsed,
                    remaining_seconds: e.limit_seconds.saturating_sub(elapsed),
                    running: s.running,
                    point_of_order: s.point_of_order,
                })
            }
            _ => None,
        };
        let state = StateJson {
            title: &self.title,
            kind: &self.kind,
            window: WindowState::at(self.opens, self.closes, now).word(),
            now: self.rfc3339(now),
            current,
            message: self.message.as_deref(),
            next: self
                .next
                .iter()
                .map(|e| NextJson {
                    id: e.id,
                    delegation: &e.delegation,
                    speaker: &e.speaker,
                    mode: e.mode.word(),
                })
                .collect(),
            plan_end: self.plan_end.map(|t| self.rfc3339(t)),
        };
        serde_json::to_string(&state).unwrap_or_else(|_| "{}".to_string())
    }

    /// The JSON of the `clock` event that goes with each `state` event: what a page needs to
    /// count down between events exactly as the desk does (the milliseconds already spoken, not
    /// only the whole seconds; the rehearsal's speed; the list's amber threshold).
    pub fn clock_json(&self, now: Time) -> String {
        serde_json::json!({
            "elapsed_ms": self.elapsed_ms(now),
            "speed": self.clock.speed(),
            "warning_seconds": self.warning_seconds,
        })
        .to_string()
    }
}

impl Board {
    /// RFC 3339 with the offset of the list's zone (SPEC section 10).
    fn rfc3339(&self, t: Time) -> String {
        t.with_timezone(&self.zone)
            .fixed_offset()
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    }
}

/// A text from the file as the pages may show it: control characters and bidirectional
/// overrides (which a file edited by hand may carry) become U+FFFD (SPEC section 5).
pub fn clean(text: &str) -> String {
    crate::domain::text::clean(text).into_owned()
}

#[derive(Serialize)]
struct StateJson<'a> {
    title: &'a str,
    kind: &'a str,
    window: &'static str,
    now: String,
    current: Option<CurrentJson<'a>>,
    message: Option<&'a str>,
    next: Vec<NextJson<'a>>,
    plan_end: Option<String>,
}

#[derive(Serialize)]
struct CurrentJson<'a> {
    id: u64,
    delegation: &'a str,
    speaker: &'a str,
    level: &'static str,
    mode: &'static str,
    chair_of: Option<&'static str>,
    limit_seconds: i64,
    elapsed_seconds: i64,
    remaining_seconds: i64,
    running: bool,
    point_of_order: bool,
}

#[derive(Serialize)]
struct NextJson<'a> {
    id: u64,
    delegation: &'a str,
    speaker: &'a str,
    mode: &'static str,
}
