//! What the tests share, in one place: the command line's harness (`cli`: a desk's folder and
//! the real binary run in it with a pinned clock), the pseudo-terminal's (`pty`: tmux, and a pty
//! of the test's own), the tools a test needs (`needs`), large sessions built directly
//! (`sessions`, also read by the benchmarks), the room's screens served (`web`), a real browser (`browser`) and the
//! records' readers (`readers`: LibreOffice, Chromium). Each test file takes what it uses.
#![allow(dead_code)]

pub mod browser;
pub mod cli;
pub mod http;
pub mod needs;
pub mod pty;
pub mod readers;
pub mod sessions;
pub mod web;

use std::fmt::Display;
use std::time::{Duration, Instant};

/// Reads `look` every 20 ms until `wanted` holds of what it read, and returns that; after
/// `within`, fails naming `what` was awaited and the last thing read (a pane, a state).
pub fn poll_until<T: Display>(
    what: &str,
    within: Duration,
    mut look: impl FnMut() -> T,
    wanted: impl Fn(&T) -> bool,
) -> T {
    let deadline = Instant::now() + within;
    loop {
        let seen = look();
        if wanted(&seen) {
            return seen;
        }
        if Instant::now() > deadline {
            panic!("timed out waiting for {what}; it reads:\n{seen}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
