//! The server from outside, over real sockets on 127.0.0.1 (and 0.0.0.0): routes, methods,
//! limits, the key, the event stream. A raw HTTP/1.1 client, so that what is sent is exactly
//! what the test says (a path with `..`, a head of 9 KB, a client that never reads).

// The same raw client as the tests of the real binary: one copy of it (not every function of it
// is needed here).
#[allow(dead_code)]
#[path = "../../tests/support/http.rs"]
mod http;

use super::server::MAX_STREAMS;
use super::*;
use crate::clock::Clock;
use crate::domain::{Inscription, Level, Mode, Settings, parse_time};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn session() -> Session {
    let t = parse_time("2022-10-17T10:00:00+02:00").expect("time");
    let mut s = Session::new("General discussion", Settings::default(), t);
    s.time_zone = "Europe/Vienna".to_string();
    for (d, mode) in [
        ("Egypt", Mode::Floor),
        ("Fiji", Mode::Remote),
        ("Peru", Mode::Video),
        ("Chile", Mode::Floor),
        ("Kenya", Mode::Floor),
    ] {
        let ins = Inscription {
            mode,
            ..Inscription::new(d, &format!("Speaker of {d}"), Level::Minister)
        };
        s.add(ins, t).expect("add");
    }
    s
}

fn board(s: &Session) -> Board {
    Board::of_file(s, Clock::real())
}

fn quick() -> Timeouts {
    Timeouts {
        idle: Duration::from_millis(400),
        answer: Duration::from_secs(5),
        heartbeat: Duration::from_millis(300),
    }
}

fn serve(addr: &str, s: &Session) -> Feed {
    start_with(addr, board(s), quick(), false).expect("serving")
}

/// 127.0.0.1 at the feed's port, whatever address it was bound to.
fn local(feed: &Feed) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], feed.addr.port()))
}

fn connect(feed: &Feed) -> TcpStream {
    http::connect(local(feed))
}

/// One request (`Connection: close`), its status and its body.
fn ask(feed: &Feed, method: &str, target: &str) -> (u16, String) {
    http::request(local(feed), method, target)
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    k.sort();
    k
}

fn sorted(words: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    k.sort();
    k
}

#[test]
fn state_json_has_exactly_the_shape_of_spec_section_11() {
    let mut s = session();
    let feed = serve("127.0.0.1:0", &s);
    let (status, body) = ask(&feed, "GET", "/state.json");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let top = [
        "title", "kind", "window", "now", "current", "message", "next", "plan_end",
    ];
    assert_eq!(keys(&v), sorted(&top));
    assert_eq!(v["current"], serde_json::Value::Null, "No speaker yet");
    assert_eq!(
        v["next"].as_array().map(Vec::len),
        Some(3),
        "three, not five"
    );
    assert_eq!(v["kind"], "general");
    assert_eq!(v["window"], "open");
    for n in v["next"].as_array().expect("next") {
        assert_eq!(keys(n), sorted(&["id", "delegation", "speaker", "mode"]));
    }
    assert_eq!(v["next"][1]["mode"], "remote");
    assert!(parse_time(v["now"].as_str().expect("now")).is_ok());

    let t = parse_time("2022-10-17T10:00:00+02:00").expect("time");
    s.next(t).expect("next");
    s.set_message("Please conclude", t).expect("message");
    let clock = Clock::starting_at(t + chrono::Duration::seconds(200), 1.0);
    let queue = s.queue();
    feed.publish(Board::new(&s, &queue, None, clock));
    let (_, body) = ask(&feed, "GET", "/state.json");
    let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let current = [
        "id",
        "delegation",
        "speaker",
        "level",
        "mode",
        "chair_of",
        "limit_seconds",
        "elapsed_seconds",
        "remaining_seconds",
        "running",
        "point_of_order",
    ];
    assert_eq!(keys(&v["current"]), sorted(&current));
    let c = &v["current"];
    assert_eq!(c["delegation"], "Egypt");
    assert_eq!(c["level"], "minister");
    assert_eq!(c["limit_seconds"], 180);
    assert_eq!(c["elapsed_seconds"], 200);
    assert_eq!(c["remaining_seconds"], -20, "negative in overtime");
    assert_eq!(c["running"], true);
    assert_eq!(v["message"], "Please conclude");
    assert_eq!(v["next"][0]["delegation"], "Fiji");
    assert!(
        v["now"]
            .as_str()
            .is_some_and(|n| n.starts_with("2022-10-17T10:03:2")),
        "the desk's clock, in the list's zone: {}",
        v["now"]
    );
}

