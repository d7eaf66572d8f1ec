//! The report on the screen (`r`): a full-screen, scrollable view of [`Report`], with a bar of
//! time used against each limit. The report itself is computed and worded in `crate::report`.

use crate::domain::text::clip;
use crate::domain::{fmt_seconds, fmt_time};
use crate::report::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The report as a full-screen, scrollable view: a summary, a bar of time used against each
/// limit (the limit marked, overtime in red, or shaded without colour), the time by group, and
/// the lists of the plain-text report. Draws within any area, however small, without panicking.
pub struct ReportView<'a> {
    pub report: &'a Report,
    /// The first line shown; clamped so the view never scrolls past its end.
    pub scroll: u16,
    /// False under NO_COLOR: no colours at all, the bars told apart by their characters.
    pub color: bool,
}

/// The characters of the bars: time within the limit, overtime, the limit mark.
const BAR: char = '█';
const OVER_NO_COLOR: char = '▒';
const LIMIT_MARK: char = '┃';

impl<'a> ReportView<'a> {
    pub fn new(report: &'a Report, scroll: u16, color: bool) -> ReportView<'a> {
        ReportView {
            report,
            scroll,
            color,
        }
    }

    fn style(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    fn heading(&self, text: &str) -> Line<'static> {
        Line::from(Span::styled(
            text.to_string(),
            self.style(Color::Cyan).add_modifier(Modifier::BOLD),
        ))
    }

    /// The number of lines the content takes at this inner width: what the caller needs to
    /// clamp its scroll offset or show a scroll bar.
    pub fn content_height(&self, width: u16) -> usize {
        self.lines(width).len()
    }

    /// The largest useful scroll offset for an area of this size (the border included).
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let inner = area.height.saturating_sub(2) as usize;
        let total = self.content_height(area.width.saturating_sub(2));
        u16::try_from(total.saturating_sub(inner)).unwrap_or(u16::MAX)
    }

