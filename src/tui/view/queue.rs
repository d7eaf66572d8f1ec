//! The queue: place, delegation, speaker, level, mode, limit, request time, projected start.
//! Only the visible rows are built, so a frame costs what is visible, not the list's size.

use super::theme::Theme;
use crate::domain::{Entry, Level, Mode, Time, fmt_seconds};
use crate::tui::app::{Model, hhmm};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
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
        let mut layout = Columns::for_width(inner.width);
        let height = inner.height as usize - 1;
        let offset = offset_for(&m.sections, m.selected, height);
        let rows = visible_rows(&m.sections, m.rows.len(), offset, height);
        let (need_delegation, need_speaker) = m.name_widths;
        layout.share(need_delegation.max(10), need_speaker.max(7));
        let has_slots = !m.session.settings.slots.is_empty();
        // The list's zone, parsed once a frame, not once a row.
        let zone = m.session.zone();
        let today = self.now.with_timezone(&zone).date_naive();
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
                    let Some(e) = m.rows.get(i).and_then(|id| m.session.entry(*id)) else {
                        continue;
                    };
                    table_rows.push(entry_row(self, e, i, &layout, has_slots, today, zone));
                }
            }
        }
        let header = Row::new(
            layout
                .columns
                .iter()
                .map(|c| c.heading())
                .collect::<Vec<_>>(),
        )
        .style(t.dim());
        Table::new(table_rows, layout.widths())
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

/// A column of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Place,
    Delegation,
    Speaker,
    Level,
    Mode,
    Limit,
    Requested,
    Start,
}

impl Column {
    fn heading(self) -> &'static str {
        match self {
            Column::Place => "Pl.",
            Column::Delegation => "Delegation",
            Column::Speaker => "Speaker",
            Column::Level => "Level",
            Column::Mode => "Mode",
            Column::Limit => "Limit",
            Column::Requested => "Req.",
            Column::Start => "Start",
        }
    }
}

/// The columns for a width, and the width each gets. The delegation and the speaker share what
/// is left equally: the officer reads both names aloud. Below 96 columns the limit and the
/// request time give way to them (the why panel says when the request came; a chair's longer
/// limit shows in its title, "for the … Group"); place, delegation, speaker, level, mode and the
/// projected start always show (SPEC section 4).
pub struct Columns {
    pub wide: bool,
    pub columns: Vec<Column>,
    pub sizes: Vec<u16>,
}

impl Columns {
    pub fn for_width(width: u16) -> Columns {
        use Column::*;
        let wide = width >= 110;
        let columns = if width >= 96 {
            vec![
                Place, Delegation, Speaker, Level, Mode, Limit, Requested, Start,
            ]
        } else {
            vec![Place, Delegation, Speaker, Level, Mode, Start]
        };
        let constraints: Vec<Constraint> = columns
            .iter()
            .map(|c| match (c, wide) {
                (Place, true) => Constraint::Length(5),
                (Place, false) => Constraint::Length(4),
                (Delegation | Speaker, _) => Constraint::Fill(1),
                (Level, true) => Constraint::Length(21),
                (Level, false) => Constraint::Length(10),
                (Mode, _) => Constraint::Length(6),
                (Limit, _) => Constraint::Length(5),
                (Requested, true) => Constraint::Length(13),
                (Requested, false) => Constraint::Length(7),
                (Start, true) => Constraint::Length(7),
                (Start, false) => Constraint::Length(6),
            })
            .collect();
        let sizes = Layout::horizontal(constraints)
            .spacing(1)
            .split(Rect::new(0, 0, width, 1))
            .iter()
            .map(|r| r.width)
            .collect();
        Columns {
            wide,
            columns,
            sizes,
        }
    }

