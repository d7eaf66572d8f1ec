//! The screen, one part per file, each `impl Widget for &Part`. `Screen` lays them out.

pub mod current;
pub mod header;
pub mod heard;
pub mod help;
pub mod popup;
pub mod presenter;
pub mod queue;
pub mod report;
pub mod status;
pub mod theme;
pub mod why;
pub mod wrap;

#[cfg(test)]
mod tests;

use crate::domain::Time;
use crate::tui::app::{Model, Popup, speed_words};
pub use presenter::Presenter;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use theme::Theme;

/// The smallest terminal the main screen is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The whole screen of the model at `now`.
pub struct Screen<'a> {
    pub model: &'a Model,
    pub now: Time,
}

impl<'a> Screen<'a> {
    pub fn new(model: &'a Model, now: Time) -> Screen<'a> {
        Screen { model, now }
    }
}

/// The rows of the NOT SAVED banner: two when the reason is long, for what to do must show.
fn not_saved_rows(reason: &str, width: u16) -> u16 {
    if reason.chars().count() + 1 > width as usize {
        2
    } else {
        1
    }
}

/// The area below the banners, where the report is drawn.
pub fn below_banners(m: &Model, area: Rect) -> Rect {
    let banners = u16::from(m.rehearsal.is_some())
        + m.not_saved
            .as_deref()
            .map_or(0, |e| not_saved_rows(e, area.width));
    Rect {
        y: area.y + banners.min(area.height),
        height: area.height.saturating_sub(banners),
        ..area
    }
}

/// Where the help's box stands on the screen below the banners.
pub fn help_area(rest: Rect) -> Rect {
    popup::centered(
        rest,
        rest.width.saturating_sub(4).min(100),
        rest.height.saturating_sub(2),
    )
}

/// Below this many rows the podium and why panels are compact.
pub const COMPACT_BELOW: u16 = 30;

/// The rows the queue shows, for PgUp / PgDn (the loop stores it in the model).
pub fn queue_page(area: Rect) -> usize {
    let others = if area.height < COMPACT_BELOW { 13 } else { 18 };
    (area.height as usize).saturating_sub(others).max(1)
}

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let m = self.model;
        let t = Theme::new(m.color);
        // Banners first: the rehearsal banner never leaves the screen, NOT SAVED stays until a
        // save succeeds.
        let mut rest = area;
        if let Some(speed) = m.rehearsal {
            let [banner, below] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
            let text = format!(
                " REHEARSAL · simulated clock ×{} · < slower · > faster · W save a copy · not the real list ",
                speed_words(speed)
            );
            Paragraph::new(Line::styled(text, t.rehearsal_banner()))
                .style(t.rehearsal_banner())
                .render(banner, buf);
            rest = below;
        }
        if let Some(e) = &m.not_saved {
            let rows = not_saved_rows(e, rest.width);
            let [banner, below] =
                Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(rest);
            Paragraph::new(Line::styled(format!(" {e}"), t.not_saved_banner()))
                .style(t.not_saved_banner())
                .wrap(Wrap { trim: false })
                .render(banner, buf);
            rest = below;
        }
        if rest.height == 0 {
            return;
        }
        if let Popup::Report { report, scroll } = &m.popup {
            (&report::ReportView::new(report, *scroll, m.color)).render(rest, buf);
            return;
        }
        if m.presenter
            && matches!(
                m.popup,
                Popup::None | Popup::Confirm(_) | Popup::Input { .. }
            )
        {
            let message = m.session.message.as_deref();
            let next = m
                .queue
                .iter()
                .take(3)
                .filter_map(|id| m.session.entry(*id))
                .collect();
            let p = Presenter::new(&m.session, self.now, message)
                .upcoming(next)
                .color(m.color);
            (&p).render(rest, buf);
            (&popup::PopupView {
                model: m,
                now: self.now,
                theme: t,
            })
                .render(rest, buf);
            return;
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = format!(
                "Enlarge the window: podium needs {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{}). The list is safe; t shows the clock at any size.",
                area.width, area.height
            );
            Paragraph::new(Line::styled(text, t.bold()))
                .wrap(Wrap { trim: true })
                .render(rest, buf);
            return;
        }
        let big = rest.height >= 40;
        // Below 30 rows the podium panel and the why panel are compact (their top border only,
        // the countdown in plain digits), so that at 80x24 the queue shows at least eight
        // entries with a speech running (SPEC section 4).
        let compact = rest.height < COMPACT_BELOW;
        let current_height = if big {
            12
        } else if compact {
            3
        } else {
            6
        };
        let heard_side = rest.width >= 110;
        // A long message or error takes a second line rather than being cut: the officer must
        // read the whole of a refusal to answer the delegation.
        let status_rows = status::StatusBar { model: m, theme: t }
            .rows_needed(rest.width)
            .clamp(1, 3);
        let why_part = why::Why {
            model: m,
            theme: t,
            compact,
        };
        // The why panel takes the rows its story needs, as long as the queue keeps seven (its
        // borders, its column headings and four rows); compact with a speech at the podium,
        // thirteen (eight entries and two headings of tiers).
        let base_why = if big {
            6
        } else if compact {
            2
        } else {
            4
        };
        let queue_keeps = if compact && m.session.speech.is_some() {
            13
        } else {
            7
        };
        let fixed = 1 + current_height + 1 + u16::from(!heard_side) + status_rows + 1;
        let spare = rest
            .height
            .saturating_sub(fixed)
            .saturating_sub(queue_keeps);
        let why_height = why_part
            .rows_needed(rest.width)
            .clamp(base_why, spare.max(base_why));
        let [
            header,
            current,
            body,
            why,
            summary,
            heard_line,
            status,
            hints,
        ] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(current_height),
            Constraint::Fill(1),
            Constraint::Length(why_height),
            Constraint::Length(1),
            Constraint::Length(u16::from(!heard_side)),
            Constraint::Length(status_rows),
            Constraint::Length(1),
        ])
        .areas(rest);
        (&header::Header {
            model: m,
            now: self.now,
            theme: t,
        })
            .render(header, buf);
        (&current::Current {
            model: m,
            now: self.now,
            theme: t,
            compact,
        })
            .render(current, buf);
        let queue_area = if heard_side {
            let [q, h] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(38)]).areas(body);
            (&heard::Heard {
                model: m,
                theme: t,
                one_line: false,
            })
                .render(h, buf);
            q
        } else {
            (&heard::Heard {
                model: m,
                theme: t,
                one_line: true,
            })
                .render(heard_line, buf);
            body
        };
        (&queue::Queue {
            model: m,
            now: self.now,
            theme: t,
        })
            .render(queue_area, buf);
        (&why_part).render(why, buf);
        (&status::Summary { model: m, theme: t }).render(summary, buf);
        (&status::StatusBar { model: m, theme: t }).render(status, buf);
        (&status::Hints { model: m, theme: t }).render(hints, buf);
        match &m.popup {
            Popup::Help { scroll } => {
                let r = help_area(rest);
                (&help::Help {
                    scroll: *scroll,
                    rehearsing: m.rehearsal.is_some(),
                    theme: t,
                    urls: m.screens.urls.clone(),
                })
                    .render(r, buf);
            }
            Popup::None => {}
            _ => (&popup::PopupView {
                model: m,
                now: self.now,
                theme: t,
            })
                .render(rest, buf),
        }
    }
}
