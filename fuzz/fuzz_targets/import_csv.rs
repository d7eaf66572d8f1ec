//! Any bytes as an inscriptions file (`podium import`): reading never panics, and rows that are
//! read go through the rules of `add` on a small session (a window, slots, a few entries, one at
//! the podium), all or none, exactly as the command does (`records::import::parse`, then
//! `records::import::apply`); the refusal's message, the queue, the plan and the saved bytes
//! of the result are made too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium::domain::{Inscription, Level, Session, Setting, Settings, parse_slot, parse_time};
use podium::records::import;
use std::sync::OnceLock;

fn small_session() -> &'static Session {
    static S: OnceLock<Session> = OnceLock::new();
    S.get_or_init(|| {
        let t = |s| parse_time(s).unwrap();
        let created = t("2022-09-05T09:00:00+02:00");
        let mut s = Session::new("Fuzz list", Settings::default(), created);
        s.set(
            Setting::Opens(Some(t("2022-09-05T00:00:00+02:00"))),
            created,
        )
        .unwrap();
        s.set(
            Setting::Closes(Some(t("2022-10-17T12:00:00+02:00"))),
            created,
        )
        .unwrap();
        let slot = parse_slot("2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00").unwrap();
        s.set(Setting::Slots(vec![slot]), created).unwrap();
        for (d, level) in [
            ("Kenya", Level::Delegate),
            ("Italy", Level::Minister),
            ("Norway", Level::HeadOfDelegation),
        ] {
            let mut ins = Inscription::new(d, "A speaker", level);
            ins.requested_at = Some(t("2022-09-10T10:00:00+02:00"));
            s.add(ins, created).unwrap();
        }
        s.next(t("2022-10-17T10:00:00+02:00")).unwrap();
        s
    })
}

fuzz_target!(|data: &[u8]| {
    let rows = match import::parse(data) {
        Ok(rows) => rows,
        Err(refusal) => {
            let _ = refusal.say("fuzz.csv");
            return;
        }
    };
    let now = parse_time("2022-10-17T10:05:00+02:00").unwrap();
    let mut s = small_session().clone();
    match import::apply(&mut s, &rows, "import of fuzz.csv", now) {
        Ok(done) => {
            assert_eq!(done.len(), rows.len(), "one result per row");
            let _ = s.queue();
            let _ = s.problems();
            let _ = podium::cli::list_json(&s, now);
            let _ = serde_json::to_vec_pretty(&s);
        }
        Err(refusal) => {
            // All or none: a refused file leaves the session as it was.
            assert_eq!(s.entries.len(), small_session().entries.len());
            let _ = refusal.say("fuzz.csv");
        }
    }
});
