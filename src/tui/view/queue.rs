//! The queue: place, delegation, speaker, level, mode, limit, request time, projected start.
//! Only the visible rows are built, so a frame costs what is visible, not the list's size.

use super::theme::Theme;
use crate::domain::{Entry, Level, Mode, Time, fmt_seconds};
use crate::tui::app::{Model, hhmm};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, Widget};

pub struct Queue<'a> {
    pub model: &'a Model,
    pub now: Time,
    pub theme: Theme,
}

/// A visible row: a heading of a tier or part, or an entry (by its place in the queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisibleRow {
    Heading(usize),
    Entry(usize),
}

/// The rows from `offset`, headings interleaved, at most `height` of them.
pub fn visible_rows(
    sections: &[(usize, String)],
    len: usize,
    offset: usize,
    height: usize,
) -> Vec<VisibleRow> {
    let mut rows = Vec::with_capacity(height);
    let mut v = offset;
    while rows.len() < height {
        if let Some(k) = sections
            .iter()
            .enumerate()
            .position(|(k, (start, _))| start + k == v)
        {
            rows.push(VisibleRow::Heading(k));
        } else {
            let before = sections
                .iter()
                .enumerate()
                .filter(|(k, (start, _))| start + k < v)
                .count();
            let i = v - before;
            if i >= len {
                break;
            }
            rows.push(VisibleRow::Entry(i));
        }
        v += 1;
    }
    rows
}

/// Where the view starts so that the selected entry is visible.
pub fn offset_for(sections: &[(usize, String)], selected: usize, height: usize) -> usize {
    let headings = sections
        .iter()
        .filter(|(start, _)| *start <= selected)
        .count();
    let v = selected + headings;
    if height == 0 {
        0
    } else {
        v.saturating_sub(height - 1)
    }
}

pub fn short_level(l: Level) -> &'static str {
    match l {
        Level::HeadOfState => "Head State",
        Level::HeadOfGovernment => "Head Govt",
        Level::VicePresident => "Vice-Pres",
        Level::DeputyPrimeMinister => "Dep. PM",
        Level::Minister => "Minister",
        Level::DeputyMinister => "Dep. Min",
        Level::HeadOfDelegation => "Head Del",
        Level::Delegate => "Delegate",
    }
}

fn mode_word(m: Mode) -> &'static str {
    match m {
        Mode::Floor => "floor",
        Mode::Remote => "REMOTE",
        Mode::Video => "VIDEO",
    }
}

impl Widget for &Queue<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let t = self.theme;
        let block = Block::bordered().title(Line::styled(
            format!(" Queue ({}) ", m.queue.len()),
            t.bold(),
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || inner.width < 10 {
            return;
        }
        let wide = inner.width >= 110;
        let height = inner.height as usize - 1;
        let offset = offset_for(&m.sections, m.selected, height);
        let rows = visible_rows(&m.sections, m.queue.len(), offset, height);
        let has_slots = !m.session.settings.slots.is_empty();
        let today = self.now.date_naive();
        let mut table_rows = Vec::with_capacity(rows.len());
        // Headings span the whole width: drawn over their empty table rows afterwards.
        let mut headings = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            match *row {
                VisibleRow::Heading(k) => {
                    let words = m.sections.get(k).map(|(_, w)| w.as_str()).unwrap_or("");
                    headings.push((r, format!("── {words} ──")));
                    table_rows.push(Row::new(Vec::<Cell>::new()));
                }
                VisibleRow::Entry(i) => {
                    let Some(e) = m.queue.get(i).and_then(|id| m.session.entry(*id)) else {
                        continue;
                    };
                    table_rows.push(entry_row(self, e, i, wide, has_slots, today));
                }
            }
        }
        let widths = if wide {
            vec![
                Constraint::Length(5),
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(21),
                Constraint::Length(6),
                Constraint::Length(5),
                Constraint::Length(12),
                Constraint::Length(7),
            ]
        } else {
            vec![
                Constraint::Length(4),
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(10),
                Constraint::Length(6),
                Constraint::Length(5),
                Constraint::Length(6),
                Constraint::Length(6),
            ]
        };
        let header = Row::new(vec![
            "Pl.",
            "Delegation",
            "Speaker",
            "Level",
            "Mode",
            "Limit",
            "Req.",
            "Start",
        ])
        .style(t.dim());
        Table::new(table_rows, widths)
            .header(header)
            .column_spacing(1)
            .render(inner, buf);
        for (r, words) in headings {
            let y = inner.y + 1 + r as u16;
            if y < inner.bottom() {
                buf.set_stringn(inner.x, y, words, inner.width as usize, t.heading());
            }
        }
    }
}

fn entry_row<'a>(
    q: &Queue<'_>,
    e: &'a Entry,
    i: usize,
    wide: bool,
    has_slots: bool,
    today: chrono::NaiveDate,
) -> Row<'a> {
    let m = q.model;
    let t = q.theme;
    let requested = if wide {
        e.requested_at.format("%-d %b %H:%M").to_string()
    } else if e.requested_at.date_naive() == today {
        hhmm(e.requested_at)
    } else {
        e.requested_at.format("%-d %b").to_string()
    };
    let start = match m.plan.starts.get(i).copied().flatten() {
        Some(s) => Span::raw(hhmm(s)),
        None if has_slots => Span::styled("✗ none", t.error()),
        None => Span::raw("–"),
    };
    let level = if wide {
        e.level.label()
    } else {
        short_level(e.level)
    };
    let level_style = if e.is_priority() {
        t.priority()
    } else {
        ratatui::style::Style::new()
    };
    let mode_style = t.badge(e.mode != Mode::Floor);
    let mut style = ratatui::style::Style::new();
    if m.swap_mark == Some(e.id) {
        style = t.marked();
    }
    if i == m.selected {
        style = style.patch(t.selected());
    }
    let late = if e.video_late(&m.session.settings) {
        " (late video)"
    } else {
        ""
    };
    Row::new(vec![
        Cell::from(format!("{:>3}", i + 1)),
        Cell::from(format!("{}{late}", e.title())),
        Cell::from(e.speaker.as_str()),
        Cell::from(Span::styled(level, level_style)),
        Cell::from(Span::styled(mode_word(e.mode), mode_style)),
        Cell::from(fmt_seconds(e.limit_seconds)),
        Cell::from(requested),
        Cell::from(start),
    ])
    .style(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_interleave_with_entries_and_the_view_follows_the_selection() {
        let sections = vec![(0, "a".to_string()), (3, "b".to_string())];
        let rows = visible_rows(&sections, 5, 0, 10);
        use VisibleRow::*;
        assert_eq!(
            rows,
            vec![
                Heading(0),
                Entry(0),
                Entry(1),
                Entry(2),
                Heading(1),
                Entry(3),
                Entry(4)
            ]
        );
        assert_eq!(offset_for(&sections, 4, 3), 4);
        assert_eq!(
            visible_rows(&sections, 5, 4, 3),
            vec![Heading(1), Entry(3), Entry(4)]
        );
        assert_eq!(visible_rows(&sections, 10_000, 9_000, 3).len(), 3);
    }
}
