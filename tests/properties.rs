//! Property tests over random sequences of commands: no entry is ever lost or duplicated; the
//! queue is always the priority tier then the rest (parties before observers), each in
//! `queued_at` order; a swap changes only the two places; save then load gives the same state.

use chrono::Duration;
use podium::domain::{
    AbsentPolicy, Accepts, Category, Entry, Group, Inscription, Level, Mode, Session, Setting,
    Settings, Status, Time, parse_time,
};
use proptest::prelude::*;
use std::path::Path;

#[derive(Debug, Clone)]
enum Cmd {
    Add {
        delegation: usize,
        level: usize,
        chair: Option<usize>,
        observer: bool,
        minute: i64,
    },
    Replace {
        pick: usize,
        level: usize,
        minute: i64,
    },
    Swap(usize, usize),
    Withdraw(usize),
    Next,
    Absent(usize),
    ObserversLast(bool),
    ProtocolOrder(bool),
    AbsentPolicy(usize),
}

const DELEGATIONS: [&str; 10] = [
    "Ghana", "Peru", "Chile", "Fiji", "Japan", "France", "Kenya", "Egypt", "Togo", "Nepal",
];

fn cmd() -> impl Strategy<Value = Cmd> {
    prop_oneof![
        4 => (0..10usize, 0..8usize, proptest::option::weighted(0.2, 0..5usize), proptest::bool::weighted(0.2), 0..40i64)
            .prop_map(|(delegation, level, chair, observer, minute)| Cmd::Add { delegation, level, chair, observer, minute }),
        2 => (0..40usize, 0..8usize, 0..80i64).prop_map(|(pick, level, minute)| Cmd::Replace { pick, level, minute }),
        2 => (0..40usize, 0..40usize).prop_map(|(a, b)| Cmd::Swap(a, b)),
        1 => (0..40usize).prop_map(Cmd::Withdraw),
        2 => Just(Cmd::Next),
        1 => (0..40usize).prop_map(Cmd::Absent),
        1 => any::<bool>().prop_map(Cmd::ObserversLast),
        1 => any::<bool>().prop_map(Cmd::ProtocolOrder),
        1 => (0..3usize).prop_map(Cmd::AbsentPolicy),
    ]
}

fn t0() -> Time {
    parse_time("2022-09-10T10:00:00+02:00").expect("fixed time")
}

/// The id of the `pick`-th waiting entry (modulo their number).
fn waiting(s: &Session, pick: usize) -> Option<u64> {
    let q = s.queue();
    (!q.is_empty()).then(|| q[pick % q.len()].id)
}

fn places(s: &Session) -> Vec<u64> {
    s.queue().iter().map(|e| e.id).collect()
}

/// The test's own reading of SPEC, not the implementation's: with observers-last, everyone but
/// a State party or a regional economic integration organisation speaks after the parties;
/// within each part, R3's ministerial tier (minister and above) comes first.
fn class(s: &Session, e: &Entry) -> (u8, u8) {
    let party = matches!(e.category, Category::StateParty | Category::Reio);
    let observer_last = s.settings.observers_last && !party;
    let ministerial = matches!(
        e.level,
        Level::HeadOfState
            | Level::HeadOfGovernment
            | Level::VicePresident
            | Level::DeputyPrimeMinister
            | Level::Minister
    );
    (u8::from(observer_last), u8::from(!ministerial))
}

