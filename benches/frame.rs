//! The screen (SPEC section 6): one full frame of the main screen at 200x50 with 1,000 entries
//! (under 1 ms) and with 10,000 (no more than 1.5 times that: a frame costs what is visible),
//! and a key handled and drawn on 1,000 entries (within one frame, 16 ms; 10,000 for information).
//!
//! A frame is what the event loop does to draw: `Terminal::draw` of `view::Screen` on ratatui's
//! `TestBackend` (layout, every widget, the diff against the last frame and its flush into the
//! backend's buffer). The file save that follows a change is not included (see `store`).
//!
//! - `frame/N`: the countdown's second turns between two frames (what the loop does every second
//!   while a timer runs): a few cells change.
//! - `frame_full/N`: the terminal is cleared first, so every cell of the frame is written (as
//!   after a resize).
//! - `key_j/N`: `j` moves the selection (update: the cached "why" of the new entry is read
//!   from the log) and the frame is drawn.
//! - `key_n/N`: `n` calls the next speaker (update: the rule's `next`, the undo snapshot, the
//!   caches: queue, plan, sections, heard) and the frame is drawn.

#[path = "../tests/support/sessions.rs"]
mod common;

use common::{big_session, t0};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use podium::domain::Time;
use podium::tui::app::{Model, update};
use podium::tui::msg::Msg;
use podium::tui::view::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const W: u16 = 200;
const H: u16 = 50;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).expect("a test terminal")
}

fn draw(term: &mut Terminal<TestBackend>, m: &Model, now: Time) {
    term.draw(|f| f.render_widget(&Screen::new(m, now), f.area()))
        .expect("drawn");
}

/// 65 seconds into the speech of the entry at the podium.
fn model(n: usize) -> (Model, Time) {
    let now = t0() + chrono::Duration::seconds(65);
    (Model::new(big_session(n), "session.json", now), now)
}

fn frames(c: &mut Criterion) {
    for n in [1_000, 10_000] {
        let (m, now) = model(n);
        let mut term = terminal();
        draw(&mut term, &m, now);
        let mut second = 0i64;
        c.bench_with_input(BenchmarkId::new("frame", n), &n, |b, _| {
            b.iter(|| {
                // The second turns: the countdown changes, as in the running loop.
                second = (second + 1) % 60;
                draw(&mut term, &m, now + chrono::Duration::seconds(second));
                black_box(term.backend().buffer().area);
            })
        });
        c.bench_with_input(BenchmarkId::new("frame_full", n), &n, |b, _| {
            b.iter(|| {
                term.clear().expect("cleared");
                draw(&mut term, &m, now);
                black_box(term.backend().buffer().area);
            })
        });
    }
}

fn keys(c: &mut Criterion) {
    for n in [1_000, 10_000] {
        let (mut m, now) = model(n);
        let mut term = terminal();
        draw(&mut term, &m, now);
        let mut down = 0usize;
        c.bench_with_input(BenchmarkId::new("key_j", n), &n, |b, _| {
            b.iter(|| {
                // Down through the queue and back up, so every step moves the selection.
                down += 1;
                let msg = if (down / 500).is_multiple_of(2) {
                    Msg::Down
                } else {
                    Msg::Up
                };
                black_box(update(&mut m, msg, now));
                draw(&mut term, &m, now);
            })
        });
        let session = big_session(n);
        c.bench_with_input(BenchmarkId::new("key_n", n), &n, |b, _| {
            b.iter_batched(
                || Model::new(session.clone(), "session.json", now),
                |mut m| {
                    let effects = update(&mut m, Msg::Next, now);
                    assert!(effects.save, "n called the next speaker");
                    draw(&mut term, &m, now);
                    m
                },
                BatchSize::LargeInput,
            )
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = frames, keys
}
criterion_main!(benches);
