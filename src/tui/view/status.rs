//! The bottom lines: the plan's summary, the last message or error, the key hints.

use super::theme::Theme;
use crate::tui::app::{Model, hhmm};
use crate::tui::keymap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// "expected to end at 17:42; 3 speakers past the last slot will not be reached (✗)".
pub struct Summary<'a> {
    pub model: &'a Model,
    pub theme: Theme,
}

impl Widget for &Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let t = self.theme;
        let line = if m.queue.is_empty() {
            Line::styled(" nobody is waiting", t.dim())
        } else if m.session.settings.slots.is_empty() {
            Line::styled(
                " no meeting slots: no projected times (o sets the slots)",
                t.dim(),
            )
        } else {
            let end = m
                .plan
                .expected_end
                .map(|e| format!("expected to end at {}", hhmm(e)))
                .unwrap_or_else(|| "nobody fits in the slots left".to_string());
            let mut spans = vec![Span::raw(format!(" {end}; "))];
            let n = m.plan.not_reached;
            spans.push(if n > 0 {
                let who = if n == 1 {
                    "1 speaker".to_string()
                } else {
                    format!("{n} speakers")
                };
                Span::styled(
                    format!("{who} past the last slot will not be reached (✗)"),
                    t.error(),
                )
            } else {
                Span::raw("everyone fits in the slots")
            });
            Line::from(spans)
        };
        Paragraph::new(line).render(area, buf);
    }
}

/// The last message, or the last error in red.
pub struct StatusBar<'a> {
    pub model: &'a Model,
    pub theme: Theme,
}

impl StatusBar<'_> {
    fn line(&self) -> Line<'static> {
        let s = &self.model.status;
        if s.error {
            Line::styled(format!(" error: {}", s.text), self.theme.error())
        } else {
            Line::from(format!(" {}", s.text))
        }
    }

    /// The rows the message needs at `width` columns: a refusal is read whole.
    pub fn rows_needed(&self, width: u16) -> u16 {
        super::wrap::wrapped_rows(&[self.line()], width, Wrap { trim: false })
    }
}

impl Widget for &StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let line = self.line();
        Paragraph::new(line)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

/// The keys of the current mode, from the keymap.
pub struct Hints<'a> {
    pub model: &'a Model,
    pub theme: Theme,
}

impl Widget for &Hints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let mode = self.model.key_mode();
        let mut spans = Vec::new();
        let mut width = 0usize;
        for (key, word) in keymap::hints(mode, self.model.rehearsal.is_some()) {
            let w = key.chars().count() + word.chars().count() + 3;
            if width + w > area.width as usize {
                break;
            }
            width += w;
            spans.push(Span::styled(format!(" {key}"), t.key()));
            spans.push(Span::raw(format!(" {word} ")));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}
