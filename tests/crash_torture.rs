//! Crash torture (SPEC section 5): the real binary runs `podium add` and `podium next` on a
//! session file and is killed with SIGKILL at random moments, most of them while it saves.
//! After every kill the file parses and holds the last acknowledged state or the next one;
//! after every command that exits 0 (and so started as the next writer) the folder holds only
//! FILE, FILE.bak and FILE.lock.
//!
//! `cargo test` does 300 kills. `PODIUM_TORTURE=10000 cargo test --release --test crash_torture`
//! does 10,000, and so does the ignored `ten_thousand_kills` (`cargo test --release --test
//! crash_torture -- --ignored`). `PODIUM_TORTURE_SEED=N` replays a run.
#![cfg(unix)]

use podium::domain::{Inscription, Level, Session, Time, parse_time};
use podium::store::{self, backup_path, lock_path};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_podium");

/// The binary tortured: this build's, or `PODIUM_TORTURE_BIN` (a copy, so that a long run is not
/// disturbed by a rebuild meanwhile).
fn bin() -> String {
    std::env::var("PODIUM_TORTURE_BIN").unwrap_or_else(|_| BIN.to_string())
}

/// A small random number generator (xorshift64*), seeded and printed so a run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn at(step: u64) -> Time {
    parse_time("2022-10-17T10:00:00+02:00").unwrap() + chrono::Duration::seconds(step as i64)
}

enum Op {
    Add(String, Level),
    Next,
}

impl Op {
    fn for_step(step: u64) -> Op {
        if step % 3 == 2 {
            Op::Next
        } else {
            let level = if step.is_multiple_of(2) {
                Level::Minister
            } else {
                Level::Delegate
            };
            Op::Add(format!("Delegation {step}"), level)
        }
    }

    /// What the command does to the session, through the library: `None` if it is refused.
    fn apply(&self, s: &Session, now: Time) -> Option<Session> {
        let mut s = s.clone();
        match self {
            Op::Add(d, level) => s.add(Inscription::new(d, "Speaker", *level), now).ok()?,
            Op::Next => s.next(now).ok()?,
        };
        if let Some(speech) = s.speech.as_mut() {
            speech.checkpoint(now);
        }
        Some(s)
    }

    fn command(&self, file: &Path, now: Time) -> Command {
        let mut c = Command::new(bin());
        match self {
            Op::Add(d, level) => c.arg("add").arg(file).args([
                "--delegation",
                d,
                "--speaker",
                "Speaker",
                "--level",
                level.word(),
            ]),
            Op::Next => c.arg("next").arg(file),
        };
        c.env("PODIUM_NOW", now.to_rfc3339())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    }
}

/// Names in the folder other than FILE, FILE.bak and FILE.lock.
fn strays(path: &Path) -> Vec<PathBuf> {
    let keep = [path.to_path_buf(), backup_path(path), lock_path(path)];
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !keep.contains(p))
        .collect()
}

#[derive(Debug, Default)]
struct Tally {
    commands: u64,
    kills: u64,
    kills_leaving_temp: u64,
    kills_keeping_old: u64,
    kills_after_new: u64,
    acknowledged: u64,
    refused: u64,
    /// Commands after which FILE.bak was present and parsed.
    saves_with_backup: u64,
}

