//! The clocks of the screen. Both derive the time from a monotonic `Instant` anchored once, so
//! the countdown never drifts and a jump of the wall clock does not move it; the rehearsal clock
//! runs N times real time from a chosen start.

use crate::domain::{SimulatedClock, Time};
use chrono::Duration;
use std::time::Instant;

/// A clock: the wall time at an anchor, plus the monotonic time since, times a speed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    wall: Time,
    anchor: Instant,
    speed: f64,
}

impl Clock {
    /// The real clock: now, at real speed.
    pub fn real() -> Clock {
        Clock::starting_at(chrono::Local::now().fixed_offset(), 1.0)
    }

    /// A simulated clock that reads `start` now and runs `speed` times real time.
    pub fn starting_at(start: Time, speed: f64) -> Clock {
        Clock {
            wall: start,
            anchor: Instant::now(),
            speed: sanitize(speed),
        }
    }

    pub fn now(&self) -> Time {
        self.at(self.anchor.elapsed())
    }

    /// The time this clock reads `real` after its anchor: the pure part, for tests.
    pub fn at(&self, real: std::time::Duration) -> Time {
        let micros = (real.as_secs_f64() * self.speed * 1e6) as i64;
        self.wall + Duration::microseconds(micros)
    }

    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Changes the speed from now on, without a jump.
    pub fn set_speed(&mut self, speed: f64) {
        self.wall = self.now();
        self.anchor = Instant::now();
        self.speed = sanitize(speed);
    }

    /// This clock as a rehearsal's file records it: what it reads now, against the real time.
    pub fn record(&self) -> SimulatedClock {
        SimulatedClock {
            real: chrono::Local::now().fixed_offset(),
            simulated: self.now(),
            speed: self.speed,
        }
    }

    /// The clock of a file: the rehearsal's simulated clock it records, else the real one.
    pub fn of_file(recorded: Option<&SimulatedClock>) -> Clock {
        match recorded {
            Some(r) => Clock::starting_at(r.at(chrono::Local::now().fixed_offset()), r.speed),
            None => Clock::real(),
        }
    }

    /// How long in real time until this clock has advanced by `simulated`.
    pub fn real_time_for(&self, simulated: std::time::Duration) -> std::time::Duration {
        simulated.div_f64(self.speed)
    }
}

/// Speeds from 1/16 to 3600 times real time; anything else (0, negative, NaN) is taken as 1.
fn sanitize(speed: f64) -> f64 {
    if speed.is_finite() && speed > 0.0 {
        speed.clamp(1.0 / 16.0, 3600.0)
    } else {
        1.0
    }
}

/// The time now for a command: the wall clock, or `PODIUM_NOW` (RFC 3339) so that tests and
/// rehearsals of a past meeting can pin it. The one place that reads `PODIUM_NOW`.
pub fn now() -> Time {
    std::env::var("PODIUM_NOW")
        .ok()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t.trim()).ok())
        .unwrap_or_else(|| chrono::Local::now().fixed_offset())
}

/// The machine's time zone as an IANA name (SPEC section 10): `TZ` if it names one, else the
/// system's, else `UTC`.
pub fn machine_zone() -> String {
    let known = |name: &str| crate::domain::zone::parse_zone(name).map(|z| z.name().to_string());
    std::env::var("TZ")
        .ok()
        .and_then(|tz| known(tz.trim_start_matches(':')))
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|tz| known(&tz))
        })
        .unwrap_or_else(|| "UTC".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse_time;
    use std::time::Duration as Real;

    #[test]
    fn at_speed_60_three_real_seconds_are_three_minutes() {
        let start = parse_time("2022-10-17T10:00:00+02:00").unwrap();
        let c = Clock::starting_at(start, 60.0);
        assert_eq!(c.at(Real::from_secs(3)), start + Duration::minutes(3));
        assert_eq!(c.real_time_for(Real::from_secs(180)), Real::from_secs(3));
    }

    #[test]
    fn a_recorded_rehearsal_clock_is_read_back_at_its_speed_and_time() {
        let start = parse_time("2022-10-17T10:00:00+02:00").unwrap();
        let c = Clock::starting_at(start, 60.0);
        let back = Clock::of_file(Some(&c.record()));
        assert_eq!(back.speed(), 60.0);
        let gap = (back.now() - c.now()).num_seconds().abs();
        assert!(gap <= 1, "the same simulated time, {gap} s apart");
        assert_eq!(Clock::of_file(None).speed(), 1.0);
    }

    #[test]
    fn nonsense_speeds_fall_back_to_real_time() {
        let start = parse_time("2022-10-17T10:00:00+02:00").unwrap();
        assert_eq!(Clock::starting_at(start, 0.0).speed(), 1.0);
        assert_eq!(Clock::starting_at(start, f64::NAN).speed(), 1.0);
        assert_eq!(Clock::starting_at(start, 1e9).speed(), 3600.0);
    }
}
