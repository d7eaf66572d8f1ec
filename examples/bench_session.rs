//! Writes a session with N entries (a tenth spoken, one at the podium, some withdrawn, the rest
//! waiting) for scripts/bench.sh: `cargo run --release --example bench_session -- N FILE`.

#[path = "../tests/support/sessions.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|n| n.parse().ok()).expect("N FILE");
    let file = args.next().expect("N FILE");
    std::fs::write(&file, common::file_bytes(&common::big_session(n))).unwrap();
}
