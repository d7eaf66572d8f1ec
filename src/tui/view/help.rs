//! The `?` screen: every key, built from the keymap.

use super::theme::Theme;
use crate::tui::keymap::{self, KeyMode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

pub struct Help {
    pub scroll: u16,
    pub rehearsing: bool,
    pub theme: Theme,
    /// The addresses of the room's screens, key included, when the desk serves them.
    pub urls: Vec<String>,
}

/// The addresses of the room's screens, above the keys.
fn screens(urls: &[String], theme: Theme) -> Vec<Line<'static>> {
    if urls.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::styled(
        "The room's screens (a browser)",
        theme.heading(),
    )];
    for (what, url) in ["presenter", "speaker's monitor"].iter().zip(urls) {
        out.push(Line::from(Span::styled(format!("  {what}"), theme.dim())));
        out.push(Line::from(Span::styled(format!("  {url}"), theme.key())));
    }
    out.push(Line::from(""));
    out
}

/// The help's lines: one heading per mode, one line per key.
pub fn lines(rehearsing: bool, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in KeyMode::ALL {
        let keys: Vec<_> = keymap::bindings(mode, rehearsing).collect();
        if keys.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::styled(mode.title(), theme.heading()));
        for b in keys {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<10}", b.keys), theme.key()),
                Span::raw(b.does),
            ]));
        }
    }
    out
}

/// The furthest the help scrolls when drawn in `area` (its box, borders included).
pub fn max_scroll(rehearsing: bool, urls: &[String], area: Rect) -> u16 {
    let inner = area.height.saturating_sub(2) as usize;
    u16::try_from(
        (screens(urls, Theme::new(false)).len() + lines(rehearsing, Theme::new(false)).len())
            .saturating_sub(inner),
    )
    .unwrap_or(u16::MAX)
}

impl Widget for &Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::bordered().title(Line::styled(
            " Keys — Esc closes, ↑/↓ scroll ",
            self.theme.bold(),
        ));
        let max = max_scroll(self.rehearsing, &self.urls, area);
        let mut text = screens(&self.urls, self.theme);
        text.extend(lines(self.rehearsing, self.theme));
        Paragraph::new(text)
            .block(block)
            .scroll((self.scroll.min(max), 0))
            .render(area, buf);
    }
}
