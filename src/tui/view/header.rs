//! The header: title, the window's state and bounds, the wall clock, the counts.

use super::theme::Theme;
use crate::domain::Time;
use crate::tui::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct Header<'a> {
    pub model: &'a Model,
    pub now: Time,
    pub theme: Theme,
}

/// "slot until 13:00, 2h48 left": the meeting slot in progress, by the minute shown.
pub fn slot_words(m: &Model, now: Time) -> Option<String> {
    let s = &m.session;
    let slot = s
        .settings
        .slots
        .iter()
        .find(|slot| slot.start <= now && now < slot.end)?;
    // By whole minutes of the clock shown, so that HH:MM plus the time left is the slot's end.
    let left = slot.end.timestamp().div_euclid(60) - now.timestamp().div_euclid(60);
    let left = if left >= 60 {
        format!("{}h{:02} left", left / 60, left % 60)
    } else {
        format!("{left} min left")
    };
    Some(format!(
        "slot until {}, {left}",
        s.local(slot.end).format("%H:%M")
    ))
}

fn short_time(t: Time) -> String {
    t.format("%-d %b %H:%M").to_string()
}

impl Widget for &Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.session;
        let t = self.theme;
        let state = s.window_state(self.now).word();
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
        // The header always names the list shown and its kind (SPEC section 8).
        let kind = format!("· {} ", s.kind.word());
        // SPEC section 4: always the time of day, in the list's zone, and with slots the end of
        // the slot in progress and the time left in it. The loop redraws on the minute for it.
        let clock = s.local(self.now).format("%H:%M").to_string();
        let slot = slot_words(m, self.now);
        // Everything but the title: "│ window " state " (bounds)" " │ " HH:MM [" │ " slot]
        // [" │ " counts].
        let fixed = |bounds: &str, counts: &str| {
            9 + state.len()
                + if bounds.is_empty() {
                    0
                } else {
                    bounds.chars().count() + 3
                }
                + 3
                + clock.len()
                + slot.as_ref().map_or(0, |w| w.chars().count() + 3)
                + if counts.is_empty() {
                    0
                } else {
                    counts.chars().count() + 3
                }
                + kind.chars().count()
        };
        let title_len = s.title.chars().count();
        let wanted_title = title_len.min(24);
        // The window's bounds give way first (the title says which list this is), then the
        // counts (the queue's title and the heard line have them too), then the title.
        let bounds = if fixed(&bounds, &counts) + 2 + wanted_title <= width {
            bounds
        } else {
            String::new()
        };
        let counts = if fixed(&bounds, &counts) + 2 + wanted_title.min(12) <= width {
            counts
        } else {
            String::new()
        };
        let room = width.saturating_sub(fixed(&bounds, &counts) + 2).max(2);
        let mut title: String = s.title.chars().take(room).collect();
        if title_len > room {
            title.pop();
            title.push('…');
        }
        let mut spans = vec![
            Span::styled(format!(" {title} "), t.bold()),
            Span::styled(kind, t.dim()),
            Span::styled("│ window ", t.dim()),
            Span::styled(state.to_string(), state_style),
        ];
        if !bounds.is_empty() {
            spans.push(Span::styled(format!(" ({bounds})"), t.dim()));
        }
        spans.extend([Span::styled(" │ ", t.dim()), Span::styled(clock, t.bold())]);
        if let Some(w) = slot {
            spans.extend([Span::styled(" │ ", t.dim()), Span::raw(w)]);
        }
        if !counts.is_empty() {
            spans.extend([Span::styled(" │ ", t.dim()), Span::raw(counts)]);
        }
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
