//! The room's screens in a browser (SPEC section 11): `--serve ADDR` on the screen, `rehearse`
//! and `display` serves the presenter view (`/`), the speaker's monitor (`/speaker`), the state
//! (`/state.json`) and its changes (`/events`, server-sent events) over HTTP.
//!
//! The desk stays synchronous: it publishes its presenter state (a `Board`) into a tokio `watch`
//! channel, which never waits, and reads the number of pages connected from an atomic counter.
//! Everything asynchronous (tokio, axum, hyper) lives on the web thread started here and
//! nowhere else.

#[cfg(test)]
mod http_tests;
mod server;
pub mod state;

pub use server::{Timeouts, random_key};
pub use state::Board;

use crate::domain::Session;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::watch;

/// What the desk's screen shows of the server: the pages connected, and where they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screens {
    /// Pages connected now; `None` when the desk serves no pages.
    pub connected: Option<usize>,
    /// The presenter view's address, then the speaker's monitor's, key included.
    pub urls: Vec<String>,
}

/// The desk's end of the server: publish the board, count the pages, tell the addresses.
#[derive(Debug)]
pub struct Feed {
    board: watch::Sender<Arc<Board>>,
    streams: Arc<AtomicUsize>,
    /// Where the pages are, key included: the presenter view, then the speaker's monitor.
    pub urls: Vec<String>,
    /// The address bound (its port chosen by the system when ADDR's port was 0). The tests
    /// connect to it; the desk tells the officer the URLs instead.
    #[cfg_attr(not(test), allow(dead_code))]
    pub addr: SocketAddr,
}

impl Feed {
    /// Publishes the board, if it differs from the last one. Never waits for a page.
    pub fn publish(&self, board: Board) {
        self.board.send_if_modified(|shown| {
            if **shown == board {
                false
            } else {
                *shown = Arc::new(board);
                true
            }
        });
    }

    /// How many pages are connected now (their event streams).
    pub fn pages(&self) -> usize {
        self.streams.load(Ordering::SeqCst)
    }
}

/// `PORT` (on 127.0.0.1) or `HOST:PORT`, as `--serve` takes it.
pub fn parse_addr(text: &str) -> Result<Vec<SocketAddr>, String> {
    let bad = || {
        format!(
            "\"{text}\" is not an address to serve on: give PORT (e.g. 8080, on this machine only) or HOST:PORT (e.g. 0.0.0.0:8080, for the room)"
        )
    };
    let text = text.trim();
    if let Ok(port) = text.parse::<u16>() {
        return Ok(vec![SocketAddr::from(([127, 0, 0, 1], port))]);
    }
    if !text.contains(':') {
        return Err(bad());
    }
    let addrs: Vec<SocketAddr> = text.to_socket_addrs().map_err(|_| bad())?.collect();
    if addrs.is_empty() {
        return Err(bad());
    }
    Ok(addrs)
}

/// Binds ADDR and starts the web thread showing `board`. On an address other than loopback a
/// random key is made; the addresses (with the key) are printed on stderr before this returns.
pub fn start(addr: &str, board: Board) -> Result<Feed, String> {
    start_with(addr, board, Timeouts::default(), true)
}

/// `start`, with its timeouts given, and saying the addresses on stderr or not.
pub fn start_with(addr: &str, board: Board, timeouts: Timeouts, say: bool) -> Result<Feed, String> {
    let addrs = parse_addr(addr)?;
    let listener = TcpListener::bind(&addrs[..]).map_err(|e| {
        format!("cannot serve the room's screens on {addr} ({e}): give another port")
    })?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot serve on {addr} ({e})"))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot serve on {addr} ({e})"))?;
    let key = (!bound.ip().is_loopback()).then(random_key);
    let query = key
        .as_ref()
        .map(|k| format!("?key={k}"))
        .unwrap_or_default();
    let host = match bound {
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        SocketAddr::V4(a) => a.to_string(),
    };
    let urls = vec![
        format!("http://{host}/{query}"),
        format!("http://{host}/speaker{query}"),
    ];
    if say {
        eprintln!(
            "podium: the room's screens are served at {} (presenter) and {} (speaker's monitor){}",
            urls[0],
            urls[1],
            if bound.ip().is_unspecified() {
                "; from another machine, use this machine's address in place of the 0.0.0.0"
            } else {
                ""
            }
        );
    }
    let (tx, rx) = watch::channel(Arc::new(board));
    let streams = Arc::new(AtomicUsize::new(0));
    let counted = streams.clone();
    std::thread::Builder::new()
        .name("podium-web".into())
        .spawn(move || {
            // The only async runtime of podium, on this thread alone.
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(server::serve(listener, rx, counted, key, timeouts));
        })
        .map_err(|e| format!("cannot start the web server ({e})"))?;
    Ok(Feed {
        board: tx,
        streams,
        urls,
        addr: bound,
    })
}

/// Which list of a conference the pages show (SPEC section 11, as `display --dir`, section 8):
/// the one with a speaker at the podium, else the one whose last speech ended last, else the
/// list the desk shows (`shown`, an index into `lists`).
pub fn pick(lists: &[&Session], shown: usize) -> usize {
    crate::conference::floor_index(lists.iter().copied()).unwrap_or(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Settings, parse_time};

    #[test]
    fn a_port_alone_is_loopback_and_host_port_is_taken_as_given() {
        assert_eq!(
            parse_addr("8080").unwrap(),
            vec![SocketAddr::from(([127, 0, 0, 1], 8080))]
        );
        assert_eq!(
            parse_addr("0.0.0.0:9000").unwrap(),
            vec![SocketAddr::from(([0, 0, 0, 0], 9000))]
        );
        assert!(parse_addr("[::1]:9000").unwrap()[0].ip().is_loopback());
        for bad in ["", "eighty", "99999", "host:", ":x"] {
            let e = parse_addr(bad).unwrap_err();
            assert!(e.contains("PORT") && e.contains("HOST:PORT"), "{e}");
        }
    }

    #[test]
    fn the_pages_follow_the_list_with_a_speaker_else_the_last_speech_else_the_desk() {
        let t = |s: &str| parse_time(s).unwrap();
        let list = |title| {
            let mut s = Session::new(title, Settings::default(), t("2022-10-17T09:00:00+02:00"));
            for d in ["Peru", "Chile"] {
                s.add(
                    Inscription::new(d, "S", Level::Delegate),
                    t("2022-10-17T09:00:00+02:00"),
                )
                .unwrap();
            }
            s
        };
        let (mut a, mut b, mut c) = (list("a"), list("b"), list("c"));
        assert_eq!(pick(&[&a, &b, &c], 2), 2, "no speech anywhere: the desk's");
        for m in ["10:00", "10:03", "10:04"] {
            a.next(t(&format!("2022-10-17T{m}:00+02:00"))).unwrap();
        }
        assert!(a.speech.is_none(), "a's list is heard");
        b.next(t("2022-10-17T10:05:00+02:00")).unwrap();
        assert_eq!(pick(&[&a, &b, &c], 2), 1, "b has a speaker at the podium");
        for m in ["10:08", "10:09"] {
            b.next(t(&format!("2022-10-17T{m}:00+02:00"))).unwrap();
        }
        assert_eq!(pick(&[&a, &b, &c], 2), 1, "b's last speech ended last");
        assert_eq!(pick(&[&b, &a, &c], 2), 0, "whatever the order of the files");
        c.next(t("2022-10-17T10:30:00+02:00")).unwrap();
        assert_eq!(pick(&[&a, &b, &c], 0), 2, "c has a speaker at the podium");
    }
}
