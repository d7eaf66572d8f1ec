//! Any bytes as a session file: loading never panics, and a session that loads survives every
//! reading path of the commands and the rules' commands applied to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podium::domain::{Accepts, Inscription, Level, parse_time};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = podium::store::parse_bytes(Path::new("fuzz.json"), data.to_vec()) else {
        return;
    };
    let now = parse_time("2022-10-17T11:00:00+02:00").unwrap();
    let _ = podium::cli::list_json(&s, now);
    let _ = podium::cli::list_table(&s, now);
    let _ = podium::cli::status_json(&s, now);
    let _ = s.problems();
    let _ = s.why(1);
    let _ = s.remaining(now);
    let mut t = s.clone();
    let _ = t.add(Inscription::new("Fuzzland", "Speaker", Level::Minister), now);
    let _ = t.next(now);
    let mut t = s.clone();
    if let (Ok(a), Ok(b)) = (t.resolve("1", Accepts::Waiting), t.resolve("2", Accepts::Waiting)) {
        let _ = t.swap(a, b, None, now);
    }
    let _ = t.absent(1, now);
    let _ = t.withdraw(2, None, now);
    let _ = t.toggle_pause(now);
    let _ = t.extra_time(30, now);
    let _ = t.next(now);
    let _ = serde_json::to_vec_pretty(&t);
});