    /// One bar: `label  ████████┃███  3:20/3:00 +0:20`, scaled so that `scale` seconds fill
    /// the bar's width.
    fn bar(&self, width: u16, label: &str, used: i64, limit: i64, scale: i64) -> Line<'static> {
        let width = usize::from(width);
        let label_w = (width / 3).clamp(6, 28);
        let figures = format!(
            "{}/{} {}",
            fmt_seconds(used),
            fmt_seconds(limit),
            over_words((used - limit).max(0))
        );
        let figures_w = 17;
        let bar_w = width.saturating_sub(label_w + figures_w + 3);
        let mut spans = vec![Span::raw(format!("{:<label_w$} ", clip(label, label_w)))];
        if bar_w >= 4 && scale > 0 {
            // Cells are whole numbers of the bar's width; the arithmetic is in i128 so that no
            // figure, however large, overflows.
            let cells = |secs: i64| -> usize {
                let c = i128::from(secs.max(0)) * bar_w as i128 / i128::from(scale);
                usize::try_from(c.clamp(0, bar_w as i128)).unwrap_or(bar_w)
            };
            let (u, l) = (cells(used), cells(limit).min(bar_w.saturating_sub(1)));
            let within: String = std::iter::repeat_n(BAR, u.min(l)).collect();
            let over_char = if self.color { BAR } else { OVER_NO_COLOR };
            let over: String = std::iter::repeat_n(over_char, u.saturating_sub(l + 1)).collect();
            let gap = l.saturating_sub(u);
            spans.push(Span::styled(within, self.style(Color::Green)));
            spans.push(Span::raw(" ".repeat(gap)));
            spans.push(Span::styled(
                LIMIT_MARK.to_string(),
                self.style(Color::Yellow).add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::styled(over.clone(), self.style(Color::Red)));
            let drawn = u.min(l) + gap + 1 + over.chars().count();
            spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(drawn) + 1)));
        }
        let figures_style = if used > limit {
            self.style(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        spans.push(Span::styled(figures, figures_style));
        Line::from(spans)
    }

    /// Every line of the view at this inner width.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let r = self.report;
        let mut out: Vec<Line<'static>> = Vec::new();
        let w = usize::from(width);
        let text = |out: &mut Vec<Line<'static>>, t: &str, first: usize, rest: usize| {
            out.extend(wrap(t, w, first, rest).into_iter().map(Line::from));
        };
        text(
            &mut out,
            &format!("As at {}. {} waiting.", fmt_time(r.at), r.waiting),
            0,
            2,
        );
        text(&mut out, &r.summary(), 0, 2);
        if let Some(c) = r.current_line() {
            text(&mut out, &c, 0, 2);
        }
        out.push(Line::default());

        out.push(self.heading("Time used against the limit (┃ marks the limit)"));
        let scale = r
            .heard
            .iter()
            .chain(r.current.as_ref())
            .map(|h| h.used_seconds.max(h.limit_seconds))
            .max()
            .unwrap_or(0);
        if r.heard.is_empty() && r.current.is_none() {
            out.push(Line::from("  nobody heard yet"));
        }
        for h in &r.heard {
            out.push(self.bar(width, &h.title, h.used_seconds, h.limit_seconds, scale));
        }
        if let Some(c) = &r.current {
            out.push(self.bar(
                width,
                &format!("{} (now)", c.title),
                c.used_seconds,
                c.limit_seconds,
                scale,
            ));
        }
        out.push(Line::default());

        out.push(self.heading("Overruns"));
        if r.overruns.is_empty() {
            out.push(Line::from("  none"));
        }
        for o in &r.overruns {
            out.push(Line::from(vec![
                Span::raw(format!("  {} ({}): ", o.title, o.speaker)),
                Span::styled(
                    format!("+{}", fmt_seconds(o.over_seconds)),
                    self.style(Color::Red).add_modifier(Modifier::BOLD),
                ),
                Span::raw(format!(
                    ", {} of {}",
                    fmt_seconds(o.used_seconds),
                    fmt_seconds(o.limit_seconds)
                )),
            ]));
        }
        out.push(Line::default());

        out.push(self.heading("Time by regional group"));
        let group_scale = r.by_group.iter().map(|g| g.seconds).max().unwrap_or(0);
        // The groups' full names fit from 80 columns up; narrower, they are cut.
        let longest = r.by_group.iter().map(|g| g.group.chars().count()).max();
        let label_w = longest.unwrap_or(6).clamp(6, (w / 2).max(6));
        let figures_w = 18;
        let bar_w = w.saturating_sub(label_w + figures_w + 3);
        for g in &r.by_group {
            let cells = if group_scale > 0 && bar_w >= 4 {
                let c = i128::from(g.seconds.max(0)) * bar_w as i128 / i128::from(group_scale);
                usize::try_from(c).unwrap_or(bar_w).min(bar_w)
            } else {
                0
            };
            let mut spans = vec![Span::raw(format!("{:<label_w$} ", clip(&g.group, label_w)))];
            if bar_w >= 4 {
                spans.push(Span::styled(
                    std::iter::repeat_n(BAR, cells).collect::<String>(),
                    self.style(Color::Blue),
                ));
                spans.push(Span::raw(" ".repeat(bar_w - cells + 1)));
            }
            spans.push(Span::raw(format!(
                "{:>8}, {} heard",
                fmt_seconds(g.seconds),
                g.speakers
            )));
            out.push(Line::from(spans));
        }
        out.push(Line::default());

        for sec in r.floor_sections() {
            out.push(self.heading(&sec.heading));
            if sec.lines.is_empty() {
                out.push(Line::from("  none"));
            }
            for l in &sec.lines {
                text(&mut out, l, 2, 4);
            }
            out.push(Line::default());
        }

        out.push(self.heading("Withdrawn"));
        if r.withdrawn.is_empty() {
            out.push(Line::from("  none"));
        }
        for wd in &r.withdrawn {
            text(&mut out, &Report::withdrawn_line(wd), 2, 4);
        }
        let mut events = |heading: &str, list: &[Event], always: bool| {
            if list.is_empty() && !always {
                return;
            }
            out.push(Line::default());
            out.push(self.heading(heading));
            if list.is_empty() {
                out.push(Line::from("  none"));
            }
            for e in list {
                text(&mut out, &format!("{}: {}", fmt_time(e.at), e.text), 2, 4);
                if let Some(reason) = &e.reason {
                    let style = self.style(Color::Yellow);
                    out.extend(
                        wrap(&format!("reason: {reason}"), w, 4, 6)
                            .into_iter()
                            .map(|l| Line::from(Span::styled(l, style))),
                    );
                }
            }
        };
        events("Changed by override (and why)", &r.overrides, true);
        events("Swaps", &r.swaps, true);
        events("Replacements", &r.replacements, true);
        for sec in r.time_sections().into_iter().chain(r.undo_section()) {
            out.push(Line::default());
            out.push(self.heading(&sec.heading));
            for l in &sec.lines {
                text(&mut out, l, 2, 4);
            }
        }
        out
    }
}

