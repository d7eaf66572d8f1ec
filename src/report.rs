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

pub mod html;
pub mod model;
pub mod text;

pub use model::*;
pub use text::*;

use crate::domain::{Session, Time};

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
        ReportFormat::Html => html::page(&report, &crate::records::when::zone_words(s)),
    }
}

/// A session and its times for the report's tests and the screen's view of it.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::{AbsentPolicy, Group, Inscription, Level, Setting, Settings, parse_time};

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
    use crate::domain::{Inscription, Level};

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
