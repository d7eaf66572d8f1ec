//! The real binary in a pseudo-terminal: a private tmux server with one pane running `sh`,
//! shared by every test of the screen; and a pseudo-terminal of the test's own, without tmux
//! ([`Pty`], at the end), for the tests that close the terminal under podium.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// True when tmux is not here: under CI that fails the test (saying so), elsewhere the test is
/// skipped with a line `cargo test` shows; the caller returns.
pub fn tmux_missing() -> bool {
    !super::needs::tool(
        "tmux",
        &["-V"],
        "the pseudo-terminal tests drive the real binary through it",
    )
}

/// A private tmux server (its own socket), killed and its socket removed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A server with one detached session "pty" of `w`x`h` running `sh`, ready for input.
    pub fn start(name: &str, w: u16, h: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("podium-{name}-{}", std::process::id()),
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "pty",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "sh",
        ]);
        tmux.wait_for("a shell", |s| s.contains('$') || s.contains('#'));
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    pub fn capture(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "pty"])
    }

    /// Keys by tmux's names ("Enter", "C-c", "q").
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "pty"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Text typed as it is.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "pty", "-l", text]);
    }

    /// Types a shell command line and Enter, on a cleared pane.
    pub fn shell(&self, line: &str) {
        self.run(&["send-keys", "-t", "pty", "-l", &format!("clear; {line}")]);
        self.keys(&["Enter"]);
    }

    /// `#{alternate_on} #{cursor_flag}` of the pane: "0 1" once the terminal is given back.
    pub fn screen_state(&self) -> String {
        self.run(&[
            "display",
            "-p",
            "-t",
            "pty",
            "#{alternate_on} #{cursor_flag}",
        ])
        .trim()
        .to_string()
    }

    pub fn resize(&self, w: u16, h: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "pty",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }

    /// Polls the pane until `wanted` holds, or fails with what the pane shows.
    pub fn wait_for(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        super::poll_until(
            what,
            Duration::from_secs(20),
            || self.capture(),
            |s| wanted(s),
        )
    }

    /// The terminal modes the shell sees: asserts `echo` and `icanon` are on, and that the
    /// alternate screen is left and the cursor shown.
    pub fn assert_terminal_given_back(&self, after: &str) {
        assert_eq!(
            self.screen_state(),
            "0 1",
            "alternate screen left and cursor visible after {after}; the pane shows:\n{}",
            self.capture()
        );
        // The command line holds "MODES:$(", its output "MODES:echo icanon " when both are on
        // (a "-echo" or "-icanon" would show instead).
        self.shell(
            "echo \"MODES:$(stty -a | tr -s ' ;' '\\n\\n' | grep -x -E -- '-?(echo|icanon)' | tr '\\n' ' ')\"",
        );
        let pane = self.wait_for("stty", |s| {
            s.lines()
                .any(|l| l.starts_with("MODES:") && !l.contains('$'))
        });
        let line = pane
            .lines()
            .find(|l| l.starts_with("MODES:") && !l.contains('$'))
            .unwrap_or_default();
        let words: Vec<&str> = line["MODES:".len()..].split_whitespace().collect();
        assert!(
            words.contains(&"echo") && words.contains(&"icanon") && words.len() == 2,
            "echo and icanon are back on after {after}: {line:?}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let socket = self.run(&["display", "-p", "#{socket_path}"]);
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        // The server's socket file stays behind a killed server: leave no trace.
        let socket = socket.trim();
        if !socket.is_empty() {
            let _ = std::fs::remove_file(socket);
        }
    }
}

/// The pid of the screen holding FILE, read from FILE.lock ("pid N, podium screen, since …").
pub fn holder_pid(file: &Path) -> Option<u32> {
    let lock = std::fs::read_to_string(format!("{}.lock", file.display())).ok()?;
    lock.strip_prefix("pid ")?
        .split(',')
        .next()?
        .trim()
        .parse()
        .ok()
}

/// "spoken 0:07" on the current speaker's panel, in seconds.
pub fn spoken(screen: &str) -> Option<i64> {
    // The header says "spoken N" (a count); the panel says "spoken M:SS".
    screen.match_indices("spoken ").find_map(|(at, _)| {
        let rest = &screen[at + 7..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':'))?;
        let (m, s) = rest[..end].split_once(':')?;
        Some(m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?)
    })
}

/// Runs podium with `args` (FILE stands for `file`), expecting success; returns stdout.
pub fn podium(file: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args.iter().map(|a| {
            if *a == "FILE" {
                file.as_os_str()
            } else {
                std::ffi::OsStr::new(a)
            }
        }))
        .output()
        .expect("podium runs");
    assert!(
        out.status.success(),
        "podium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// `podium add FILE --delegation D --speaker S --level delegate` for each (D, S), in turn.
pub fn add_delegates(file: &Path, rows: &[(&str, &str)]) {
    for (d, s) in rows {
        podium(
            file,
            &[
                "add",
                "FILE",
                "--delegation",
                d,
                "--speaker",
                s,
                "--level",
                "delegate",
            ],
        );
    }
}

/// Whether process `pid` is alive (not a zombie).
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let after = s.rsplit_once(')')?.1.trim_start().chars().next()?;
            Some(after != 'Z' && after != 'X')
        })
        .unwrap_or(false)
}

/// The shell printed the exit status: "EXIT=" and a digit (a command line typed shows
/// "EXIT=$?").
pub fn exit_shown(screen: &str) -> bool {
    screen
        .match_indices("EXIT=")
        .any(|(at, _)| screen[at + 5..].starts_with(|c: char| c.is_ascii_digit()))
}

// ----- A pseudo-terminal of the test's own (no tmux): the real binary runs on its slave end in
// a session of its own (`setsid`), without a controlling terminal, so that closing the master
// end is the terminal gone without any SIGHUP (tests/terminal_gone.rs, hostile_folders.rs).

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