    /// Shares the room of the delegation and the speaker by what the visible rows need: the
    /// shorter of the two gets all it needs when it can, the other the rest; when both are
    /// long, half each.
    pub fn share(&mut self, need_delegation: usize, need_speaker: usize) {
        let (Some(d), Some(sp)) = (
            self.columns.iter().position(|c| *c == Column::Delegation),
            self.columns.iter().position(|c| *c == Column::Speaker),
        ) else {
            return;
        };
        let room = (self.sizes[d] + self.sizes[sp]) as usize;
        let half = room / 2;
        let delegation = if need_speaker <= half {
            room - need_speaker
        } else if need_delegation <= half {
            need_delegation
        } else {
            room - half
        };
        self.sizes[d] = delegation as u16;
        self.sizes[sp] = (room - delegation) as u16;
    }

    fn widths(&self) -> Vec<Constraint> {
        self.sizes.iter().map(|w| Constraint::Length(*w)).collect()
    }

    fn size(&self, column: Column) -> usize {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.sizes.get(i))
            .copied()
            .unwrap_or(0) as usize
    }
}

/// `text` in at most `width` columns; a cut one ends in "…", so that a name cut short never
/// reads as a whole (different) name.
pub fn fit(text: &str, width: usize) -> String {
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut b = [0u8; 4];
    for c in text.chars() {
        let w = Span::raw(&*c.encode_utf8(&mut b)).width();
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn entry_row<'a>(
    q: &Queue<'_>,
    e: &'a Entry,
    i: usize,
    layout: &Columns,
    has_slots: bool,
    today: chrono::NaiveDate,
    zone: chrono_tz::Tz,
) -> Row<'a> {
    let m = q.model;
    let t = q.theme;
    let wide = layout.wide;
    let mut style = ratatui::style::Style::new();
    if m.swap_mark == Some(e.id) {
        style = t.marked();
    }
    if i == m.selected {
        style = style.patch(t.selected());
    }
    let cells = layout.columns.iter().map(|c| match c {
        // With `v`, heard and withdrawn rows have no place: their status instead.
        Column::Place => Cell::from(match m.place_of_row(i) {
            Some(p) => format!("{:>3}", p + 1),
            None => match e.status {
                crate::domain::Status::Current => "now".to_string(),
                crate::domain::Status::Spoken => "  ✓".to_string(),
                _ => "  ✗".to_string(),
            },
        }),
        Column::Delegation => {
            let late = if e.video_late(&m.session.settings) {
                " (late video)"
            } else {
                ""
            };
            // The late flag keeps its place at the end even when the name is cut.
            let room = layout
                .size(Column::Delegation)
                .saturating_sub(late.chars().count());
            Cell::from(format!("{}{late}", fit(&e.title(), room)))
        }
        Column::Speaker => Cell::from(fit(&e.speaker, layout.size(Column::Speaker))),
        Column::Level => {
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
            Cell::from(Span::styled(level, level_style))
        }
        Column::Mode => Cell::from(Span::styled(
            mode_word(e.mode),
            t.badge(e.mode != Mode::Floor),
        )),
        Column::Limit => Cell::from(fmt_seconds(e.limit_seconds)),
        // The time the entry is queued by (SPEC section 4), in the list's zone, marked * when
        // it is not the request's (a replacement that changed tier, a swap).
        Column::Requested => {
            let q = e.queued_at.with_timezone(&zone);
            let mark = if e.queued_at != e.requested_at {
                "*"
            } else {
                ""
            };
            Cell::from(if wide {
                format!("{}{mark}", q.format("%-d %b %H:%M"))
            } else if q.date_naive() == today {
                format!("{}{mark}", q.format("%H:%M"))
            } else {
                format!("{}{mark}", q.format("%-d %b"))
            })
        }
        Column::Start => Cell::from(
            match m
                .place_of_row(i)
                .and_then(|p| m.plan.starts.get(p).copied().flatten())
            {
                _ if m.place_of_row(i).is_none() => Span::raw(e.status.word()),
                Some(s) => Span::raw(hhmm(s)),
                None if has_slots => Span::styled("✗ none", t.error()),
                None => Span::raw("–"),
            },
        ),
    });
    Row::new(cells.collect::<Vec<_>>()).style(style)
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
