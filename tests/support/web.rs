//! The real binary serving the room's screens: started in a private tmux (it needs a terminal),
//! its stderr in a file where it prints the addresses; with the raw HTTP/1.1 client of
//! `support::http`. Shared by tests/web_desk.rs, web_browser.rs, web_bench.rs.

use super::http::get;
use super::pty::Tmux;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A podium in tmux that serves pages.
pub struct Served {
    pub tmux: Tmux,
    /// 127.0.0.1 at the port served.
    pub addr: SocketAddr,
    /// `?key=K` on an address other than loopback, else empty.
    pub query: String,
    /// What podium printed on stderr.
    pub stderr: String,
    pub stderr_path: PathBuf,
}

/// Starts `podium ARGS` (shell words, already quoted) in tmux session `name`, with its stderr
/// into `dir/NAME.err`, and waits for the line with the addresses.
pub fn serve(name: &str, dir: &Path, env: &str, args: &str) -> Served {
    let tmux = Tmux::start(name, 120, 32);
    let err = dir.join(format!("{name}.err"));
    let bin = env!("CARGO_BIN_EXE_podium");
    tmux.shell(&format!(
        "{env} '{bin}' {args} 2>'{}'; echo EXIT=$?",
        err.display()
    ));
    let deadline = Instant::now() + Duration::from_secs(20);
    let stderr = loop {
        let text = std::fs::read_to_string(&err).unwrap_or_default();
        if text.contains("(speaker's monitor)") || text.contains("error:") {
            break text;
        }
        if Instant::now() > deadline {
            panic!(
                "podium {args} printed no address; stderr: {text}\npane:\n{}",
                tmux.capture()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let url = stderr
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {stderr}"));
    let rest = &url["http://".len()..];
    let (host, path) = rest.split_once('/').expect("a path");
    let port: u16 = host
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    let query = path
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    Served {
        tmux,
        addr: SocketAddr::from(([127, 0, 0, 1], port)),
        query,
        stderr,
        stderr_path: err,
    }
}

impl Served {
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `/state.json` (key included), parsed.
    pub fn state(&self) -> serde_json::Value {
        let (status, body) = get(self.addr, &format!("/state.json{}", self.query));
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).expect("JSON")
    }

    /// Polls `/state.json` until `wanted` holds, or fails with the last state.
    pub fn wait_state(
        &self,
        what: &str,
        wanted: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        super::poll_until(what, Duration::from_secs(10), || self.state(), wanted)
    }
}

/// `podium new FILE --title T --limit L` and delegates (D, S, extra args...), through the real
/// commands.
pub fn session(file: &Path, limit: &str, rows: &[(&str, &str, &[&str])]) {
    let run = |args: Vec<&str>| {
        super::pty::podium(file, &args);
    };
    let f = file.to_str().expect("a UTF-8 path");
    run(vec![
        "new",
        f,
        "--title",
        "General discussion",
        "--limit",
        limit,
        "--chair-limit",
        limit,
    ]);
    for (d, s, extra) in rows {
        let mut args = vec![
            "add",
            f,
            "--delegation",
            d,
            "--speaker",
            s,
            "--level",
            "minister",
        ];
        args.extend_from_slice(extra);
        run(args);
    }
}

/// A desk serving its pages: a new list in a folder of its own (limit and delegates as
/// [`session`] makes them), the screen on it with `--serve ADDR`, its header drawn.
pub fn desk(
    name: &str,
    addr: &str,
    limit: &str,
    rows: &[(&str, &str, &[&str])],
) -> (tempfile::TempDir, PathBuf, Served) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("s.json");
    session(&file, limit, rows);
    let desk = serve(
        name,
        dir.path(),
        "",
        &format!("--file '{}' --serve {addr}", file.display()),
    );
    desk.tmux
        .wait_for("the screen", |s| s.contains("pages connected"));
    (dir, file, desk)
}

/// `podium rehearse ARGS --serve 127.0.0.1:0` with its working copy in a TMPDIR of the test's
/// own (returned), and the first speaker called.
pub fn rehearsal(name: &str, args: &str) -> (tempfile::TempDir, PathBuf, Served) {
    let dir = tempfile::tempdir().expect("dir");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).expect("tmp");
    let desk = serve(
        name,
        dir.path(),
        &format!("TMPDIR='{}'", tmp.display()),
        &format!("rehearse {args} --serve 127.0.0.1:0"),
    );
    desk.tmux
        .wait_for("the rehearsal", |s| s.contains("REHEARSAL"));
    desk.tmux.keys(&["n"]);
    desk.wait_state("a speaker", |s| s["current"].is_object());
    (dir, tmp, desk)
}
