//! SPEC 5: "When the terminal goes away (its pseudo-terminal closed, with or without SIGHUP),
//! the screen and `display` end within one second, after the final checkpoint, and burn no CPU
//! meanwhile."
//!
//! The real binary runs on a pseudo-terminal of our own, in a session of its own (`setsid`), so
//! that it has no controlling terminal: closing the pty's master end then sends no SIGHUP at all,
//! as with a terminal window closed under a `setsid podium`. The CPU the process burns between
//! the close and its end is read from /proc (Linux), sampled every 10 ms until it has gone.
#![cfg(target_os = "linux")]

mod support;

use podium::store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};
use support::pty::{BIN, Pty, pty};

/// User and system CPU time of a process so far, in seconds (None once it has gone).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command's name (which is in parentheses): utime is the 12th, stime
    // the 13th of them, in clock ticks (100 a second on Linux).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// Closes the terminal (both ends we hold; the child's copies of the slave end remain, as
/// when a terminal window closes), then waits for the child to end, sampling its CPU time.
/// Returns how long it took and the CPU it burned meanwhile.
fn close_and_watch(pty: Pty, child: &mut Child, sighup: bool) -> (Duration, f64) {
    let pid = child.id();
    let before = cpu_seconds(pid).expect("the program runs");
    drop(pty);
    let closed = Instant::now();
    if sighup {
        let _ = Command::new("kill")
            .args(["-HUP", &pid.to_string()])
            .status();
    }
    let mut last = before;
    loop {
        if let Some(c) = cpu_seconds(pid) {
            last = c;
        }
        if child.try_wait().expect("wait").is_some() {
            let took = closed.elapsed();
            eprintln!(
                "ended {took:?} after the close (SIGHUP: {sighup}), {:.2} s of CPU",
                last - before
            );
            return (took, last - before);
        }
        if closed.elapsed() > Duration::from_secs(5) {
            let c = cpu_seconds(pid).unwrap_or(last);
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running 5 s after its terminal closed, having burned {:.2} s of CPU",
                c - before
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn session(dir: &Path) -> PathBuf {
    let file = dir.join("s.json");
    let run = |args: &[&str]| {
        let out = Command::new(BIN).args(args).output().expect("podium");
        assert!(out.status.success(), "{args:?}: {out:?}");
    };
    run(&["new", file.to_str().unwrap()]);
    run(&[
        "add",
        file.to_str().unwrap(),
        "--delegation",
        "Peru",
        "--speaker",
        "Ms. Rojas",
        "--level",
        "delegate",
    ]);
    file
}

fn the_screen_ends_within_a_second_after_its_final_checkpoint(sighup: bool) {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let mut pty = pty();
    let mut child = pty.spawn(&["--file", file.to_str().unwrap()]);
    pty.wait_drawn();
    // n calls the speaker: a running timer, which the final checkpoint must carry.
    pty.master.write_all(b"n").unwrap();
    let start = Instant::now();
    let called = loop {
        pty.drain();
        if let Some(sp) = store::load(&file).ok().and_then(|s| s.speech) {
            break sp;
        }
        assert!(start.elapsed() < Duration::from_secs(5), "n called nobody");
        std::thread::sleep(Duration::from_millis(20));
    };
    std::thread::sleep(Duration::from_millis(1200));
    pty.drain();
    let (took, cpu) = close_and_watch(pty, &mut child, sighup);
    assert!(
        took < Duration::from_secs(1),
        "ended {took:?} after the close"
    );
    assert!(cpu < 0.2, "burned {cpu:.2} s of CPU after the close");
    let last = store::load(&file).unwrap().speech.expect("still speaking");
    assert!(
        last.checkpoint_at > called.checkpoint_at && last.spent_ms >= 1000,
        "no final checkpoint: {called:?} then {last:?}"
    );
    // The lock died with it.
    store::Writer::acquire(&file, "test").expect("the lock is free");
}

#[test]
fn a_closed_pty_without_sighup_ends_the_screen_within_a_second_with_its_checkpoint_and_no_cpu() {
    the_screen_ends_within_a_second_after_its_final_checkpoint(false);
}

#[test]
fn a_closed_pty_with_sighup_ends_the_screen_within_a_second_with_its_checkpoint() {
    the_screen_ends_within_a_second_after_its_final_checkpoint(true);
}

#[test]
fn a_closed_pty_without_sighup_ends_the_display_within_a_second_and_no_cpu() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let mut pty = pty();
    let mut child = pty.spawn(&["display", "--file", file.to_str().unwrap()]);
    pty.wait_drawn();
    let (took, cpu) = close_and_watch(pty, &mut child, false);
    assert!(
        took < Duration::from_secs(1),
        "ended {took:?} after the close"
    );
    assert!(cpu < 0.2, "burned {cpu:.2} s of CPU after the close");
}