#[test]
fn every_method_but_get_and_head_is_405_and_every_other_path_404() {
    let feed = serve("127.0.0.1:0", &session());
    for path in ["/", "/speaker", "/state.json", "/events"] {
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            assert_eq!(ask(&feed, method, path).0, 405, "{method} {path}");
        }
    }
    for path in ["/", "/speaker", "/state.json"] {
        let (status, body) = ask(&feed, "HEAD", path);
        assert_eq!((status, body.as_str()), (200, ""), "HEAD {path}");
        assert_eq!(ask(&feed, "GET", path).0, 200, "GET {path}");
    }
    for path in [
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/etc/passwd",
        "/index.html",
        "/speaker/x",
        "/state",
        "/events.json",
    ] {
        assert_eq!(ask(&feed, "GET", path).0, 404, "GET {path}");
    }
}

#[test]
fn the_pages_are_whole_in_the_binary_and_fetch_nothing_from_outside() {
    let feed = serve("127.0.0.1:0", &session());
    for path in ["/", "/speaker"] {
        let (status, body) = ask(&feed, "GET", path);
        assert_eq!(status, 200);
        assert!(
            body.contains("new EventSource(\"/events\" + query)"),
            "{path}"
        );
        assert!(!body.contains("/*SCRIPT*/") && !body.contains("/*STYLE*/"));
        for outside in ["http://", "https://", "//cdn", "src=\"", "href=\""] {
            assert!(!body.contains(outside), "{path} names {outside}");
        }
        assert!(!body.contains("innerHTML"), "texts go in as text");
    }
}

#[test]
fn a_request_head_over_8_kb_is_refused_and_one_under_is_served() {
    let feed = serve("127.0.0.1:0", &session());
    let send = |filler: usize| {
        let mut c = connect(&feed);
        let head = format!(
            "GET /state.json HTTP/1.1\r\nHost: podium\r\nX-Filler: {}\r\nConnection: close\r\n\r\n",
            "a".repeat(filler)
        );
        let _ = c.write_all(head.as_bytes());
        let mut out = Vec::new();
        let _ = c.read_to_end(&mut out);
        String::from_utf8_lossy(&out).to_string()
    };
    assert!(send(7000).starts_with("HTTP/1.1 200"));
    assert!(send(9000).starts_with("HTTP/1.1 431"), "{}", send(9000));
}

#[test]
fn an_idle_connection_is_closed() {
    let feed = serve("127.0.0.1:0", &session());
    // Nothing sent at all.
    let mut c = connect(&feed);
    let started = Instant::now();
    let mut buf = [0u8; 256];
    let n = c.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "closed without a word");
    assert!(started.elapsed() < Duration::from_secs(3));
    // One request answered, then silence on the kept-alive connection.
    let mut c = connect(&feed);
    write!(c, "GET /state.json HTTP/1.1\r\nHost: podium\r\n\r\n").expect("sent");
    let mut out = Vec::new();
    let started = Instant::now();
    let _ = c.read_to_end(&mut out);
    assert!(String::from_utf8_lossy(&out).starts_with("HTTP/1.1 200"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "closed when idle"
    );
}

/// Opens an event stream and reads up to its first `state` event; returns the stream.
fn stream(feed: &Feed) -> (TcpStream, String) {
    http::events(local(feed), "")
}

#[test]
fn the_event_stream_sends_the_state_at_once_then_each_change_and_a_comment_between() {
    let mut s = session();
    let feed = serve("127.0.0.1:0", &s);
    let (mut c, first) = stream(&feed);
    assert!(first.contains("text/event-stream"), "{first}");
    let data = first
        .split("event: state\ndata: ")
        .nth(1)
        .and_then(|d| d.lines().next())
        .expect("a state event");
    let v: serde_json::Value = serde_json::from_str(data).expect("JSON");
    assert_eq!(v["next"][0]["delegation"], "Egypt");
    assert_eq!(feed.pages(), 1);
    // A change reaches the page within 100 ms.
    let t = parse_time("2022-10-17T10:00:00+02:00").expect("time");
    s.next(t).expect("next");
    let changed = Instant::now();
    feed.publish(board(&s));
    let text = http::read_until(&mut c, "event: state");
    assert!(changed.elapsed() < Duration::from_millis(100));
    assert!(
        text.contains("\"delegation\":\"Egypt\",\"speaker\""),
        "{text}"
    );
    // Nothing changes: a comment keeps the stream alive (SPEC: at least every 15 s).
    let text = http::read_until(&mut c, ": podium");
    assert!(text.contains(": podium"), "{text}");
    // A stream outlives the idle timeout (400 ms here): it is not an idle connection.
    std::thread::sleep(Duration::from_millis(1200));
    s.set_message("Please conclude", t).expect("message");
    feed.publish(board(&s));
    let text = http::read_until(&mut c, "Please conclude");
    assert!(text.contains("Please conclude"), "{text}");
    drop(c);
    let deadline = Instant::now() + Duration::from_secs(3);
    while feed.pages() != 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(feed.pages(), 0, "a page gone is no longer counted");
}

