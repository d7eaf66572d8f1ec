//! Why the selected entry stands where it stands, read from the change log; while swapping,
//! the two entries and their levels. The panel grows to show the whole story (the screen gives
//! it the rows it needs, as far as the queue can spare them); what still does not fit is
//! announced, never silently cut.

use super::theme::Theme;
use super::wrap::wrapped_rows;
use crate::tui::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub struct Why<'a> {
    pub model: &'a Model,
    pub theme: Theme,
    /// Small screens: the top border only, so the queue keeps its rows.
    pub compact: bool,
}

const WRAP: Wrap = Wrap { trim: true };

impl Why<'_> {
    /// The panel's title and lines.
    pub fn content(&self) -> (String, Vec<Line<'static>>) {
        let m = self.model;
        let t = self.theme;
        let selected = m.selected_id().and_then(|id| m.session.entry(id));
        if let Some(a) = m.swap_mark.and_then(|id| m.session.entry(id)) {
            let mut lines = vec![Line::from(format!(
                "proposed by #{} {} — {}",
                a.id,
                a.title(),
                a.level.label()
            ))];
            match selected {
                Some(b) if b.id != a.id => lines.push(Line::from(format!(
                    "with        #{} {} — {}",
                    b.id,
                    b.title(),
                    b.level.label()
                ))),
                _ => lines.push(Line::styled("move to the other entry", t.dim())),
            }
            lines.push(Line::styled("s confirms · Esc cancels", t.dim()));
            return (" Swap (R5: same level only) ".to_string(), lines);
        }
        let title = match selected {
            Some(e) => format!(" Why #{} {} stands here ", e.id, e.delegation),
            None => " Why ".to_string(),
        };
        let lines = if m.why.is_empty() {
            vec![Line::styled("select a waiting entry", t.dim())]
        } else {
            m.why.iter().map(|w| Line::from(w.clone())).collect()
        };
        (title, lines)
    }

    /// The rows the panel needs, borders included, at `width` columns.
    pub fn rows_needed(&self, width: u16) -> u16 {
        let (_, lines) = self.content();
        if self.compact {
            return wrapped_rows(&lines, width, WRAP).saturating_add(1);
        }
        wrapped_rows(&lines, width.saturating_sub(2), WRAP).saturating_add(2)
    }
}

impl Widget for &Why<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let (title, mut lines) = self.content();
        let block = if self.compact {
            Block::new().borders(Borders::TOP)
        } else {
            Block::bordered()
        }
        .title(Line::styled(title, t.bold()));
        let inner = block.inner(area);
        block.render(area, buf);
        if wrapped_rows(&lines, inner.width, WRAP) > inner.height {
            // Keep what fits and say that there is more.
            let total = lines.len();
            let more = |n: usize| {
                Line::styled(format!("… {n} more (a taller window shows them)"), t.dim())
            };
            while lines.len() > 1 {
                lines.pop();
                let mut with = lines.clone();
                with.push(more(total - lines.len()));
                if wrapped_rows(&with, inner.width, WRAP) <= inner.height {
                    break;
                }
            }
            let hidden = total - lines.len();
            lines.push(more(hidden));
        }
        Paragraph::new(lines).wrap(WRAP).render(inner, buf);
    }
}