impl Widget for &ReportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let inner_w = area.width.saturating_sub(2);
        let lines = self.lines(inner_w);
        let inner_h = usize::from(area.height.saturating_sub(2));
        let max = lines.len().saturating_sub(inner_h);
        let top = usize::from(self.scroll).min(max);
        let shown = format!(
            " lines {}-{} of {} ",
            (top + 1).min(lines.len()),
            (top + inner_h).min(lines.len()),
            lines.len()
        );
        let block = Block::bordered()
            .title(Line::from(format!(" Report: {} ", self.report.title)))
            .title_bottom(Line::from(" ↑↓ PgUp PgDn scroll · Esc back "))
            .title_bottom(Line::from(shown).right_aligned())
            .border_style(self.style(Color::Cyan));
        let inner = block.inner(area);
        block.render(area, buf);
        for (i, line) in lines
            .iter()
            .skip(top)
            .take(usize::from(inner.height))
            .enumerate()
        {
            // `i` is below inner.height, itself a u16.
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            buf.set_line(inner.x, y, line, inner.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inscription, Level, Session, Settings};
    use crate::report::fixtures::{session, t};

    fn render(r: &Report, w: u16, h: u16, scroll: u16, color: bool) -> Buffer {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&ReportView::new(r, scroll, color)).render(area, &mut buf);
        buf
    }

    fn text(buf: &Buffer) -> String {
        let area = buf.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_view_draws_bars_against_the_limit_at_80x24() {
        let r = Report::compute(&session(), t("10:20:00"));
        let buf = render(&r, 80, 24, 0, true);
        let screen = text(&buf);
        assert!(screen.contains("Report: Test"), "{screen}");
        assert!(screen.contains("Time used against the limit"), "{screen}");
        let ghana = screen.lines().find(|l| l.contains("Ghana")).unwrap();
        assert!(ghana.contains(LIMIT_MARK), "{ghana}");
        assert!(ghana.contains("3:20/3:00 +0:20"), "{ghana}");
        // Overtime is red, and some cell of the bar is green.
        let y = screen.lines().position(|l| l.contains("Ghana")).unwrap() as u16;
        let fgs: Vec<Color> = (0..80).map(|x| buf[(x, y)].fg).collect();
        assert!(fgs.contains(&Color::Red));
        assert!(fgs.contains(&Color::Green));
    }

    #[test]
    fn without_colour_no_cell_is_coloured_and_overtime_is_shaded() {
        let r = Report::compute(&session(), t("10:20:00"));
        let buf = render(&r, 80, 24, 0, false);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset);
            assert_eq!(cell.bg, Color::Reset);
        }
        let screen = text(&buf);
        let ghana = screen.lines().find(|l| l.contains("Ghana")).unwrap();
        assert!(ghana.contains(OVER_NO_COLOR), "{ghana}");
    }

    #[test]
    fn the_view_shows_the_floor_sections_and_the_two_time_lines() {
        let r = Report::compute(&session(), t("10:20:00"));
        let all: Vec<String> = ReportView::new(&r, 0, false)
            .lines(200)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        let all = all.join("\n");
        for want in [
            "Absences",
            "#3 Peru (Ana), absent when called; the setting drop: dropped from the list",
            "Points of order",
            "Pauses",
            "Extra time granted: 0:30 in all (1 time)",
            "Time taken away: none",
        ] {
            assert!(all.contains(want), "missing {want:?} in\n{all}");
        }
    }

    #[test]
    fn scrolling_moves_the_content_and_stops_at_its_end() {
        let r = Report::compute(&session(), t("10:20:00"));
        let view = ReportView::new(&r, 0, true);
        let area = Rect::new(0, 0, 80, 10);
        let max = view.max_scroll(area);
        assert!(max > 0);
        let top = text(&render(&r, 80, 10, 0, true));
        let scrolled = text(&render(&r, 80, 10, 3, true));
        assert_ne!(top, scrolled);
        // Past the end, the view stays at its last page.
        assert_eq!(
            text(&render(&r, 80, 10, u16::MAX, true)),
            text(&render(&r, 80, 10, max, true))
        );
        let last = text(&render(&r, 80, 10, max, true));
        assert!(last.contains("Replacements"), "{last}");
    }

    #[test]
    fn lines_fit_the_width_and_tiny_areas_do_not_panic() {
        let r = Report::compute(&session(), t("10:20:00"));
        for w in [40u16, 80, 120, 200] {
            for line in ReportView::new(&r, 0, true).lines(w) {
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                // The bar lines (the heading names the mark too, and is short).
                if text.contains("/3:00") || text.contains(BAR) {
                    assert!(line.width() <= usize::from(w), "{w}: {text}");
                }
            }
        }
        for w in 0..14 {
            for h in 0..6 {
                let _ = render(&r, w, h, 2, true);
            }
        }
        // An empty list, and a huge overrun, draw too.
        let empty = Report::compute(
            &Session::new("E", Settings::default(), t("09:00:00")),
            t("10:00:00"),
        );
        assert!(text(&render(&empty, 80, 24, 0, false)).contains("nobody heard yet"));
        let mut s = session();
        s.add(
            Inscription::new("Chile", "Juan", Level::Delegate),
            t("10:00:00"),
        )
        .unwrap();
        s.next(t("10:30:00")).unwrap();
        let long = Report::compute(&s, t("23:59:59"));
        let screen = text(&render(&long, 80, 24, 0, true));
        assert!(screen.contains("(now)"), "{screen}");
    }
}
