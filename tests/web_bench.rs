//! Benchmarks of the room's screens (SPEC section 6), measured from outside on the real binary,
//! `#[ignore]`d (they take about a minute and print numbers for the README):
//!   cargo test --release --test web_bench -- --ignored --nocapture
//! - a change at the desk (Space, pause and resume) until an open page's DOM shows it, in
//!   headless chromium: median and worst of 100 (target < 100 ms);
//! - 64 pages connected: the desk's CPU at rest over 10 s (target < 1 % of a core), a key at
//!   the desk until it is saved, drawn and on the pages (target < 16 ms), the desk's memory per
//!   page (target < 1 MB).

mod support;

use std::io::Read;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ROWS: &[(&str, &str, &[&str])] = &[
    ("Egypt", "Ahmed Aboul", &["--chair-of", "african"]),
    ("Fiji", "Bula Vinaka", &["--mode", "remote"]),
    ("Peru", "Pedro Castillo", &[]),
];

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// utime + stime of `pid`, in clock ticks (100 a second here).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after = stat.rsplit_once(')').expect("comm").1;
    let f: Vec<&str> = after.split_whitespace().collect();
    f[11].parse::<u64>().unwrap_or(0) + f[12].parse::<u64>().unwrap_or(0)
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .expect("status")
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[test]
#[ignore = "a benchmark: prints the numbers of the README's table (about 40 s)"]
fn sixty_four_pages_cost_the_desk_nothing_at_rest() {
    let (_dir, file, desk) = support::web::desk("web-bench-64", "127.0.0.1:0", "30m", ROWS);
    desk.tmux.keys(&["n"]);
    desk.wait_state("a speaker", |s| s["current"].is_object());
    let pid = support::pty::holder_pid(&file).expect("the desk's pid");
    std::thread::sleep(Duration::from_secs(1));
    let rss_before = rss_kb(pid);
    // 64 pages, each read by a thread (the events arrive, as in a browser).
    let (tx, rx) = std::sync::mpsc::channel::<Instant>();
    let mut readers = Vec::new();
    for i in 0..64 {
        let mut c = support::http::open_stream(desk.addr, "");
        c.set_read_timeout(None).expect("blocking");
        let tx = tx.clone();
        readers.push(std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = c.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if i == 0 && String::from_utf8_lossy(&buf[..n]).contains("event: state") {
                    let _ = tx.send(Instant::now());
                }
            }
        }));
    }
    desk.tmux
        .wait_for("64 pages", |s| s.contains("64 pages connected"));
    std::thread::sleep(Duration::from_secs(1));
    let rss_after = rss_kb(pid);
    while rx.try_recv().is_ok() {}
    // At rest, a speech running: 10 s of CPU.
    let t0 = cpu_ticks(pid);
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(10));
    let used = (cpu_ticks(pid) - t0) as f64 / 100.0 / started.elapsed().as_secs_f64() * 100.0;
    // Keys (Space: pause, resume): pressed until saved, drawn and received by a page.
    let mut lat = Vec::new();
    let mut after = Vec::new();
    for _ in 0..40 {
        while rx.try_recv().is_ok() {}
        let pressed = Instant::now();
        desk.tmux.keys(&["Space"]);
        let delivered = Instant::now();
        let got = rx.recv_timeout(Duration::from_secs(2)).expect("an event");
        lat.push((got - pressed).as_secs_f64() * 1000.0);
        after.push(got.saturating_duration_since(delivered).as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(50));
    }
    let worst = lat.iter().cloned().fold(0.0, f64::max);
    let med = median(&mut lat);
    let worst_after = after.iter().cloned().fold(0.0, f64::max);
    let med_after = median(&mut after);
    println!(
        "BENCH 64 pages: desk CPU at rest {used:.2} % of a core (10 s, timer running); \
         Space -> saved, drawn and on a page: median {med:.1} ms, worst {worst:.1} ms (40, tmux send-keys included), \
         from the tmux command's return: median {med_after:.1} ms, worst {worst_after:.1} ms; \
         memory {rss_before} kB -> {rss_after} kB, {:.1} kB per page",
        (rss_after as f64 - rss_before as f64) / 64.0
    );
}

#[test]
#[ignore = "a benchmark: prints the numbers of the README's table (about 30 s); needs chromium"]
fn a_change_at_the_desk_reaches_an_open_page_within_100_ms() {
    let (_dir, _file, desk) = support::web::desk("web-bench-page", "127.0.0.1:0", "30m", ROWS);
    desk.tmux.keys(&["n"]);
    desk.wait_state("a speaker", |s| s["current"].is_object());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let driver = support::browser::Driver::start();
        let profile = tempfile::tempdir().expect("profile");
        let c = support::browser::open(&driver, profile.path()).await;
        c.goto(&format!("{}/", desk.base())).await.expect("opens");
        support::browser::wait(&c, "the speaker", "return document.getElementById('delegation').textContent === 'Egypt';").await;
        // Each change of the state line is stamped by the page, on the shared wall clock.
        let watch = "window.stamps = []; new MutationObserver(function () { window.stamps.push(performance.timeOrigin + performance.now()); }).observe(document.getElementById('state'), {childList: true, subtree: true, characterData: true}); return true;";
        c.execute(watch, vec![]).await.expect("observer");
        let mut lat = Vec::new();
        let mut after_tmux = Vec::new();
        for i in 0..100 {
            let sent = epoch_ms();
            desk.tmux.keys(&["Space"]);
            let delivered = epoch_ms();
            let script = format!("return window.stamps.length > {i} ? window.stamps[{i}] : null;");
            let deadline = Instant::now() + Duration::from_secs(3);
            let stamp = loop {
                let v = c.execute(&script, vec![]).await.expect("runs");
                if let Some(ms) = v.as_f64() {
                    break ms;
                }
                assert!(Instant::now() < deadline, "change {i} never reached the page");
                tokio::time::sleep(Duration::from_millis(5)).await;
            };
            lat.push(stamp - sent);
            after_tmux.push((stamp - delivered).max(0.0));
        }
        let worst = lat.iter().cloned().fold(0.0, f64::max);
        let med = median(&mut lat);
        let worst_after = after_tmux.iter().cloned().fold(0.0, f64::max);
        let med_after = median(&mut after_tmux);
        println!(
            "BENCH desk change -> page updated: median {med:.1} ms, worst {worst:.1} ms (100 changes, from the tmux command's start); \
             from the tmux command's return: median {med_after:.1} ms, worst {worst_after:.1} ms"
        );
        let _ = c.close().await;
    });
}
