//! The height of wrapped text, for the popups and panels that size themselves to it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// How many rows `lines` take once wrapped to `width` columns, as a `Paragraph` with `wrap`
/// draws them. Popups and panels size themselves with it, so that no line, an error least of
/// all, falls below their bottom edge. When every line fits, as on most frames, each takes one
/// row; only when one is wider are they measured, by drawing them on a scratch buffer (the
/// paragraph's own line count is an unstable feature).
pub fn wrapped_rows(lines: &[Line<'_>], width: u16, wrap: Wrap) -> u16 {
    // ratatui 0.30 panics wrapping a wide character (Chinese, Japanese) into exactly two
    // columns; nothing legible fits in two columns anyway, so no measuring there.
    if width <= 2 || lines.iter().all(|l| l.width() <= width as usize) {
        return lines.len() as u16;
    }
    let most: usize = lines
        .iter()
        .map(|l| l.width() / width as usize + 2)
        .sum::<usize>()
        .min(500);
    let area = Rect::new(0, 0, width, most as u16);
    let mut buf = Buffer::empty(area);
    Paragraph::new(lines.to_vec())
        .wrap(wrap)
        .render(area, &mut buf);
    let used = (0..area.height)
        .rev()
        .find(|y| (0..width).any(|x| buf[(x, *y)].symbol() != " "))
        .map(|y| y + 1)
        .unwrap_or(0);
    // A blank last line (a spacer) is still a row.
    used.max(lines.len() as u16).min(area.height.max(1))
}
