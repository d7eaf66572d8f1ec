//! The room's screens served by the real binary (SPEC section 11): the screen with `--serve`
//! counts the pages in its header and shows the addresses in `?`; a page that never reads does
//! not delay the next save; on 0.0.0.0 the key is printed with the address and needed even from
//! loopback; a rehearsal serves its simulated clock; `display` on a rehearsal's file counts down
//! on the rehearsal's clock, in the terminal and on its pages; the desk's pages show the list on
//! the floor, not only the one the desk shows.

mod support;

use std::time::{Duration, Instant};
use support::http::{get, open_stream, open_stuck_stream, request};
use support::web::{serve, session};

/// Under CI a missing tmux fails the test, saying so; elsewhere it is a visible skip.
fn no_tmux() -> bool {
    support::pty::tmux_missing()
}

const ROWS: &[(&str, &str, &[&str])] = &[
    ("Egypt", "Ahmed Aboul", &["--chair-of", "african"]),
    ("Fiji", "Bula Vinaka", &["--mode", "remote"]),
    ("Peru", "Pedro Castillo", &[]),
];

#[test]
fn the_screen_serves_its_state_counts_the_pages_and_shows_the_addresses_in_help() {
    if no_tmux() {
        return;
    }
    let (_dir, _file, desk) = support::web::desk("web-desk", "127.0.0.1:0", "3m", ROWS);
    assert!(desk.query.is_empty(), "no key on loopback: {}", desk.stderr);
    desk.tmux
        .wait_for("the screen", |s| s.contains("0 pages connected"));
    let s = desk.state();
    assert_eq!(s["current"], serde_json::Value::Null);
    assert_eq!(s["next"][0]["delegation"], "Egypt");
    assert_eq!(request(desk.addr, "POST", "/state.json").0, 405);
    assert_eq!(get(desk.addr, "/../etc/passwd").0, 404);
    let pages: Vec<_> = (0..2).map(|_| open_stream(desk.addr, "")).collect();
    desk.tmux.wait_for("two pages in the header", |s| {
        s.contains("2 pages connected")
    });
    desk.tmux.keys(&["n"]);
    let s = desk.wait_state("Egypt at the podium", |s| {
        s["current"]["delegation"] == "Egypt"
    });
    assert_eq!(s["current"]["chair_of"], "african");
    assert_eq!(s["current"]["running"], true);
    assert_eq!(s["next"][0]["mode"], "remote");
    drop(pages);
    desk.tmux
        .wait_for("the pages gone", |s| s.contains("0 pages connected"));
    desk.tmux.keys(&["?"]);
    let url = format!("{}/speaker", desk.base());
    desk.tmux
        .wait_for("the addresses in help", |s| s.contains(&url));
}

