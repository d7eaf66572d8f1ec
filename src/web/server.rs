//! The HTTP server of the room's screens: axum's router on hyper's HTTP/1 connections, on a
//! single-threaded tokio runtime that lives on its own thread. Read-only: every route is GET (and
//! HEAD, which axum answers from GET); any other method gets 405, any other path 404.
//!
//! Limits (SPEC section 11): at most 64 event streams at once (the next gets 503), a request head
//! over 8 KB gets 431, a connection that sends no request for `IDLE` is closed, a request is
//! answered within `ANSWER` or not at all, and no request has a body worth reading. The desk
//! only ever writes into a `watch` channel, which never waits: a page that stops reading
//! holds its own connection, never the desk.

use super::state::Board;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::StreamExt;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::watch;

/// At most this many event streams at once.
pub const MAX_STREAMS: usize = 64;
/// The longest request head accepted (start line and headers).
pub const MAX_HEAD: usize = 8 * 1024;
/// At most this many connections at once (streams, page loads and idle ones together); more are
/// closed as soon as they are accepted.
const MAX_CONNECTIONS: usize = 256;
/// How soon a page reconnects after its stream broke (the SSE `retry` field).
const RETRY: Duration = Duration::from_secs(1);

/// The server's settings: its limits in time (shorter in tests).
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// A connection that sends no request head within this is closed.
    pub idle: Duration,
    /// A request not answered within this gets 408.
    pub answer: Duration,
    /// A comment on every event stream this often (SPEC: at least every 15 seconds), which
    /// also finds out a page that has gone.
    pub heartbeat: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            idle: Duration::from_secs(20),
            answer: Duration::from_secs(10),
            heartbeat: Duration::from_secs(10),
        }
    }
}

/// What every request handler shares.
#[derive(Clone)]
struct Shared {
    board: watch::Receiver<Arc<Board>>,
    streams: Arc<AtomicUsize>,
    key: Option<Arc<str>>,
    presenter: Arc<str>,
    speaker: Arc<str>,
    heartbeat: Duration,
}

/// The pages, each one file with its style and script inline: nothing is fetched from
/// anywhere else.
fn page(body: &str) -> Arc<str> {
    let style = include_str!("pages/page.css");
    let script = include_str!("pages/page.js");
    body.replace("/*STYLE*/", style)
        .replace("/*SCRIPT*/", script)
        .into()
}

/// Serves on `listener` until the process ends. Runs on the web thread.
pub async fn serve(
    listener: std::net::TcpListener,
    board: watch::Receiver<Arc<Board>>,
    streams: Arc<AtomicUsize>,
    key: Option<String>,
    timeouts: Timeouts,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let shared = Shared {
        board,
        streams,
        key: key.map(Arc::from),
        presenter: page(include_str!("pages/presenter.html")),
        speaker: page(include_str!("pages/speaker.html")),
        heartbeat: timeouts.heartbeat,
    };
    let app = router(shared, timeouts);
    let connections = Arc::new(AtomicUsize::new(0));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, most likely: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        if connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            connections.fetch_sub(1, Ordering::SeqCst);
            drop(stream);
            continue;
        }
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let open = Counted(connections.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(timeouts.idle)
                .max_header_size(MAX_HEAD)
                .keep_alive(true);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(open);
        });
    }
}

/// One of a counted number of things (a connection, an event stream): counted down on drop.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn router(shared: Shared, timeouts: Timeouts) -> Router {
    Router::new()
        .route("/", get(presenter))
        .route("/speaker", get(speaker))
        .route("/state.json", get(state_json))
        .route("/events", get(events))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), check_key))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(1024))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeouts.answer,
        ))
        .with_state(shared)
}

/// On an address other than loopback, every request carries the key (`?key=K`), whoever asks.
async fn check_key(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    if let Some(key) = &shared.key {
        let given = request
            .uri()
            .query()
            .unwrap_or("")
            .split('&')
            .find_map(|pair| pair.strip_prefix("key="))
            .unwrap_or("");
        if !same(given.as_bytes(), key.as_bytes()) {
            return plain(
                StatusCode::FORBIDDEN,
                "This screen needs its key: open the address the desk printed, with its ?key=…\n",
            );
        }
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // The key is in the address: never hand it to anyone else; and never keep a stale page.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Compares the key in a time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

async fn not_found() -> Response {
    plain(
        StatusCode::NOT_FOUND,
        "Not found: the screens are / (presenter) and /speaker (speaker's monitor)\n",
    )
}

/// The pages may run only their own inline script and style, and talk only to this server.
const POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn html(text: Arc<str>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, POLICY),
        ],
        text.to_string(),
    )
        .into_response()
}

async fn presenter(State(shared): State<Shared>) -> Response {
    html(shared.presenter.clone())
}

async fn speaker(State(shared): State<Shared>) -> Response {
    html(shared.speaker.clone())
}

async fn state_json(State(shared): State<Shared>) -> Response {
    let board = shared.board.borrow().clone();
    let json = board.json(board.clock.now());
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        json,
    )
        .into_response()
}

/// The two events of one state: `clock` (the milliseconds spoken and the clock's speed, for the
/// countdown between events) then `state` (the JSON of `/state.json`), both at one instant.
fn events_of(board: &Board) -> [Result<Event, Infallible>; 2] {
    let now = board.clock.now();
    [
        Ok(Event::default()
            .event("clock")
            .data(board.clock_json(now))
            .retry(RETRY)),
        Ok(Event::default().event("state").data(board.json(now))),
    ]
}

async fn events(State(shared): State<Shared>) -> Response {
    if shared.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        shared.streams.fetch_sub(1, Ordering::SeqCst);
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "Too many screens are connected (64): close one, then reload\n",
        );
    }
    let open = Counted(shared.streams.clone());
    let mut board = shared.board.clone();
    let first = board.borrow_and_update().clone();
    let later = futures_util::stream::unfold((board, open), |(mut board, open)| async move {
        // The desk has gone when its sender is dropped: the stream ends, the page reconnects.
        board.changed().await.ok()?;
        let now = board.borrow_and_update().clone();
        Some((now, (board, open)))
    });
    let stream = futures_util::stream::iter([first])
        .chain(later)
        .flat_map(|b| futures_util::stream::iter(events_of(&b)));
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(shared.heartbeat).text("podium"))
        .into_response()
}

/// 128 random bits, in hex: the key of a screen served on an address other than loopback.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    #[cfg(unix)]
    {
        use std::io::Read;
        if let Ok(mut f) = std::fs::File::open("/dev/urandom")
            && f.read_exact(&mut bytes).is_ok()
        {
            return hex(&bytes);
        }
    }
    // Elsewhere: the standard library's hasher keys, which it draws from the system's random
    // source, mixed with the time and the process id.
    use std::hash::{BuildHasher, Hasher};
    for half in bytes.chunks_mut(8) {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.write_u32(std::process::id());
        half.copy_from_slice(&h.finish().to_le_bytes());
    }
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_32_hex_digits_and_differ() {
        let a = random_key();
        let b = random_key();
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn the_key_comparison_needs_every_byte() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }
}
