//! Why the selected entry stands where it stands, read from the change log; while swapping,
//! the two entries and their levels.

use super::theme::Theme;
use crate::tui::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub struct Why<'a> {
    pub model: &'a Model,
    pub theme: Theme,
}

impl Widget for &Why<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let t = self.theme;
        let selected = m.selected_id().and_then(|id| m.session.entry(id));
        if let Some(a) = m.swap_mark.and_then(|id| m.session.entry(id)) {
            let block =
                Block::bordered().title(Line::styled(" Swap (R5: same level only) ", t.bold()));
            let inner = block.inner(area);
            block.render(area, buf);
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
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let title = match selected {
            Some(e) => format!(" Why #{} {} stands here ", e.id, e.delegation),
            None => " Why ".to_string(),
        };
        let block = Block::bordered().title(Line::styled(title, t.bold()));
        let inner = block.inner(area);
        block.render(area, buf);
        let lines: Vec<Line> = if m.why.is_empty() {
            vec![Line::styled("select a waiting entry", t.dim())]
        } else {
            m.why.iter().map(|w| Line::from(w.as_str())).collect()
        };
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
