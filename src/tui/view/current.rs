//! The speaker at the podium: delegation, speaker, level, on whose behalf, the mode as a badge
//! and the large countdown.

use super::presenter::{big_countdown, countdown_text, mode_badge};
use super::theme::Theme;
use crate::domain::{Mode, Time, fmt_seconds};
use crate::tui::app::{Model, hhmm};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub struct Current<'a> {
    pub model: &'a Model,
    pub now: Time,
    pub theme: Theme,
    /// Small screens: three rows, the countdown in plain digits (the queue keeps its rows).
    pub compact: bool,
}

impl Current<'_> {
    fn block(&self) -> Block<'static> {
        if self.compact {
            Block::new().borders(Borders::TOP)
        } else {
            Block::bordered()
        }
    }
}

impl Widget for &Current<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = &self.model.session;
        let t = self.theme;
        let (speech, entry) = match (&s.speech, s.current()) {
            (Some(sp), Some(e)) => (sp, e),
            _ => {
                let block = self
                    .block()
                    .title(Line::styled(" At the podium: nobody ", t.bold()));
                let inner = block.inner(area);
                block.render(area, buf);
                // The cached queue: a frame never sorts the list.
                let next = self.model.queue.first().and_then(|id| s.entry(*id));
                let text = match next {
                    Some(e) => vec![
                        Line::from(format!(
                            "Next: #{} {} — {} ({})",
                            e.id,
                            e.title(),
                            e.speaker,
                            e.level.label()
                        )),
                        Line::from(vec![
                            Span::styled(mode_badge(e.mode), t.badge(e.mode != Mode::Floor)),
                            Span::raw(format!("  limit {}", fmt_seconds(e.limit_seconds))),
                        ]),
                        Line::styled("Press n to give the floor.", t.dim()),
                    ],
                    None => vec![Line::from(
                        "Nobody is waiting. Press a to add an inscription.",
                    )],
                };
                Paragraph::new(text)
                    .wrap(Wrap { trim: true })
                    .render(inner, buf);
                return;
            }
        };
        let remaining = s.remaining(self.now).unwrap_or(0);
        let warning = s.settings.warning_seconds;
        let state = if speech.not_started() {
            Span::styled(" CALLED: Space starts the clock ", t.badge(true))
        } else if speech.point_of_order {
            Span::styled(" POINT OF ORDER ", t.badge(true))
        } else if !speech.running {
            Span::styled(" PAUSED ", t.badge(true))
        } else if remaining <= 0 {
            Span::styled(" OVERTIME ", t.countdown(remaining, warning))
        } else {
            Span::styled(" running ", t.dim())
        };
        let block = self.block().title(Line::styled(
            format!(" At the podium: #{} ", entry.id),
            t.bold(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let text = countdown_text(remaining);
        let style = if speech.running {
            t.countdown(remaining, warning)
        } else {
            t.countdown(remaining, warning).patch(t.paused())
        };
        if self.compact {
            let first = vec![
                Span::styled(format!(" {text} "), style.patch(t.bold())),
                Span::raw(" "),
                Span::styled(entry.title(), t.bold()),
                Span::raw(format!(" · {} · {}", entry.speaker, entry.level.label())),
            ];
            let mut second = vec![
                Span::styled(mode_badge(entry.mode), t.badge(entry.mode != Mode::Floor)),
                Span::raw(" "),
                state,
            ];
            if let Some(msg) = &s.message {
                second.push(Span::styled(format!(" message: \"{msg}\""), t.warning()));
            }
            second.push(Span::styled(
                format!(
                    " · limit {} · spoken {}",
                    fmt_seconds(entry.limit_seconds),
                    fmt_seconds(speech.elapsed_seconds(self.now)),
                ),
                t.dim(),
            ));
            // One line each, cut at the edge: the panel has two rows.
            Paragraph::new(vec![Line::from(first), Line::from(second)]).render(inner, buf);
            return;
        }
        // The clock takes the right half on a wide screen, what its digits need on a narrow one.
        let needed = text.chars().count() as u16 * 8 + 2;
        let clock_width = if inner.width >= 120 {
            inner.width / 2
        } else {
            needed.min(inner.width / 2)
        };
        let [info, clock] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(clock_width)]).areas(inner);
        let mut badges = vec![
            Span::styled(mode_badge(entry.mode), t.badge(entry.mode != Mode::Floor)),
            Span::raw(" "),
            state,
        ];
        // The message on the presenter views, beside the state: the panel has four rows, and
        // the officer must see what the speaker is being shown.
        if let Some(msg) = &s.message {
            badges.push(Span::styled(format!(" message: \"{msg}\""), t.warning()));
        }
        if let Some(who) = &entry.introducer {
            badges.push(Span::raw(format!(" introduced by {who}")));
        }
        let lines = vec![
            Line::styled(entry.title(), t.bold()),
            Line::from(format!("{} · {}", entry.speaker, entry.level.label())),
            Line::from(badges),
            Line::styled(
                format!(
                    "limit {} · spoken {} · called {}",
                    fmt_seconds(entry.limit_seconds),
                    fmt_seconds(speech.elapsed_seconds(self.now)),
                    hhmm(speech.started_at)
                ),
                t.dim(),
            ),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(info, buf);
        big_countdown(&text, style, clock, buf);
    }
}