fn check_invariants(s: &Session, added: usize) {
    // No entry lost or duplicated: every accepted inscription is there once, ids ascending.
    assert_eq!(s.entries.len(), added);
    assert!(s.entries.windows(2).all(|w| w[0].id < w[1].id));
    let shown: Vec<u64> = s.display_order().iter().map(|e| e.id).collect();
    let mut sorted = shown.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), shown.len(), "an entry shown twice");
    assert_eq!(shown.len(), added, "an entry missing from the display");
    // The queue: parties then observers (when set), priority tier then the rest, each in
    // queued_at order, ties by the order of the commands that set them.
    let q = s.queue();
    for w in q.windows(2) {
        let (a, b) = (w[0], w[1]);
        let ka = class(s, a);
        let kb = class(s, b);
        assert!(ka <= kb, "tiers out of order: {} before {}", a.id, b.id);
        if ka == kb && !s.settings.protocol_order {
            assert!(
                (a.queued_at, a.order) < (b.queued_at, b.order),
                "time order broken"
            );
        }
    }
    let current: Vec<_> = s
        .entries
        .iter()
        .filter(|e| e.status == Status::Current)
        .collect();
    assert!(current.len() <= 1);
    assert_eq!(
        current.first().map(|e| e.id),
        s.speech.as_ref().map(|sp| sp.entry)
    );
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_sequences_of_commands_keep_the_list_whole_and_ordered(cmds in proptest::collection::vec(cmd(), 1..60)) {
        let settings = Settings { opens: Some(t0() - Duration::days(5)), ..Settings::default() };
        let mut s = Session::new("property", settings, t0());
        let mut added = 0usize;
        let mut now = t0();
        for c in cmds {
            now += Duration::seconds(37);
            match c {
                Cmd::Add { delegation, level, chair, observer, minute } => {
                    let ins = Inscription {
                        chair_of: chair.map(|g| Group::ALL[g]),
                        category: if observer { Category::Ngo } else { Category::StateParty },
                        mode: Mode::Floor,
                        requested_at: Some(t0() + Duration::minutes(minute)),
                        ..Inscription::new(DELEGATIONS[delegation], "A speaker", Level::ALL[level])
                    };
                    if s.add(ins, now).is_ok() {
                        added += 1;
                    }
                }
                Cmd::Replace { pick, level, minute } => {
                    if let Some(id) = waiting(&s, pick) {
                        let _ = s.replace(id, "Another", Level::ALL[level], Some(t0() + Duration::minutes(minute)), now);
                    }
                }
                Cmd::Swap(a, b) => {
                    if let (Some(a), Some(b)) = (waiting(&s, a), waiting(&s, b)) {
                        let before = places(&s);
                        if s.swap(a, b, None, now).is_ok() {
                            let after = places(&s);
                            let mut expected = before.clone();
                            let (i, j) = (
                                before.iter().position(|x| *x == a).unwrap_or(0),
                                before.iter().position(|x| *x == b).unwrap_or(0),
                            );
                            expected.swap(i, j);
                            prop_assert_eq!(after, expected, "a swap changes only the two places");
                        }
                    }
                }
                Cmd::Withdraw(p) => {
                    if let Some(id) = waiting(&s, p) {
                        s.withdraw(id, None, now).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                }
                Cmd::Next => {
                    let _ = s.next(now);
                }
                Cmd::Absent(p) => {
                    let id = s.current().map(|e| e.id).or_else(|| waiting(&s, p));
                    if let Some(id) = id {
                        s.absent(id, now).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                }
                Cmd::ObserversLast(on) => { s.set(Setting::ObserversLast(on), now).map_err(|e| TestCaseError::fail(e.to_string()))?; }
                Cmd::ProtocolOrder(on) => { s.set(Setting::ProtocolOrder(on), now).map_err(|e| TestCaseError::fail(e.to_string()))?; }
                Cmd::AbsentPolicy(i) => { s.set(Setting::Absent(AbsentPolicy::ALL[i]), now).map_err(|e| TestCaseError::fail(e.to_string()))?; }
            }
            check_invariants(&s, added);
        }
        // Save then load gives the same state.
        let text = serde_json::to_string_pretty(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = podium::store::parse(Path::new("s.json"), &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, s);
    }

    #[test]
    fn a_delegation_name_resolves_to_its_one_waiting_entry_in_any_case(upper in any::<bool>(), n in 1..10usize) {
        let mut s = Session::new("x", Settings::default(), t0());
        for d in DELEGATIONS.iter().take(n) {
            s.add(Inscription::new(d, "S", Level::Delegate), t0()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        for (i, d) in DELEGATIONS.iter().take(n).enumerate() {
            let name = if upper { d.to_uppercase() } else { d.to_lowercase() };
            prop_assert_eq!(s.resolve(&name, Accepts::Waiting), Ok(i as u64 + 1));
        }
    }
}
