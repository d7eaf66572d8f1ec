//! `podium report` and the report model, on a meeting run by commands with a pinned clock
//! (see `support::cli::Env::meeting` for the timetable): totals, averages, overruns, time by
//! regional group, withdrawals, overrides, swaps and replacements.

mod support;

use podium::domain::parse_time;
use podium::report::Report;
use podium::store;
use support::cli::{Env, READ};

fn figures(r: &Report) -> Vec<(String, usize, i64)> {
    r.by_group
        .iter()
        .map(|g| (g.group.clone(), g.speakers, g.seconds))
        .collect()
}

#[test]
fn report_figures_of_a_meeting_run_by_commands() {
    let env = Env::new();
    let file = env.meeting();
    let s = store::load(&file).unwrap();
    let r = Report::compute(&s, parse_time(READ).unwrap());

    let heard: Vec<(&str, i64, i64, i64)> = r
        .heard
        .iter()
        .map(|h| {
            (
                h.title.as_str(),
                h.used_seconds,
                h.limit_seconds,
                h.over_seconds,
            )
        })
        .collect();
    assert_eq!(
        heard,
        [
            ("Ghana", 200, 180, 20),
            ("Egypt (for the African States)", 220, 300, 0),
            ("Kenya", 210, 180, 30),
            ("Japan", 90, 180, 0),
            ("Chile", 180, 180, 0),
            ("Holy See", 150, 180, 0),
        ]
    );
    assert_eq!(r.total_seconds, 1050);
    assert_eq!(r.total_limit_seconds, 1200);
    assert_eq!(r.average_seconds, Some(175));
    // The largest overrun first.
    let overruns: Vec<(&str, i64)> = r
        .overruns
        .iter()
        .map(|o| (o.title.as_str(), o.over_seconds))
        .collect();
    assert_eq!(overruns, [("Kenya", 30), ("Ghana", 20)]);
    assert_eq!(r.overtime_seconds, 50);
    // France is at the podium: shown apart, not counted in the figures.
    let current = r.current.as_ref().unwrap();
    assert_eq!(
        (current.title.as_str(), current.used_seconds),
        ("France", 30)
    );
    assert_eq!(r.waiting, 0);

    // Egypt speaks for the African group; the Holy See has no regional group.
    assert_eq!(
        figures(&r),
        [
            ("African States".to_string(), 3, 630),
            ("Asia-Pacific States".to_string(), 1, 90),
            ("Eastern European States".to_string(), 0, 0),
            ("Latin American and Caribbean States".to_string(), 1, 180),
            ("Western European and other States".to_string(), 0, 0),
            ("other".to_string(), 1, 150),
        ]
    );

    assert_eq!(r.withdrawn.len(), 1);
    let w = &r.withdrawn[0];
    assert_eq!(w.title, "Poland");
    assert_eq!(w.how, "withdrawn");
    assert_eq!(w.at, Some(parse_time("2022-10-16T09:30:00+02:00").unwrap()));
    assert_eq!(
        w.notice_at,
        Some(parse_time("2022-10-16T09:00:00+02:00").unwrap())
    );

    assert_eq!(r.overrides.len(), 1);
    assert_eq!(
        r.overrides[0].reason.as_deref(),
        Some("accepted by the President on 17 October")
    );
    assert!(r.overrides[0].text.contains("France"));

    assert_eq!(r.swaps.len(), 1);
    assert_eq!(
        r.swaps[0].notice_at,
        Some(parse_time("2022-10-10T12:00:00+02:00").unwrap())
    );
    assert_eq!((r.swaps[0].entry, r.swaps[0].other), (Some(5), Some(4)));
    assert_eq!(r.replacements.len(), 1);
    assert!(r.replacements[0].text.contains("Jane Doe"));
    assert!(r.replacements[0].text.contains("John Roe"));
}

#[test]
fn podium_report_prints_the_figures() {
    let env = Env::new();
    let file = env.meeting();
    let before = std::fs::read(&file).unwrap();
    let out = env.ok(READ, &["report", file.to_str().unwrap()]);
    assert!(
        out.starts_with("Report: General discussion, as at 2022-10-17 10:18 +02:00"),
        "{out}"
    );
    assert!(
        out.contains(
            "6 speakers heard in 17:30 (limits 20:00), on average 2:55; 2 overruns, 0:50 in all."
        ),
        "{out}"
    );
    assert!(
        out.contains("At the podium: #8 France (Marie Dupont), 0:30 of 3:00 so far."),
        "{out}"
    );
    assert!(
        out.contains("#3 Kenya (John Roe): 0:30 over, 3:30 of 3:00"),
        "{out}"
    );
    assert!(out.contains("#7 Poland (Jan Kowalski): withdrawn 2022-10-16 09:30 +02:00 (notice 2022-10-16 09:00 +02:00)"), "{out}");
    assert!(
        out.contains("reason: accepted by the President on 17 October"),
        "{out}"
    );
    let group = out
        .lines()
        .find(|l| l.starts_with("  African States"))
        .unwrap();
    assert!(
        group.contains("3 speakers") && group.contains("10:30"),
        "{group}"
    );
    // Read-only.
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn the_report_of_an_empty_list_says_nobody_was_heard() {
    let env = Env::new();
    let file = env.new_list("empty.json");
    let out = env.ok(READ, &["report", file.to_str().unwrap()]);
    assert!(out.contains("Nobody has been heard yet."), "{out}");
    let s = store::load(&file).unwrap();
    let r = Report::compute(&s, parse_time(READ).unwrap());
    assert_eq!(r.average_seconds, None);
    assert_eq!(r.total_seconds, 0);
}
