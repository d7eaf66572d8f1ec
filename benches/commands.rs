//! The commands in process (SPEC section 6: the 10,000 case costs no more than 15 times the
//! 1,000 case): what `podium add`, `list --json` and `next` do after the process has started,
//! from the file's bytes to the bytes written or printed (the fsync is measured in `store`, the
//! process start by scripts/bench.sh).

#[path = "../tests/support/sessions.rs"]
mod common;

use common::{big_session, file_bytes, t0};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use podium::domain::{Inscription, Level};
use std::hint::black_box;
use std::path::Path;

fn commands(c: &mut Criterion) {
    let now = t0();
    for n in [1_000, 10_000] {
        let bytes = file_bytes(&big_session(n));
        let load = || podium::store::parse_bytes(Path::new("s.json"), bytes.clone()).unwrap();
        c.bench_with_input(BenchmarkId::new("add", n), &n, |b, _| {
            b.iter(|| {
                let mut s = load();
                s.add(
                    Inscription::new("Newcomer", "Ms. New", Level::Delegate),
                    now,
                )
                .unwrap();
                black_box(file_bytes(&s))
            })
        });
        c.bench_with_input(BenchmarkId::new("next", n), &n, |b, _| {
            b.iter(|| {
                let mut s = load();
                s.next(now).unwrap();
                black_box(file_bytes(&s))
            })
        });
        c.bench_with_input(BenchmarkId::new("list_json", n), &n, |b, _| {
            b.iter(|| black_box(podium::cli::list_json(&load(), now)))
        });
        c.bench_with_input(BenchmarkId::new("list_table", n), &n, |b, _| {
            b.iter(|| black_box(podium::cli::list_table(&load(), now)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = commands
}
criterion_main!(benches);
