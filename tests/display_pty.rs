//! `podium display` in a real terminal, following a file that another process saves: each save
//! shows within half a second; a missing and a corrupt file in between leave it running with a
//! warning; it never creates or changes a file.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use support::pty::{Tmux, podium, tmux_missing};

/// Every file in the folder with its bytes, to prove the display wrote nothing.
fn folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(|e| e.ok())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// Waits until the pane shows `wanted`; returns how long it took from `since`.
fn shows_within(tmux: &Tmux, wanted: &str, since: Instant) -> Duration {
    tmux.wait_for(wanted, |s| s.contains(wanted));
    since.elapsed()
}

#[test]
fn the_display_follows_each_save_and_rides_out_a_missing_or_broken_file() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("folder");
    let file = dir.path().join("s.json");
    podium(&file, &["new", "FILE", "--title", "Display test"]);
    for d in ["Egypt", "Fiji", "Peru", "Chile"] {
        podium(
            &file,
            &[
                "add",
                "FILE",
                "--delegation",
                d,
                "--speaker",
                &format!("Speaker of {d}"),
                "--level",
                "minister",
            ],
        );
    }
    let tmux = Tmux::start("display", 90, 30);
    tmux.shell(&format!(
        "'{}' display --file '{}'",
        env!("CARGO_BIN_EXE_podium"),
        file.display()
    ));
    tmux.wait_for("the empty floor", |s| {
        s.contains("No speaker") && s.contains("1. Egypt")
    });

    // The desk calls the next speaker: the display shows it within half a second (the test
    // allows polling slack but reports the time if it is ever slower).
    let before = folder(dir.path());
    let t = Instant::now();
    podium(&file, &["next", "FILE"]);
    let took = shows_within(&tmux, "Speaker of Egypt ·", t);
    assert!(took < Duration::from_secs(3), "the display took {took:?}");
    println!("next speaker shown after {took:?}");

    // A message to the speaker, set from the desk's file.
    let mut s = podium::store::load(&file).expect("load");
    s.set_message("Please conclude", podium::cli::now())
        .expect("message");
    let writer = podium::store::Writer::acquire(&file, "test desk").expect("lock");
    writer.save(&s).expect("save");
    drop(writer);
    let t = Instant::now();
    let took = shows_within(&tmux, "Please conclude", t);
    println!("message shown after {took:?}");

    // Missing, then corrupt, then back: the display keeps the last good view.
    let away = dir.path().join("away.json");
    std::fs::rename(&file, &away).expect("move away");
    tmux.wait_for("the missing warning", |s| {
        s.contains("missing") && s.contains("Egypt")
    });
    std::fs::write(&file, b"{\"format\": \"podium-sess").expect("corrupt");
    tmux.wait_for("the broken warning", |s| {
        s.contains("line") && s.contains("Egypt")
    });
    std::fs::rename(&away, &file).expect("back");
    tmux.wait_for("the warning gone", |s| !s.contains("last good view"));
    podium(&file, &["next", "FILE"]);
    tmux.wait_for("the next speaker", |s| s.contains("Speaker of Fiji ·"));
    let after_desk = folder(dir.path());

    // Left alone for a while, the display writes nothing at all.
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        folder(dir.path()),
        after_desk,
        "the display wrote to the folder"
    );
    assert!(before.contains_key("s.json"));
    tmux.keys(&["q"]);
    tmux.wait_for("the shell again", |s| !s.contains("Speaker of Fiji"));
    assert_eq!(folder(dir.path()), after_desk);
}
