//! Colours, or with `NO_COLOR` none: the meaning is then kept with text, bold and reverse.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    /// Bold `fg` on `bg`, or reversed without colour: what must be seen across the room.
    fn banner(self, fg: Color, bg: Color) -> Style {
        if self.color {
            Style::new().fg(fg).bg(bg).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The countdown: green; amber in the last `warning` seconds (the list's setting, 30 by
    /// default); red at zero and in overtime.
    pub fn countdown(self, remaining: i64, warning: i64) -> Style {
        match (self.color, remaining) {
            (true, r) if r > warning => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            (true, r) if r > 0 => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            (true, _) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            (false, r) if r > warning => Style::new(),
            (false, r) if r > 0 => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    /// The flash of the countdown at zero (three seconds, presenter views): white on red, or
    /// reversed without colour, over the whole clock.
    pub fn flash(self) -> Style {
        self.banner(Color::White, Color::Red)
    }

    /// A paused countdown is dimmed in colour; without colour its word says it.
    pub fn paused(self) -> Style {
        self.fg(Color::Gray)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn rehearsal_banner(self) -> Style {
        self.banner(Color::Black, Color::Magenta)
    }

    pub fn not_saved_banner(self) -> Style {
        self.banner(Color::White, Color::Red)
    }

    /// REMOTE and VIDEO: the technicians must see them (R8).
    pub fn badge(self, urgent: bool) -> Style {
        if urgent {
            self.banner(Color::Black, Color::Cyan)
        } else {
            Style::new()
        }
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn priority(self) -> Style {
        self.fg(Color::LightYellow)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn marked(self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
