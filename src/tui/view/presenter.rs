//! The big presenter clock: the current delegation, speaker, mode, the countdown in big digits
//! and the officer's message. A widget of its own taking (&Session, now, message), so that
//! `podium display` can show it too.

use super::theme::Theme;
use crate::domain::{Entry, Mode, Session, Time};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

/// The countdown's text: "2:59", "0:00", and "+0:12" counting up in overtime.
pub fn countdown_text(remaining: i64) -> String {
    if remaining < 0 {
        let s = remaining.unsigned_abs();
        format!("+{}:{:02}", s / 60, s % 60)
    } else {
        format!("{}:{:02}", remaining / 60, remaining % 60)
    }
}

/// Big digits that fit `area`: the largest pixel size that does, or plain bold text.
pub fn big_countdown(text: &str, style: ratatui::style::Style, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let chars = text.chars().count() as u16;
    // (pixel size, columns per glyph, rows)
    let sizes = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ];
    for (size, cols, rows) in sizes {
        if chars * cols <= area.width && rows <= area.height {
            let top = area.y + (area.height - rows) / 2;
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(text.to_string())])
                .build();
            big.render(Rect::new(area.x, top, area.width, rows), buf);
            return;
        }
    }
    let top = area.y + area.height.saturating_sub(1) / 2;
    Paragraph::new(Line::styled(text.to_string(), style))
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, top, area.width, 1), buf);
}

/// The presenter view of a session at `now`.
pub struct Presenter<'a> {
    session: &'a Session,
    now: Time,
    message: Option<&'a str>,
    /// The next speakers, shown under the clock (the presenter display shows three).
    upcoming: Vec<&'a Entry>,
    theme: Theme,
}

impl<'a> Presenter<'a> {
    pub fn new(session: &'a Session, now: Time, message: Option<&'a str>) -> Presenter<'a> {
        Presenter {
            session,
            now,
            message,
            upcoming: Vec::new(),
            theme: Theme::new(true),
        }
    }

    /// The next speakers, in speaking order, to show under the clock.
    pub fn upcoming(mut self, next: Vec<&'a Entry>) -> Presenter<'a> {
        self.upcoming = next;
        self
    }

    /// Without colours (`NO_COLOR`): the meaning stays in words, bold and reverse.
    pub fn color(mut self, color: bool) -> Presenter<'a> {
        self.theme = Theme::new(color);
        self
    }
}

/// "REMOTE", "VIDEO" or "FLOOR": the mode as a badge.
pub fn mode_badge(mode: Mode) -> &'static str {
    match mode {
        Mode::Floor => " FLOOR ",
        Mode::Remote => " REMOTE ",
        Mode::Video => " VIDEO ",
    }
}

impl Widget for &Presenter<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let t = self.theme;
        let message_rows = u16::from(self.message.is_some_and(|m| !m.is_empty())) * 2;
        // The next speakers give way first when the screen is small: the clock matters most.
        let next_rows = if self.upcoming.is_empty() || area.height < 12 {
            0
        } else {
            self.upcoming.len() as u16 + 1
        };
        let [head, clock, state, next, message] = Layout::vertical([
            Constraint::Length(3.min(area.height)),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(next_rows),
            Constraint::Length(message_rows),
        ])
        .areas(area);
        render_upcoming(&self.upcoming, t, next, buf);
        let (speech, entry) = match (&self.session.speech, self.session.current()) {
            (Some(s), Some(e)) => (s, e),
            _ => {
                Paragraph::new(vec![Line::styled("No speaker", t.bold())])
                    .alignment(Alignment::Center)
                    .wrap(Wrap { trim: true })
                    .render(head, buf);
                // Box-drawing dashes: no "--" of a command line on any screen (SPEC section 4).
                big_countdown("──:──", t.dim(), clock, buf);
                render_message(self.message, t, message, buf);
                return;
            }
        };
        let mut badge = vec![Span::styled(
            mode_badge(entry.mode),
            t.badge(entry.mode != Mode::Floor),
        )];
        if let Some(g) = entry.chair_of {
            badge.push(Span::raw(format!("  on behalf of the {}", g.name())));
        }
        Paragraph::new(vec![
            Line::styled(entry.delegation.clone(), t.bold()),
            Line::from(format!("{} · {}", entry.speaker, entry.level.label())),
            Line::from(badge),
        ])
        .alignment(Alignment::Center)
        .render(head, buf);
        let remaining = self.session.remaining(self.now).unwrap_or(0);
        let warning = self.session.settings.warning_seconds;
        let style = if speech.running {
            t.countdown(remaining, warning)
        } else {
            t.countdown(remaining, warning).patch(t.paused())
        };
        big_countdown(&countdown_text(remaining), style, clock, buf);
        if flashing(speech.running, remaining) {
            buf.set_style(clock, t.flash());
        }
        let state_words = if speech.not_started() {
            // Called, the clock not started (start-on-call off): the speaker is at the podium.
            Span::styled(" AT THE PODIUM · the clock has not started ", t.badge(true))
        } else if speech.point_of_order {
            Span::styled(" POINT OF ORDER ", t.badge(true))
        } else if !speech.running {
            Span::styled(" PAUSED ", t.badge(true))
        } else if remaining <= 0 {
            Span::styled(" TIME IS UP ", t.countdown(remaining, warning))
        } else {
            Span::raw("")
        };
        Paragraph::new(Line::from(state_words))
            .alignment(Alignment::Center)
            .render(state, buf);
        render_message(self.message, t, message, buf);
    }
}

/// The three seconds of the flash at zero: a running countdown showing 0:00, +0:01 or +0:02.
/// The screens redraw every second while a timer runs, so the flash needs no redraw of its own.
pub fn flashing(running: bool, remaining: i64) -> bool {
    running && (-2..=0).contains(&remaining)
}

fn render_upcoming(next: &[&Entry], t: Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let mut lines = vec![Line::styled("Next", t.dim())];
    for (i, e) in next.iter().enumerate() {
        let mut spans = vec![Span::raw(format!(
            "{}. {} — {}",
            i + 1,
            e.title(),
            e.speaker
        ))];
        if e.mode != Mode::Floor {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(mode_badge(e.mode), t.badge(true)));
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .render(area, buf);
}

fn render_message(message: Option<&str>, t: Theme, area: Rect, buf: &mut Buffer) {
    if let Some(m) = message.filter(|m| !m.is_empty()) {
        Paragraph::new(Line::styled(format!(" {m} "), t.badge(true)))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}
