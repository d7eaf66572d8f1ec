//! The speakers already heard, with the time they used against their limit.

use super::theme::Theme;
use crate::domain::fmt_seconds;
use crate::tui::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

pub struct Heard<'a> {
    pub model: &'a Model,
    pub theme: Theme,
    /// One line ("Heard: Kenya 2:58 · …", latest first) instead of a panel.
    pub one_line: bool,
}

fn used(m: &Model, id: u64, t: Theme) -> Option<(String, Span<'static>)> {
    let e = m.session.entry(id)?;
    let spoken = e.spoken_seconds.unwrap_or(0);
    let over = spoken - e.limit_seconds;
    let time = if over > 0 {
        Span::styled(
            format!("{} (+{})", fmt_seconds(spoken), fmt_seconds(over)),
            t.error(),
        )
    } else {
        Span::raw(fmt_seconds(spoken))
    };
    Some((e.title(), time))
}

impl Widget for &Heard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let t = self.theme;
        if self.one_line {
            let mut spans = vec![Span::styled(
                format!("Heard ({}): ", m.heard.len()),
                t.bold(),
            )];
            let mut width = 12usize;
            let mut first = true;
            for id in m.heard.iter().rev() {
                let Some((name, time)) = used(m, *id, t) else {
                    continue;
                };
                width += name.chars().count() + time.content.chars().count() + 4;
                if width > area.width as usize {
                    spans.push(Span::raw(if first { "…" } else { " …" }));
                    break;
                }
                // The separator goes between speakers, never after the last one.
                if !first {
                    spans.push(Span::styled(" · ", t.dim()));
                }
                first = false;
                spans.push(Span::raw(format!("{name} ")));
                spans.push(time);
            }
            if m.heard.is_empty() {
                spans.push(Span::styled("nobody yet", t.dim()));
            }
            Paragraph::new(Line::from(spans)).render(area, buf);
            return;
        }
        let block = Block::bordered().title(Line::styled(
            format!(" Heard ({}) ", m.heard.len()),
            t.bold(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        // The latest at the top; only as many as fit.
        let lines: Vec<Line> = m
            .heard
            .iter()
            .rev()
            .take(inner.height as usize)
            .filter_map(|id| used(m, *id, t))
            .map(|(name, time)| {
                let room = (inner.width as usize).saturating_sub(time.content.chars().count() + 1);
                let name: String = name.chars().take(room).collect();
                let pad = room.saturating_sub(name.chars().count());
                Line::from(vec![Span::raw(name), Span::raw(" ".repeat(pad + 1)), time])
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