#[test]
fn the_65th_event_stream_gets_503_and_a_closed_one_frees_its_place() {
    let feed = serve("127.0.0.1:0", &session());
    let mut open: Vec<TcpStream> = (0..MAX_STREAMS).map(|_| stream(&feed).0).collect();
    assert_eq!(feed.pages(), 64);
    assert_eq!(ask(&feed, "GET", "/events").0, 503);
    assert_eq!(
        ask(&feed, "GET", "/state.json").0,
        200,
        "the rest still works"
    );
    drop(open.pop());
    let deadline = Instant::now() + Duration::from_secs(3);
    while feed.pages() != 63 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let (_, text) = stream(&feed);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
}

#[test]
fn on_an_address_other_than_loopback_every_request_needs_the_key_even_from_loopback() {
    let feed = serve("0.0.0.0:0", &session());
    let key = feed.urls[0]
        .split_once("?key=")
        .map(|(_, k)| k.to_string())
        .expect("the address carries the key");
    assert_eq!(key.len(), 32);
    assert!(feed.urls[1].contains("/speaker?key="));
    for path in ["/", "/speaker", "/state.json", "/events", "/nothing"] {
        assert_eq!(ask(&feed, "GET", path).0, 403, "{path} without the key");
        let wrong = format!("{path}?key=0123456789abcdef0123456789abcdef");
        assert_eq!(ask(&feed, "GET", &wrong).0, 403, "{path} with a wrong key");
    }
    for path in ["/", "/speaker", "/state.json"] {
        assert_eq!(ask(&feed, "GET", &format!("{path}?key={key}")).0, 200);
    }
    assert_eq!(ask(&feed, "GET", &format!("/nothing?key={key}")).0, 404);
    assert_eq!(ask(&feed, "POST", &format!("/?key={key}")).0, 405);
    let mut c = connect(&feed);
    write!(c, "GET /events?key={key} HTTP/1.1\r\nHost: podium\r\n\r\n").expect("sent");
    assert!(http::read_until(&mut c, "event: state").starts_with("HTTP/1.1 200"));
    // On loopback, no key.
    let feed = serve("127.0.0.1:0", &session());
    assert!(!feed.urls[0].contains("key"));
    assert_eq!(ask(&feed, "GET", "/").0, 200);
}

#[test]
fn publishing_never_waits_for_pages_that_do_not_read() {
    let mut s = session();
    s.set_message(
        &"x".repeat(200),
        parse_time("2022-10-17T10:00:00+02:00").expect("t"),
    )
    .expect("a message of 200 characters");
    let feed = serve("127.0.0.1:0", &s);
    // Ten pages that open their stream and never read a byte of it.
    let stuck: Vec<TcpStream> = (0..10)
        .map(|_| {
            let mut c = connect(&feed);
            write!(c, "GET /events HTTP/1.1\r\nHost: podium\r\n\r\n").expect("sent");
            c
        })
        .collect();
    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    let base = board(&s);
    for i in 0..5_000u32 {
        let mut b = base.clone();
        b.title = format!(
            "{} {i}",
            "a long title to fill the pages' buffers".repeat(4)
        );
        let t = Instant::now();
        feed.publish(b);
        worst = worst.max(t.elapsed());
        total += t.elapsed();
    }
    // A publish that waited for a page would wait for ever: the bound only allows for a
    // loaded machine's scheduling.
    assert!(
        worst < Duration::from_millis(250),
        "one publish took {worst:?}"
    );
    assert!(
        total < Duration::from_secs(2),
        "5,000 publishes took {total:?}"
    );
    // The server still answers others.
    assert_eq!(ask(&feed, "GET", "/state.json").0, 200);
    drop(stuck);
}
