//! Shared by the tests and the benchmarks: large sessions built directly (adding 10,000 entries
//! one by one through the rules would take longer than what is measured).
#![allow(dead_code)]

use podium::domain::{
    Category, Change, Entry, Level, LogRecord, Mode, Session, Settings, Speech, Status, Time,
    parse_time,
};

pub fn t0() -> Time {
    parse_time("2022-10-17T10:00:00+02:00").unwrap()
}

/// A session as a long meeting leaves it: `n` entries, a tenth spoken, one at the podium, one in
/// twenty withdrawn, the rest waiting; both tiers, some observers, one log record per entry.
pub fn big_session(n: usize) -> Session {
    let start = t0();
    let mut s = Session::new("General discussion", Settings::default(), start);
    let spoken = n / 10;
    let current = spoken + 1;
    for i in 1..=n {
        let at = start - chrono::Duration::days(30) + chrono::Duration::seconds((i * 37) as i64);
        let status = if i <= spoken {
            Status::Spoken
        } else if i == current {
            Status::Current
        } else if i.is_multiple_of(20) {
            Status::Withdrawn
        } else {
            Status::Waiting
        };
        let closed = matches!(status, Status::Spoken | Status::Withdrawn);
        let e = Entry {
            id: i as u64,
            delegation: if i.is_multiple_of(7) {
                format!("Côte d'Ivoire {i}")
            } else {
                format!("Delegation {i}")
            },
            speaker: format!("H.E. Speaker Number {i}"),
            level: match i % 5 {
                0 => Level::Minister,
                1 => Level::HeadOfDelegation,
                2 => Level::DeputyMinister,
                3 => Level::Delegate,
                _ => Level::HeadOfState,
            },
            chair_of: None,
            category: if i.is_multiple_of(11) {
                Category::Ngo
            } else {
                Category::StateParty
            },
            mode: if i.is_multiple_of(3) {
                Mode::Remote
            } else {
                Mode::Floor
            },
            requested_at: at,
            queued_at: at,
            order: i as u64,
            limit_seconds: 180,
            status,
            statement_received: i.is_multiple_of(2),
            no_post: i.is_multiple_of(9),
            introducer: None,
            late_reason: None,
            started_at: (status == Status::Spoken || status == Status::Current).then_some(start),
            ended_at: (status == Status::Spoken).then_some(start),
            spoken_seconds: (status == Status::Spoken).then_some(175),
            closed_order: closed.then_some((n + i) as u64),
            role: None,
            reply: None,
            moved: false,
            seat: None,
        };
        s.log.push(LogRecord {
            at,
            what: Change::Added,
            entry: Some(e.id),
            other: None,
            notice_at: Some(at),
            reason: None,
            requeued: false,
            undone: false,
            text: format!("added {} ({}), general tier", e.delegation, e.speaker),
        });
        s.entries.push(e);
    }
    if n > 0 {
        s.speech = Some(Speech::start(current as u64, start));
    }
    s.next_id = n as u64 + 1;
    s.next_order = 2 * n as u64 + 1;
    s
}

/// The bytes `podium` writes for a session.
pub fn file_bytes(s: &Session) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(s).unwrap();
    v.push(b'\n');
    v
}
