//! The terminal under stress (SPEC section 4: "always gives the terminal back as it found it: on
//! quit, on error, on panic, and on SIGTERM or SIGHUP"; "never panics on a smaller or resized
//! terminal"). The real binary runs in tmux:
//!
//! - it is ended every way it can end: `q` (no timer), `q` `y` and Ctrl-c Ctrl-c while a timer
//!   runs, a panic inside the loop (the `PODIUM_TEST_PANIC_ON_KEY` test hook), SIGTERM and
//!   SIGHUP; after each, the pane has left the alternate screen, shows the cursor, `stty -a`
//!   shows `echo` and `icanon`, the exit status is the expected one, and the file parses with the
//!   running speech still running;
//! - the window is resized at random, from 1x1 to 250x80, while a speech runs: the process stays
//!   alive and, back at a normal size, shows the countdown running.
//!
//! The default run does each ending twice and 100 resizes; the long variants (ignored) do each
//! ending 20 times and 1,000 resizes:
//! `cargo test --test terminal_stress -- --ignored --nocapture`.
//! `PODIUM_STRESS_SEED=N` replays the resizes of a run (its seed is printed first).

mod support;

use std::path::Path;
use std::process::Command;
use support::pty::{Tmux, add_delegates, alive, holder_pid, podium, spoken, tmux_missing};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// `q` with no timer running: no question.
    Q,
    /// `q`, "Quit? (y/n)", `y`.
    QY,
    /// Ctrl-c, "Quit? (y/n)", Ctrl-c again.
    CtrlC,
    /// A panic inside the event loop.
    Panic,
    Sigterm,
    Sighup,
}

const ENDINGS: [Ending; 6] = [
    Ending::Q,
    Ending::QY,
    Ending::CtrlC,
    Ending::Panic,
    Ending::Sigterm,
    Ending::Sighup,
];

/// The panic hook's key (not a key of the screen).
const PANIC_KEY: &str = "Z";
const PANIC_TEXT: &str = "PODIUM_TEST_PANIC_ON_KEY: the test hook's panic";

/// A list of three with the first at the podium (its timer running), or none called.
fn session(dir: &Path, name: &str, running: bool) -> std::path::PathBuf {
    let file = dir.join(name);
    podium(&file, &["new", "FILE", "--title", "Stress list"]);
    add_delegates(
        &file,
        &[("Kenya", "Ms. K"), ("Ghana", "Mr. G"), ("Chile", "Ms. C")],
    );
    if running {
        podium(&file, &["next", "FILE"]);
    }
    file
}

fn is_running(file: &Path) -> bool {
    podium(file, &["status", "FILE", "--json"]).contains("\"running\":true")
}