#[test]
fn a_page_that_never_reads_does_not_delay_the_desks_next_save() {
    if no_tmux() {
        return;
    }
    let (_dir, file, desk) = support::web::desk("web-stuck", "127.0.0.1:0", "3m", ROWS);
    // Pages that open their stream and never read it, and one that sends half a request.
    let stuck: Vec<_> = (0..8).map(|_| open_stuck_stream(desk.addr, "")).collect();
    let mut half = support::http::connect(desk.addr);
    std::io::Write::write_all(&mut half, b"GET /state.json HTTP/1.1\r\nHost: po").expect("sent");
    desk.tmux.wait_for("the stuck pages counted", |s| {
        s.contains("8 pages connected")
    });
    // Many changes, each pushed to pages that never take them.
    for _ in 0..10 {
        desk.tmux.keys(&["n"]);
        desk.tmux.keys(&["u"]);
    }
    let before = std::fs::read_to_string(&file).expect("file");
    let pressed = Instant::now();
    desk.tmux.keys(&["n"]);
    loop {
        let now = std::fs::read_to_string(&file).unwrap_or_default();
        if now != before && now.contains("\"speech\": {") {
            break;
        }
        assert!(
            pressed.elapsed() < Duration::from_secs(2),
            "the save after n did not come within 2 s"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let took = pressed.elapsed();
    println!("n saved {took:?} after the key, with 8 pages that never read");
    assert!(took < Duration::from_secs(1), "{took:?}");
    drop((stuck, half));
}

#[test]
fn on_0_0_0_0_the_key_is_printed_with_the_address_and_needed_from_loopback_too() {
    if no_tmux() {
        return;
    }
    let (_dir, _file, desk) = support::web::desk("web-key", "0.0.0.0:0", "3m", ROWS);
    assert!(
        desk.stderr.contains(&format!(
            "http://0.0.0.0:{}/{}",
            desk.addr.port(),
            desk.query
        )),
        "the full address with its key on stderr: {}",
        desk.stderr
    );
    let key = desk.query.strip_prefix("?key=").expect("a key");
    assert_eq!(key.len(), 32, "{}", desk.stderr);
    assert_eq!(get(desk.addr, "/state.json").0, 403);
    assert_eq!(get(desk.addr, "/").0, 403);
    assert_eq!(get(desk.addr, "/state.json?key=wrong").0, 403);
    assert_eq!(get(desk.addr, &format!("/state.json?key={key}")).0, 200);
    assert_eq!(get(desk.addr, &format!("/speaker?key={key}")).0, 200);
    desk.tmux.keys(&["?"]);
    desk.tmux
        .wait_for("the key in help", |s| s.contains(&format!("?key={key}")));
}

fn remaining(s: &serde_json::Value) -> i64 {
    s["current"]["remaining_seconds"]
        .as_i64()
        .unwrap_or_else(|| panic!("a speaker at the podium: {s}"))
}

#[test]
fn a_rehearsal_at_speed_60_serves_its_simulated_clock() {
    if no_tmux() {
        return;
    }
    let (_dir, _tmp, desk) = support::web::rehearsal("web-rehearse", "--speed 60");
    let first = desk.state();
    let t1 = Instant::now();
    std::thread::sleep(Duration::from_millis(1500));
    let second = desk.state();
    let real = t1.elapsed().as_secs_f64();
    let fell = remaining(&first) - remaining(&second);
    let expected = 60.0 * real;
    assert!(
        (fell as f64 - expected).abs() <= 12.0,
        "remaining fell {fell} s in {real:.2} real s, not about {expected:.0}"
    );
    assert!(
        second["now"]
            .as_str()
            .is_some_and(|n| n.starts_with("2022-10-17")),
        "the simulated clock: {}",
        second["now"]
    );
}

#[test]
fn display_on_a_rehearsals_file_counts_down_on_the_rehearsals_clock() {
    if no_tmux() {
        return;
    }
    let (dir, tmp, desk) = support::web::rehearsal("web-rehearse-desk", "");
    let copy = std::fs::read_dir(&tmp)
        .expect("tmp")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("rehearsal.json"))
        .find(|p| p.exists())
        .expect("the rehearsal's working copy");
    let shown = serve(
        "web-rehearse-display",
        dir.path(),
        "",
        &format!("display --file '{}' --serve 127.0.0.1:0", copy.display()),
    );
    shown.wait_state("the display's speaker", |s| s["current"].is_object());
    let (a, b) = (desk.state(), shown.state());
    assert!(
        (remaining(&a) - remaining(&b)).abs() <= 1,
        "the desk says {} s left, the display {}",
        remaining(&a),
        remaining(&b)
    );
    assert_eq!(
        a["now"].as_str().map(|n| &n[..16]),
        b["now"].as_str().map(|n| &n[..16])
    );
    let pane = shown.tmux.capture();
    assert!(
        !pane.contains("TIME IS UP") && !pane.contains('+'),
        "the terminal display counts down too:\n{pane}"
    );
}

/// SPEC section 11, as `display --dir` (section 8): the desk's pages show the list on the floor,
/// which need not be the one the desk shows. Here the desk shows the general discussion while
/// the right of reply, in the same folder, has a speaker at the podium.
#[test]
fn the_desks_pages_show_the_list_with_a_speaker_at_the_podium() {
    if no_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let general = dir.path().join("a-general.json");
    let reply = dir.path().join("b-reply.json");
    session(&general, "3m", ROWS);
    session(&reply, "3m", &[("Kenya", "Jane Doe", &[])]);
    let next = std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(["next", reply.to_str().expect("a UTF-8 path")])
        .output()
        .expect("podium runs");
    assert!(next.status.success(), "{next:?}");
    let desk = serve(
        "web-floor",
        dir.path(),
        "",
        &format!("--file '{}' --serve 127.0.0.1:0", general.display()),
    );
    desk.tmux
        .wait_for("the general discussion at the desk", |s| {
            s.contains("0 pages connected")
        });
    let s = desk.wait_state("the reply's speaker on the pages", |s| {
        s["current"]["delegation"] == "Kenya"
    });
    assert_eq!(s["next"], serde_json::json!([]), "{s}");
    // The desk still shows its own list, with Egypt first.
    let screen = desk.tmux.capture();
    assert!(screen.contains("Egypt"), "{screen}");
}
