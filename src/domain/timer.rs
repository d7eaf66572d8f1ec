//! The countdown of the current speech: time already spent (banked at the last checkpoint) plus
//! the time since that checkpoint while it runs. Nothing here reads a clock: `now` is passed in,
//! and the screen passes a time derived from a monotonic clock, so the countdown never drifts and
//! a jump of the wall clock does not move it.

use super::time::Time;
use serde::{Deserialize, Serialize};

/// The speech at the podium. The file holds it as it was at the last checkpoint (every save), so
/// a podium started again after a crash resumes the countdown as if it had never stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speech {
    /// The entry at the podium.
    pub entry: u64,
    /// When the speaker was called.
    pub started_at: Time,
    /// Milliseconds spoken up to `checkpoint_at`.
    pub spent_ms: i64,
    /// The wall-clock time of the checkpoint.
    pub checkpoint_at: Time,
    /// False while paused.
    pub running: bool,
    /// True while paused by a point of order (shown as such).
    #[serde(default)]
    pub point_of_order: bool,
}

impl Speech {
    pub fn start(entry: u64, now: Time) -> Speech {
        Speech {
            entry,
            started_at: now,
            spent_ms: 0,
            checkpoint_at: now,
            running: true,
            point_of_order: false,
        }
    }

    /// A speaker called with start-on-call off (SPEC section 9): at the podium, the clock at
    /// 0:00 and not running until it is started.
    pub fn call(entry: u64, now: Time) -> Speech {
        Speech {
            running: false,
            ..Speech::start(entry, now)
        }
    }

    /// Called, and the clock not yet started: nothing spoken, not paused by a point of order.
    pub fn not_started(&self) -> bool {
        !self.running && self.spent_ms == 0 && !self.point_of_order
    }

    /// Milliseconds spoken at `now`. A clock that went backwards counts as no time passing.
    pub fn elapsed_ms(&self, now: Time) -> i64 {
        if self.running {
            let since = (now - self.checkpoint_at).num_milliseconds().max(0);
            self.spent_ms.saturating_add(since)
        } else {
            self.spent_ms
        }
    }

    /// Whole seconds spoken (elapsed rounded down, SPEC section 3).
    pub fn elapsed_seconds(&self, now: Time) -> i64 {
        self.elapsed_ms(now).div_euclid(1000)
    }

    /// Banks the time spent so far; the file then holds an exact checkpoint. While running, the
    /// checkpoint moves by exactly the whole milliseconds banked, so the fraction of a
    /// millisecond not banked is not lost: a speech saved every second for three hours counts
    /// the same time as one never saved.
    pub fn checkpoint(&mut self, now: Time) {
        let since = (now - self.checkpoint_at).num_milliseconds();
        if self.running && now >= self.checkpoint_at {
            self.spent_ms = self.spent_ms.saturating_add(since);
            self.checkpoint_at += chrono::Duration::milliseconds(since);
        } else {
            // Paused, or the clock went backwards (no time counts): start again from now.
            self.checkpoint_at = now;
        }
    }

    pub fn pause(&mut self, now: Time, point_of_order: bool) {
        self.checkpoint(now);
        self.running = false;
        self.point_of_order = point_of_order;
    }

    pub fn resume(&mut self, now: Time) {
        self.checkpoint_at = now;
        self.running = true;
        self.point_of_order = false;
    }
}

/// A rehearsal's simulated clock, recorded in the rehearsal's file (SPEC section 11), so that a
/// `display` or a page following that file counts down on the rehearsal's time, not on the real
/// one: at the real time `real` the simulated clock read `simulated`, and it runs `speed` times
/// real time from there. Rewritten whenever the speed changes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct SimulatedClock {
    pub real: Time,
    pub simulated: Time,
    pub speed: f64,
}

impl SimulatedClock {
    /// What the simulated clock reads at the real time `real_now`.
    pub fn at(&self, real_now: Time) -> Time {
        let real_ms = (real_now - self.real).num_milliseconds() as f64;
        let micros = (real_ms * 1000.0 * self.speed) as i64;
        self.simulated + chrono::Duration::microseconds(micros)
    }
}

// A session is compared whole (Eq): the speed compares by its bits.
impl PartialEq for SimulatedClock {
    fn eq(&self, other: &Self) -> bool {
        self.real == other.real
            && self.simulated == other.simulated
            && self.speed.to_bits() == other.speed.to_bits()
    }
}

impl Eq for SimulatedClock {}

/// Seconds left against a limit: negative in overtime. Computed from milliseconds so that the
/// displayed second changes exactly when a whole second has passed.
pub fn remaining_seconds(limit_seconds: i64, elapsed_ms: i64) -> i64 {
    limit_seconds.saturating_sub(elapsed_ms.div_euclid(1000))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration};

    fn t0() -> Time {
        DateTime::parse_from_rfc3339("2022-10-17T10:00:00+02:00").unwrap()
    }

    #[test]
    fn point_of_order_pauses_and_resume_continues_where_it_stopped() {
        let mut s = Speech::start(1, t0());
        s.pause(t0() + Duration::seconds(40), true);
        assert!(s.point_of_order);
        assert_eq!(s.elapsed_seconds(t0() + Duration::seconds(400)), 40);
        s.resume(t0() + Duration::seconds(400));
        assert!(!s.point_of_order);
        assert_eq!(s.elapsed_seconds(t0() + Duration::seconds(410)), 50);
    }

    #[test]
    fn a_clock_going_backwards_does_not_reduce_the_time_spoken() {
        let mut s = Speech::start(1, t0());
        s.checkpoint(t0() + Duration::seconds(37));
        assert_eq!(s.elapsed_seconds(t0() - Duration::hours(1)), 37);
    }

    #[test]
    fn a_simulated_clock_at_speed_60_reads_a_minute_ahead_per_real_second() {
        let c = SimulatedClock {
            real: t0() + Duration::days(1000),
            simulated: t0(),
            speed: 60.0,
        };
        let real_now = c.real + Duration::seconds(3);
        assert_eq!(c.at(real_now), t0() + Duration::minutes(3));
    }

    #[test]
    fn remaining_goes_negative_in_overtime() {
        assert_eq!(remaining_seconds(180, 179_999), 1);
        assert_eq!(remaining_seconds(180, 180_000), 0);
        assert_eq!(remaining_seconds(180, 185_500), -5);
    }
}