/// Opens the screen on `file` in the pane and waits until it shows; returns its pid.
fn open(tmux: &Tmux, file: &Path, env: &str, running: bool, before: Option<u32>) -> u32 {
    let bin = env!("CARGO_BIN_EXE_podium");
    tmux.shell(&format!(
        "{env}'{bin}' --file '{}'; echo EXIT=$?",
        file.display()
    ));
    tmux.wait_for("the screen", |s| {
        s.contains("Queue (") && (!running || s.contains("At the podium"))
    });
    // The lock file names the holder; wait until it names this one.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        if let Some(pid) = holder_pid(file).filter(|p| Some(*p) != before && alive(*p)) {
            return pid;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the screen names itself in FILE.lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn kill(signal: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(ok.success());
}

/// Ends the screen one way and checks the terminal and the file; returns the screen's pid.
fn end_once(tmux: &Tmux, idle: &Path, running: &Path, ending: Ending, before: Option<u32>) -> u32 {
    let (file, env) = match ending {
        Ending::Q => (idle, String::new()),
        Ending::Panic => (
            running,
            format!("RUST_BACKTRACE=0 PODIUM_TEST_PANIC_ON_KEY={PANIC_KEY} "),
        ),
        _ => (running, String::new()),
    };
    let timer = ending != Ending::Q;
    let pid = open(tmux, file, &env, timer, before);
    let expected = match ending {
        Ending::Q => {
            tmux.keys(&["q"]);
            0
        }
        Ending::QY => {
            tmux.keys(&["q"]);
            tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
            tmux.keys(&["y"]);
            0
        }
        Ending::CtrlC => {
            tmux.keys(&["C-c"]);
            tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
            tmux.keys(&["C-c"]);
            0
        }
        Ending::Panic => {
            tmux.text(PANIC_KEY);
            101
        }
        Ending::Sigterm => {
            kill("-TERM", pid);
            143
        }
        Ending::Sighup => {
            kill("-HUP", pid);
            129
        }
    };
    let pane = tmux.wait_for("the exit status", support::pty::exit_shown);
    assert!(
        pane.contains(&format!("EXIT={expected}")),
        "{ending:?}: exit status {expected} expected; the pane shows:\n{pane}"
    );
    if ending == Ending::Panic {
        // Printed after the terminal was given back, so it is on the main screen, not wiped
        // with the alternate one.
        assert!(
            pane.contains(PANIC_TEXT) && pane.contains("panicked"),
            "the panic message is shown; the pane shows:\n{pane}"
        );
    }
    tmux.assert_terminal_given_back(&format!("{ending:?}"));
    // The file parses; a running speech was left running.
    assert_eq!(is_running(file), timer, "{ending:?}: the speech's timer");
    assert!(
        !alive(pid),
        "{ending:?}: the screen's process {pid} has ended"
    );
    pid
}

fn every_ending(rounds: usize, name: &str) {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let idle = session(dir.path(), "idle.json", false);
    let running = session(dir.path(), "running.json", true);
    let tmux = Tmux::start(name, 80, 24);
    let mut last = None;
    for round in 0..rounds {
        for ending in ENDINGS {
            let started = std::time::Instant::now();
            last = Some(end_once(&tmux, &idle, &running, ending, last));
            if round == 0 {
                println!("{ending:?}: {:?}", started.elapsed());
            }
        }
    }
    println!(
        "{rounds} rounds of {} endings: terminal given back",
        ENDINGS.len()
    );
}

#[test]
fn every_way_out_gives_the_terminal_back_and_keeps_the_speech_running() {
    every_ending(2, "endings");
}

#[test]
#[ignore = "long: 20 rounds of every ending (about two minutes)"]
fn every_way_out_twenty_times() {
    every_ending(20, "endings-long");
}

/// A small generator (xorshift): the sizes are replayable from the printed seed.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("PODIUM_STRESS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        println!("resize seed: {seed} (PODIUM_STRESS_SEED={seed} replays it)");
        Rng(seed.max(1))
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn resizes(count: usize, name: &str) {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = session(dir.path(), "running.json", true);
    let tmux = Tmux::start(name, 80, 24);
    let pid = open(&tmux, &file, "", true, None);
    let mut rng = Rng::seeded();
    // The extremes first, then at random.
    let mut sizes = vec![(1, 1), (250, 80), (1, 80), (250, 1), (79, 23), (80, 24)];
    while sizes.len() < count {
        sizes.push((1 + rng.below(250) as u16, 1 + rng.below(80) as u16));
    }
    for (k, (w, h)) in sizes.into_iter().enumerate() {
        tmux.resize(w, h);
        if k % 100 == 99 {
            assert!(alive(pid), "alive after {} resizes (last {w}x{h})", k + 1);
        }
    }
    assert!(alive(pid), "alive after {count} resizes");
    tmux.resize(100, 30);
    let shown = tmux.wait_for("the countdown at 100x30", |s| {
        s.contains("At the podium") && spoken(s).is_some()
    });
    let at = spoken(&shown).expect("the time spoken is shown");
    tmux.wait_for("the countdown to run on", |s| {
        spoken(s).is_some_and(|t| t > at)
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    let pane = tmux.wait_for("the exit status", support::pty::exit_shown);
    assert!(pane.contains("EXIT=0"), "{pane}");
    tmux.assert_terminal_given_back("the resizes");
    assert!(is_running(&file), "the speech is still running in the file");
    println!("{count} resizes: alive, countdown shown at 100x30");
}

#[test]
fn random_resizes_while_a_speech_runs_never_kill_the_screen() {
    resizes(100, "resize");
}

#[test]
#[ignore = "long: 1,000 resizes"]
fn a_thousand_random_resizes() {
    resizes(1000, "resize-long");
}

/// A terminal that goes away (the window closed: SIGHUP and a pty at end of file) ends the
/// screen within the grace period, the speech still running in the file and the lock free.
#[test]
fn a_closed_terminal_ends_the_screen_and_keeps_the_speech_running() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = session(dir.path(), "running.json", true);
    let tmux = Tmux::start("closed", 80, 24);
    let bin = env!("CARGO_BIN_EXE_podium");
    let mut before = None;
    for _ in 0..3 {
        tmux.run(&[
            "new-window",
            "-d",
            "-t",
            "pty",
            "-n",
            "screen",
            &format!("'{bin}' --file '{}'", file.display()),
        ]);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let pid = loop {
            if let Some(pid) = holder_pid(&file).filter(|p| Some(*p) != before && alive(*p)) {
                break pid;
            }
            assert!(std::time::Instant::now() < deadline, "the screen started");
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        // Let it draw, then close its window.
        std::thread::sleep(std::time::Duration::from_millis(300));
        tmux.run(&["kill-window", "-t", "pty:screen"]);
        let closed = std::time::Instant::now();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while alive(pid) {
            assert!(
                std::time::Instant::now() < deadline,
                "the screen ends when its terminal is gone"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        println!("ended {:?} after its terminal closed", closed.elapsed());
        assert!(is_running(&file), "the speech is still running in the file");
        before = Some(pid);
    }
    // The lock died with the process: a writer gets in.
    podium(
        &file,
        &[
            "add",
            "FILE",
            "--delegation",
            "Peru",
            "--speaker",
            "Mr. P",
            "--level",
            "delegate",
        ],
    );
}
