//! A pseudo-terminal of the test's own (no tmux): the real binary runs on its slave end in a
//! session of its own (`setsid`), without a controlling terminal, so that closing the master
//! end is the terminal gone without any SIGHUP. Shared by tests/terminal_gone.rs and
//! tests/hostile_folders.rs.
#![allow(dead_code)]

use std::fs::File;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_podium");

pub struct Pty {
    pub master: File,
    pub slave: File,
}

pub fn pty() -> Pty {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("a pseudo-terminal");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
            .open(name.to_str().expect("a pty name"))
            .expect("the pty's slave end")
    };
    rustix::termios::tcsetwinsize(
        &slave,
        rustix::termios::Winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .expect("the window size");
    let flags = rustix::fs::fcntl_getfl(&master).expect("flags");
    rustix::fs::fcntl_setfl(&master, flags | rustix::fs::OFlags::NONBLOCK).expect("nonblocking");
    Pty {
        master: File::from(master),
        slave,
    }
}

impl Pty {
    /// Reads what the program drew, so that it never blocks on a full terminal; the byte count.
    pub fn drain(&mut self) -> usize {
        let mut buf = [0u8; 8192];
        let mut total = 0;
        while let Ok(n) = self.master.read(&mut buf) {
            if n == 0 {
                break;
            }
            total += n;
        }
        total
    }

    /// Starts `podium ARGS` on the slave end, in a session of its own (no controlling terminal).
    pub fn spawn(&self, args: &[&str]) -> Child {
        let io = || Stdio::from(self.slave.try_clone().expect("a copy of the slave end"));
        Command::new("setsid")
            .arg(BIN)
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("PODIUM_NOW")
            .stdin(io())
            .stdout(io())
            .stderr(io())
            .spawn()
            .expect("setsid podium")
    }

    /// Waits until the program has drawn something and then gone quiet for a moment.
    pub fn wait_drawn(&mut self) {
        let start = Instant::now();
        let mut seen = 0;
        while start.elapsed() < Duration::from_secs(10) {
            seen += self.drain();
            if seen > 0 {
                std::thread::sleep(Duration::from_millis(300));
                self.drain();
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the program drew nothing in 10 s");
    }
}
