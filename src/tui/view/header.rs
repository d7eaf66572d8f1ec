//! The header: title, the window's state and bounds, the wall clock, the counts.

use super::theme::Theme;
use crate::domain::Time;
use crate::tui::app::{Model, hhmm};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct Header<'a> {
    pub model: &'a Model,
    pub now: Time,
    pub theme: Theme,
}

fn short_time(t: Time) -> String {
    t.format("%-d %b %H:%M").to_string()
}

impl Widget for &Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.session;
        let t = self.theme;
        let state = s.window_state(self.now);
        let bounds = match (s.settings.opens, s.settings.closes) {
            (None, None) => "always".to_string(),
            (Some(o), None) => format!("from {}", short_time(o)),
            (None, Some(c)) => format!("until {}", short_time(c)),
            (Some(o), Some(c)) => format!("{} – {}", short_time(o), short_time(c)),
        };
        let state_style = if state == "open" {
            t.bold()
        } else {
            t.warning()
        };
        let mut counts = format!(
            "waiting {} · spoken {}{}",
            m.queue.len(),
            m.heard.len(),
            if m.withdrawn > 0 {
                format!(" · withdrawn {}", m.withdrawn)
            } else {
                String::new()
            }
        );
        // The room's screens in a browser: how many pages follow the desk (SPEC section 11).
        if let Some(n) = m.screens.connected {
            let s = if n == 1 { "" } else { "s" };
            counts.push_str(&format!(" · {n} page{s} connected"));
        }
        let width = area.width as usize;
        // Everything but the title: "│ window " state " (bounds)" " │ " HH:MM " │ " counts.
        let fixed = |bounds: &str| {
            9 + state.len()
                + if bounds.is_empty() {
                    0
                } else {
                    bounds.chars().count() + 3
                }
                + 11
                + counts.chars().count()
        };
        let title_len = s.title.chars().count();
        // The window's bounds give way first (the title says which list this is), then the title.
        let bounds = if fixed(&bounds) + 2 + title_len.min(40) <= width {
            bounds
        } else {
            String::new()
        };
        let room = width.saturating_sub(fixed(&bounds) + 2).max(2);
        let mut title: String = s.title.chars().take(room).collect();
        if title_len > room {
            title.pop();
            title.push('…');
        }
        let mut spans = vec![
            Span::styled(format!(" {title} "), t.bold()),
            Span::styled("│ window ", t.dim()),
            Span::styled(state.to_string(), state_style),
        ];
        if !bounds.is_empty() {
            spans.push(Span::styled(format!(" ({bounds})"), t.dim()));
        }
        // The wall clock shows only while a timer runs: then the screen redraws every second.
        // At rest the screen draws nothing at all (SPEC section 6), and a clock frozen at the
        // last redraw would tell the officer a wrong time.
        if self.model.timer_running() {
            spans.extend([
                Span::styled(" │ ", t.dim()),
                Span::styled(hhmm(self.now), t.bold()),
            ]);
        }
        spans.extend([Span::styled(" │ ", t.dim()), Span::raw(counts)]);
        // The list's time zone, where there is room: every time on the screen is in it.
        let used: usize = spans.iter().map(|sp| sp.content.chars().count()).sum();
        let zone = format!(" │ {}", s.time_zone);
        if used + zone.chars().count() <= width {
            spans.push(Span::styled(zone, t.dim()));
        }
        let line = Line::from(spans);
        Paragraph::new(line).render(area, buf);
    }
}
