//! The state file (SPEC section 6): load and order 10,000 entries; save 1,000 entries.

#[path = "../tests/support/sessions.rs"]
mod common;

use common::{big_session, file_bytes};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use podium::store::{self, Writer};
use std::hint::black_box;
use std::path::Path;

fn load_and_order(c: &mut Criterion) {
    let mut g = c.benchmark_group("load_and_order");
    for n in [1_000, 10_000] {
        let bytes = file_bytes(&big_session(n));
        g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| {
                let s = store::parse_bytes(Path::new("s.json"), bytes.clone()).unwrap();
                black_box(s.queue().len() + s.display_order().len())
            })
        });
    }
    g.finish();
}

fn save(c: &mut Criterion) {
    let mut g = c.benchmark_group("save");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.json");
    let w = Writer::acquire(&path, "bench").unwrap();
    for n in [1_000, 10_000] {
        let s = big_session(n);
        // The whole save: serialize, write, fsync, link, rename, fsync the folder.
        g.bench_with_input(BenchmarkId::new("atomic", n), &s, |b, s| {
            b.iter(|| w.save(s).unwrap())
        });
        // Its CPU part alone.
        g.bench_with_input(BenchmarkId::new("serialize", n), &s, |b, s| {
            b.iter(|| black_box(file_bytes(s)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = load_and_order, save
}
criterion_main!(benches);
