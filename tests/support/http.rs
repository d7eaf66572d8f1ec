//! A raw HTTP/1.1 client, so that what is sent is exactly what a test says (a path with `..`,
//! a head of 9 KB, a client that never reads). Standard library only: the server's own tests
//! (`src/web/http_tests.rs`) take this same file, the tests of the real binary take it through
//! `support::web`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A connection with a 5-second read timeout, so that a silent server fails the test instead of
/// hanging it.
pub fn connect(addr: SocketAddr) -> TcpStream {
    let c = TcpStream::connect(addr).expect("connects");
    c.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    c
}

/// One GET (`Connection: close`): its status and body.
pub fn get(addr: SocketAddr, target: &str) -> (u16, String) {
    request(addr, "GET", target)
}

/// One request (`Connection: close`): its status and body.
pub fn request(addr: SocketAddr, method: &str, target: &str) -> (u16, String) {
    let mut c = connect(addr);
    write!(
        c,
        "{method} {target} HTTP/1.1\r\nHost: podium\r\nConnection: close\r\n\r\n"
    )
    .expect("sent");
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Opens `/events` (with `query`, e.g. `?key=K`) and reads up to the end of its first `state`
/// event, as a page does; returns the stream and what it read.
pub fn events(addr: SocketAddr, query: &str) -> (TcpStream, String) {
    let mut c = open_stuck_stream(addr, query);
    let text = read_until(&mut c, "event: state");
    (c, text)
}

/// Opens `/events`, reads its first `state` event and checks the answer was 200.
pub fn open_stream(addr: SocketAddr, query: &str) -> TcpStream {
    let (c, text) = events(addr, query);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    c
}

/// Opens `/events` and never reads a byte of it.
pub fn open_stuck_stream(addr: SocketAddr, query: &str) -> TcpStream {
    let mut c = connect(addr);
    write!(c, "GET /events{query} HTTP/1.1\r\nHost: podium\r\n\r\n").expect("sent");
    c
}

/// Reads until `wanted` and the end of its event (a blank line) have come, or 5 seconds have
/// passed; returns all it read.
pub fn read_until(c: &mut TcpStream, wanted: &str) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(5);
    while !String::from_utf8_lossy(&got).contains(wanted) && Instant::now() < deadline {
        match c.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    while !String::from_utf8_lossy(&got)
        .split_once(wanted)
        .is_some_and(|(_, rest)| rest.contains("\n\n"))
        && Instant::now() < deadline
    {
        match c.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&got).to_string()
}