fn new_session(dir: &Path, round: u64) -> PathBuf {
    let file = dir.join(format!("round-{round}")).join("session.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = Command::new(bin())
        .arg("new")
        .arg(&file)
        // The list's zone is the offset of the times the model uses, so that the log's words
        // (which give times in the list's zone) are the same on both sides.
        .args(["--time-zone", "Europe/Vienna"])
        .env("PODIUM_NOW", at(0).to_rfc3339())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    file
}

fn torture(kills: u64) -> Tally {
    let seed = std::env::var("PODIUM_TORTURE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash torture: {kills} kills, PODIUM_TORTURE_SEED={seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut tally = Tally::default();
    let mut round = 0;
    let mut file = new_session(dir.path(), round);
    // Whether this round's FILE.bak has been made: from then on it must never be missing.
    let mut backup_seen = false;
    let mut step: u64 = 1;
    // How long a whole command takes, measured on the commands left to finish; the kills fall
    // uniformly around it, so they hit start-up, loading, writing, syncing and renaming.
    let mut typical = Duration::from_millis(5);
    while tally.kills < kills {
        // Keep the file from growing without end: a fresh session every 600 steps.
        if step.is_multiple_of(600) {
            round += 1;
            file = new_session(dir.path(), round);
            backup_seen = false;
        }
        let now = at(step);
        let op = Op::for_step(step);
        let before = store::load(&file).unwrap_or_else(|e| panic!("step {step}: {e}"));
        let after = op.apply(&before, now);

        let let_finish = rng.below(8) == 0;
        let started = Instant::now();
        let mut child = op.command(&file, now).spawn().unwrap();
        if !let_finish {
            // Between a fifth of a command and a fifth past its end: most of a command's time
            // is spent starting the process, the rest in loading and saving.
            let typical = typical.as_micros() as u64;
            std::thread::sleep(Duration::from_micros(typical / 5 + rng.below(typical)));
            // SIGKILL; harmless if it has just exited (wait then reports its exit status).
            let _ = child.kill();
        }
        let status = child.wait().unwrap();
        if let_finish {
            // A moving average of the duration of a command.
            typical = (typical * 7 + started.elapsed()) / 8;
        }
        tally.commands += 1;

        let found = store::load(&file)
            .unwrap_or_else(|e| panic!("step {step} ({status:?}): the file does not load: {e}"));
        // SPEC 5: FILE.bak, once made, is never missing. Every round's first save (`new`) made
        // FILE alone and the next made FILE.bak; from then on it is there after every kill.
        if backup_path(&file).exists() {
            store::load(&backup_path(&file))
                .unwrap_or_else(|e| panic!("step {step}: FILE.bak does not load: {e}"));
            tally.saves_with_backup += 1;
            backup_seen = true;
        } else {
            assert!(
                !backup_seen,
                "step {step} ({status:?}): FILE.bak is missing after it was made"
            );
        }
        match (status.signal(), status.code()) {
            (Some(9), _) => {
                tally.kills += 1;
                if !store::temp_files(&file).is_empty() {
                    tally.kills_leaving_temp += 1;
                }
                if found == before {
                    tally.kills_keeping_old += 1;
                } else if Some(&found) == after.as_ref() {
                    tally.kills_after_new += 1;
                } else {
                    panic!(
                        "step {step}: killed, the file holds neither the last acknowledged state nor the next one"
                    );
                }
            }
            (None, Some(0)) => {
                tally.acknowledged += 1;
                assert_eq!(
                    Some(&found),
                    after.as_ref(),
                    "step {step}: acknowledged, but the file does not hold the new state"
                );
                let left = strays(&file);
                assert!(left.is_empty(), "step {step}: stray files {left:?}");
            }
            (None, Some(1)) => {
                tally.refused += 1;
                assert!(after.is_none(), "step {step}: refused a valid command");
                assert_eq!(
                    found, before,
                    "step {step}: a refused command changed the file"
                );
            }
            other => panic!("step {step}: unexpected end {other:?}"),
        }
        step += 1;
    }
    // The next writer cleans up whatever the last kill left.
    let out = Op::Add("After the storm".into(), Level::Delegate)
        .command(&file, at(step))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(strays(&file).is_empty(), "{:?}", strays(&file));
    eprintln!("crash torture: {tally:?}");
    tally
}

fn check(tally: &Tally, kills: u64) {
    assert!(tally.kills >= kills);
    // The kills landed inside saves, not only before or after them.
    assert!(
        tally.kills_leaving_temp > 0,
        "no kill fell inside a save: {tally:?}"
    );
    assert!(tally.kills_keeping_old > 0, "{tally:?}");
    assert!(tally.acknowledged > 0, "{tally:?}");
    assert!(tally.saves_with_backup > 0, "{tally:?}");
}

#[test]
fn killed_at_random_moments_the_file_keeps_the_last_or_the_next_state_and_the_backup_is_never_missing()
 {
    let kills = std::env::var("PODIUM_TORTURE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let tally = torture(kills);
    check(&tally, kills);
}

#[test]
#[ignore = "10,000 kills, a few minutes: cargo test --release --test crash_torture -- --ignored"]
fn ten_thousand_kills() {
    let tally = torture(10_000);
    check(&tally, 10_000);
}
