//! The room's screens in a real browser (SPEC section 11): Debian's chromium, driven through
//! chromedriver (WebDriver) by the fantoccini client, against the real desk in tmux. The
//! presenter page shows the speaker and a countdown that moves, in the desk's colours; a speaker
//! named `<script>` is text; the message banner appears; overtime is red after its flash; `n` at
//! the desk shows the next speaker at once; the page survives the desk quitting and starting
//! again; the speaker's monitor has digits at least half the window's height.

mod support;

use fantoccini::Client;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use support::browser::{Driver, open};
use support::web::{serve, session};

/// chromium, chromedriver and tmux, each here or (under CI) a failure naming it.
fn browser_here() -> bool {
    support::needs::tool(
        "chromium",
        &["--version"],
        "the pages are tested in a real browser",
    ) && support::needs::tool(
        "chromedriver",
        &["--version"],
        "the browser is driven through WebDriver",
    ) && support::needs::tool("tmux", &["-V"], "the real desk runs in a terminal")
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.expect("the script runs")
}

/// Polls `script` (returning a value) until `wanted` holds; returns how long it took.
async fn wait_for(
    c: &Client,
    what: &str,
    script: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Duration {
    let started = Instant::now();
    loop {
        let v = js(c, script).await;
        if wanted(&v) {
            return started.elapsed();
        }
        if started.elapsed() > Duration::from_secs(15) {
            panic!("timed out waiting for {what}: the page says {v}");
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

const LOOK: &str = r##"
    var d = document.getElementById("clock");
    var visible = function (id) { var e = document.getElementById(id); return !!e && !e.hidden; };
    return {
        delegation: (document.getElementById("delegation") || {}).textContent || null,
        speaker: (document.getElementById("speaker") || {}).textContent || null,
        group: visible("group") ? document.getElementById("group").textContent : null,
        badges: (document.getElementById("badges") || {}).textContent || "",
        clock: visible("clock") ? d.textContent : null,
        colour: d ? getComputedStyle(d).color : null,
        classes: d ? d.className : "",
        state: (document.getElementById("state") || {}).textContent || "",
        message: visible("message") ? document.getElementById("message").textContent : null,
        nospeaker: visible("nospeaker"),
        link: visible("link") ? document.getElementById("link").textContent : "",
        next: Array.prototype.map.call(document.querySelectorAll("#nextlist li"), function (li) { return li.textContent; }),
        pwned: typeof window.pwned !== "undefined",
        height: d ? d.getBoundingClientRect().height : 0,
        window: window.innerHeight
    };
"##;

const GREEN: &str = "rgb(46, 204, 64)";
const AMBER: &str = "rgb(255, 176, 0)";
const RED: &str = "rgb(255, 59, 48)";

fn s(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn the_pages_follow_the_desk_in_a_real_browser() {
    if !browser_here() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("s.json");
    session(
        &file,
        "0:40",
        &[
            (
                "Egypt",
                "<script>window.pwned=1</script>",
                &["--chair-of", "african"],
            ),
            ("Fiji", "Bula Vinaka", &["--mode", "remote"]),
            ("Peru", "Pedro Castillo", &["--mode", "video"]),
            ("Chile", "Gabriel", &[]),
        ],
    );
    // A rehearsal of the list at ten times real time, so that 40 seconds pass in 4: the pages
    // count on its simulated clock.
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).expect("tmp");
    let desk = serve(
        "web-browser",
        dir.path(),
        &format!("TMPDIR='{}'", tmp.display()),
        &format!(
            "rehearse --speed 10 --file '{}' --serve 127.0.0.1:0",
            file.display()
        ),
    );
    desk.tmux
        .wait_for("the screen", |s| s.contains("pages connected"));

    let driver = Driver::start();
    let profile = tempfile::tempdir().expect("profile");
    let c = open(&driver, profile.path()).await;
    c.goto(&format!("{}/", desk.base())).await.expect("opens");
    let v = wait_for(&c, "No speaker", LOOK, |v| {
        v["nospeaker"] == true && v["next"].as_array().is_some_and(|n| n.len() == 3)
    })
    .await;
    let _ = v;
    let v = js(&c, LOOK).await;
    assert_eq!(
        v["next"],
        json!([
            "Egypt — <script>window.pwned=1</script>",
            "Fiji — Bula Vinaka REMOTE",
            "Peru — Pedro Castillo VIDEO"
        ])
    );
    assert_eq!(v["clock"], Value::Null, "no countdown on an empty floor");
    desk.tmux
        .wait_for("the page counted", |s| s.contains("1 page connected"));

    // The speaker, as text, on behalf of the group, with a countdown that moves, in green.
    desk.tmux.keys(&["n"]);
    wait_for(&c, "Egypt in green", LOOK, |v| {
        s(v, "delegation") == "Egypt" && s(v, "colour") == GREEN
    })
    .await;
    let v = js(&c, LOOK).await;
    assert_eq!(
        s(&v, "speaker"),
        "<script>window.pwned=1</script> · Minister"
    );
    assert_eq!(v["pwned"], false, "the name was not run");
    assert_eq!(s(&v, "group"), "on behalf of the Group of African States");
    assert_eq!(s(&v, "badges"), "", "no badge from the floor");
    let first = s(&v, "clock");
    wait_for(&c, "the countdown to move", LOOK, |v| {
        !s(v, "clock").is_empty() && s(v, "clock") != first
    })
    .await;
    // The last 30 seconds: amber, as at the desk.
    wait_for(&c, "amber", LOOK, |v| s(v, "colour") == AMBER).await;

    // The message, as a banner.
    desk.tmux.keys(&["m"]);
    desk.tmux.wait_for("the message editor", |s| {
        s.contains("Message to the speaker")
    });
    desk.tmux.text("Please conclude");
    desk.tmux.keys(&["Enter"]);
    wait_for(&c, "the banner", LOOK, |v| {
        v["message"] == "Please conclude"
    })
    .await;

    // Zero: the digits flash for three seconds, then overtime counts up in red.
    wait_for(&c, "the flash at zero", LOOK, |v| {
        s(v, "classes").contains("flash")
    })
    .await;
    let flash = wait_for(&c, "red overtime after the flash", LOOK, |v| {
        s(v, "clock").starts_with('+') && !s(v, "classes").contains("flash")
    })
    .await;
    assert!(flash < Duration::from_millis(3500), "flashed {flash:?}");
    let v = js(&c, LOOK).await;
    assert_eq!(s(&v, "colour"), RED, "{v}");
    assert_eq!(s(&v, "state"), "TIME IS UP");

    // The next speaker, at once.
    let pressed = Instant::now();
    desk.tmux.keys(&["n"]);
    wait_for(&c, "Fiji on the page", LOOK, |v| {
        s(v, "delegation") == "Fiji"
    })
    .await;
    let took = pressed.elapsed();
    println!("n at the desk reached the page in {took:?}");
    assert!(took < Duration::from_secs(1), "{took:?}");
    let v = js(&c, LOOK).await;
    assert_eq!(s(&v, "badges"), "REMOTE");
    assert_eq!(
        v["message"],
        desk.state()["message"],
        "the desk's message, or none"
    );

    // The desk quits; the desk on the list itself starts on the same port: the page
    // reconnects by itself and follows it.
    let port = desk.addr.port();
    desk.tmux.keys(&["q"]);
    desk.tmux
        .wait_for("the quit question", |s| s.contains("(y/n)"));
    desk.tmux.keys(&["y"]);
    desk.tmux
        .wait_for("the desk gone", support::pty::exit_shown);
    wait_for(&c, "the page to notice", LOOK, |v| {
        s(v, "link").contains("reconnecting")
    })
    .await;
    let again = serve(
        "web-browser-again",
        dir.path(),
        "",
        &format!("--file '{}' --serve 127.0.0.1:{port}", file.display()),
    );
    again
        .tmux
        .wait_for("the screen", |s| s.contains("connected"));
    again.tmux.keys(&["n"]);
    wait_for(&c, "Egypt after the restart", LOOK, |v| {
        s(v, "delegation") == "Egypt" && s(v, "link").is_empty() && s(v, "clock").starts_with("0:")
    })
    .await;

    // The speaker's monitor: digits at least half the window's height, and the message.
    again.tmux.keys(&["m"]);
    again.tmux.wait_for("the message editor", |s| {
        s.contains("Message to the speaker")
    });
    again.tmux.text("Please conclude");
    again.tmux.keys(&["Enter"]);
    c.goto(&format!("{}/speaker", again.base()))
        .await
        .expect("opens");
    wait_for(&c, "the monitor", LOOK, |v| {
        s(v, "clock").contains(':') && v["message"] == "Please conclude"
    })
    .await;
    let v = js(&c, LOOK).await;
    let (h, w) = (
        v["height"].as_f64().unwrap_or(0.0),
        v["window"].as_f64().unwrap_or(1.0),
    );
    assert!(h >= 0.5 * w, "digits {h}px high in a window {w}px high");
    assert_eq!(
        v["delegation"],
        Value::Null,
        "the countdown and the message only"
    );
    let _ = c.close().await;
}
