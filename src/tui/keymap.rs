//! The one table of keys: (mode, key) -> message, with a description. It feeds the key-hint
//! line, the `?` help screen and `docs/screen.md`, so they never disagree with what keys do.

use super::msg::Msg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Which keys apply: the topmost thing on the screen decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    /// Every mode (Ctrl-c).
    Any,
    /// The main screen: the queue, the current speaker.
    Main,
    /// Swapping: one entry marked, moving to the other.
    Swap,
    /// The big presenter clock.
    Presenter,
    /// The add and replace forms.
    Form,
    /// A one-line input: find, message, a setting's value, a path.
    Input,
    /// The settings screen.
    Settings,
    /// A yes/no question.
    Confirm,
    /// The help screen.
    Help,
    /// The report (r).
    Report,
}

impl KeyMode {
    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Any => "Everywhere",
            KeyMode::Main => "Main screen",
            KeyMode::Swap => "Swapping (after s)",
            KeyMode::Presenter => "Presenter clock (t)",
            KeyMode::Form => "Add and replace forms",
            KeyMode::Input => "One-line inputs (find, message, a setting, a path)",
            KeyMode::Settings => "Settings (o)",
            KeyMode::Confirm => "Questions",
            KeyMode::Help => "This help",
            KeyMode::Report => "The report (r)",
        }
    }

    /// Modes where a typed character is text, not a command.
    pub fn takes_text(self) -> bool {
        matches!(self, KeyMode::Form | KeyMode::Input)
    }

    pub const ALL: [KeyMode; 10] = [
        KeyMode::Main,
        KeyMode::Swap,
        KeyMode::Presenter,
        KeyMode::Form,
        KeyMode::Input,
        KeyMode::Settings,
        KeyMode::Confirm,
        KeyMode::Help,
        KeyMode::Report,
        KeyMode::Any,
    ];
}

/// One line of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: KeyMode,
    pub code: KeyCode,
    pub ctrl: bool,
    pub msg: Msg,
    /// How the key is written in the hints and the help ("Space", "Ctrl-r").
    pub keys: &'static str,
    pub does: &'static str,
    /// Its word on the key-hint line ("" keeps it off the line).
    pub hint: &'static str,
    /// Only in a rehearsal.
    pub rehearsal: bool,
}

const fn b(
    mode: KeyMode,
    code: KeyCode,
    msg: Msg,
    keys: &'static str,
    does: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        mode,
        code,
        ctrl: false,
        msg,
        keys,
        does,
        hint,
        rehearsal: false,
    }
}

const fn ctrl(mode: KeyMode, c: char, msg: Msg, keys: &'static str, does: &'static str) -> Binding {
    Binding {
        mode,
        code: KeyCode::Char(c),
        ctrl: true,
        msg,
        keys,
        does,
        hint: "",
        rehearsal: false,
    }
}

const fn rehearsal(
    mode: KeyMode,
    c: char,
    msg: Msg,
    keys: &'static str,
    does: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        mode,
        code: KeyCode::Char(c),
        ctrl: false,
        msg,
        keys,
        does,
        hint,
        rehearsal: true,
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use KeyMode::{Any, Confirm, Form, Help, Input, Main, Presenter, Report, Settings, Swap};

/// The table. Order matters only for display; the first match wins.
pub const BINDINGS: &[Binding] = &[
    // ----- main screen -----
    b(
        Main,
        Char('a'),
        Msg::Add,
        "a",
        "add an inscription (a form)",
        "add",
    ),
    b(
        Main,
        Char('e'),
        Msg::Replace,
        "e",
        "replace the selected entry's speaker",
        "replace",
    ),
    b(
        Main,
        Char('s'),
        Msg::Swap,
        "s",
        "swap: mark the selected entry, move to the other, s again",
        "swap",
    ),
    b(
        Main,
        Char('w'),
        Msg::Withdraw,
        "w",
        "withdraw the selected entry (asks first)",
        "withdraw",
    ),
    b(
        Main,
        Char('n'),
        Msg::Next,
        "n",
        "next speaker: end the current speech, call the first waiting",
        "next",
    ),
    b(
        Main,
        Char(' '),
        Msg::Pause,
        "Space",
        "pause / resume the current timer",
        "pause",
    ),
    b(
        Main,
        Char('p'),
        Msg::PointOfOrder,
        "p",
        "point of order: pause, marked as such",
        "point of order",
    ),
    b(
        Main,
        Char('+'),
        Msg::MoreTime,
        "+",
        "add 30 seconds to the current speaker's time",
        "+30s",
    ),
    b(
        Main,
        Char('-'),
        Msg::LessTime,
        "-",
        "take 30 seconds from the current speaker's time",
        "",
    ),
    b(
        Main,
        Char('u'),
        Msg::Undo,
        "u",
        "undo the last change",
        "undo",
    ),
    ctrl(Main, 'r', Msg::Redo, "Ctrl-r", "redo what was undone"),
    b(Main, Char('/'), Msg::Find, "/", "find a delegation", "find"),
    b(
        Main,
        Char('t'),
        Msg::Presenter,
        "t",
        "the big presenter clock, and back",
        "clock",
    ),
    b(
        Main,
        Char('m'),
        Msg::Message,
        "m",
        "message to the speaker: the editor opens empty (Enter on empty clears it)",
        "",
    ),
    b(
        Main,
        Char('1'),
        Msg::Preset(1),
        "1",
        "send ready-made message 1 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('2'),
        Msg::Preset(2),
        "2",
        "send ready-made message 2 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('3'),
        Msg::Preset(3),
        "3",
        "send ready-made message 3 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('4'),
        Msg::Preset(4),
        "4",
        "send ready-made message 4 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('5'),
        Msg::Preset(5),
        "5",
        "send ready-made message 5 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('6'),
        Msg::Preset(6),
        "6",
        "send ready-made message 6 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('7'),
        Msg::Preset(7),
        "7",
        "send ready-made message 7 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('8'),
        Msg::Preset(8),
        "8",
        "send ready-made message 8 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('9'),
        Msg::Preset(9),
        "9",
        "send ready-made message 9 (settings, messages) to the speaker",
        "",
    ),
    b(
        Main,
        Char('0'),
        Msg::ClearMessage,
        "0",
        "clear the message to the speaker",
        "",
    ),
    b(
        Main,
        Char('b'),
        Msg::Absent,
        "b",
        "the speaker is absent when called (absent setting applies)",
        "",
    ),
    b(
        Main,
        Char('o'),
        Msg::Settings,
        "o",
        "settings: limits, window, slots, order, absent, start-on-call, messages, warning",
        "",
    ),
    b(
        Main,
        Char('r'),
        Msg::Report,
        "r",
        "the report: who spoke, time used against the limits, overruns",
        "",
    ),
    b(Main, Char('?'), Msg::Help, "?", "all keys", "help"),
    b(
        Main,
        Enter,
        Msg::Card,
        "Enter",
        "the selected entry's card: every field and its log; correct, record, reinstate",
        "card",
    ),
    b(
        Main,
        Char('v'),
        Msg::ShowAll,
        "v",
        "show or hide the heard and withdrawn entries among the queue",
        "",
    ),
    b(
        Main,
        Char('q'),
        Msg::Quit,
        "q",
        "quit (asks first while a timer runs)",
        "quit",
    ),
    b(Main, Up, Msg::Up, "Up", "move up", ""),
    b(Main, Char('k'), Msg::Up, "k", "move up", ""),
    b(Main, Down, Msg::Down, "Down", "move down", ""),
    b(Main, Char('j'), Msg::Down, "j", "move down", ""),
    b(Main, Char('g'), Msg::Top, "g", "first of the queue", ""),
    b(Main, Home, Msg::Top, "Home", "first of the queue", ""),
    b(Main, Char('G'), Msg::Bottom, "G", "last of the queue", ""),
    b(Main, End, Msg::Bottom, "End", "last of the queue", ""),
    b(Main, PageUp, Msg::PageUp, "PgUp", "a page up", ""),
    b(Main, PageDown, Msg::PageDown, "PgDn", "a page down", ""),
    b(Main, Esc, Msg::Close, "Esc", "clear the message line", ""),
    rehearsal(
        Main,
        '<',
        Msg::Slower,
        "<",
        "rehearsal: halve the clock speed",
        "slower",
    ),
    rehearsal(
        Main,
        '>',
        Msg::Faster,
        ">",
        "rehearsal: double the clock speed",
        "faster",
    ),
    rehearsal(
        Main,
        'W',
        Msg::SaveCopy,
        "W",
        "rehearsal: save a copy of the rehearsal to a path",
        "save copy",
    ),
    // ----- swapping -----
    b(
        Swap,
        Char('s'),
        Msg::Swap,
        "s",
        "confirm the swap with the selected entry",
        "confirm swap",
    ),
    b(Swap, Esc, Msg::Close, "Esc", "cancel the swap", "cancel"),
    b(Swap, Up, Msg::Up, "Up", "move up", ""),
    b(Swap, Char('k'), Msg::Up, "k", "move up", "up"),
    b(Swap, Down, Msg::Down, "Down", "move down", ""),
    b(Swap, Char('j'), Msg::Down, "j", "move down", "down"),
    b(Swap, Char('g'), Msg::Top, "g", "first of the queue", ""),
    b(Swap, Char('G'), Msg::Bottom, "G", "last of the queue", ""),
    b(Swap, PageUp, Msg::PageUp, "PgUp", "a page up", ""),
    b(Swap, PageDown, Msg::PageDown, "PgDn", "a page down", ""),
    // ----- presenter clock -----
    b(
        Presenter,
        Char('t'),
        Msg::Presenter,
        "t",
        "back to the list",
        "back",
    ),
    b(Presenter, Esc, Msg::Close, "Esc", "back to the list", ""),
    b(Presenter, Char('n'), Msg::Next, "n", "next speaker", "next"),
    b(
        Presenter,
        Char(' '),
        Msg::Pause,
        "Space",
        "pause / resume",
        "pause",
    ),
    b(
        Presenter,
        Char('p'),
        Msg::PointOfOrder,
        "p",
        "point of order",
        "point of order",
    ),
    b(
        Presenter,
        Char('+'),
        Msg::MoreTime,
        "+",
        "30 seconds more",
        "+30s",
    ),
    b(
        Presenter,
        Char('-'),
        Msg::LessTime,
        "-",
        "30 seconds less",
        "-30s",
    ),
    b(
        Presenter,
        Char('m'),
        Msg::Message,
        "m",
        "message to the speaker",
        "message",
    ),
    b(
        Presenter,
        Char('1'),
        Msg::Preset(1),
        "1",
        "send ready-made message 1 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('2'),
        Msg::Preset(2),
        "2",
        "send ready-made message 2 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('3'),
        Msg::Preset(3),
        "3",
        "send ready-made message 3 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('4'),
        Msg::Preset(4),
        "4",
        "send ready-made message 4 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('5'),
        Msg::Preset(5),
        "5",
        "send ready-made message 5 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('6'),
        Msg::Preset(6),
        "6",
        "send ready-made message 6 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('7'),
        Msg::Preset(7),
        "7",
        "send ready-made message 7 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('8'),
        Msg::Preset(8),
        "8",
        "send ready-made message 8 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('9'),
        Msg::Preset(9),
        "9",
        "send ready-made message 9 (settings, messages) to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('0'),
        Msg::ClearMessage,
        "0",
        "clear the message to the speaker",
        "",
    ),
    b(
        Presenter,
        Char('q'),
        Msg::Quit,
        "q",
        "quit (asks first while a timer runs)",
        "quit",
    ),
    rehearsal(
        Presenter,
        '<',
        Msg::Slower,
        "<",
        "rehearsal: slower clock",
        "slower",
    ),
    rehearsal(
        Presenter,
        '>',
        Msg::Faster,
        ">",
        "rehearsal: faster clock",
        "faster",
    ),
    // ----- forms -----
    b(
        Form,
        Tab,
        Msg::FocusNext,
        "Tab",
        "next field (in the delegation: take the suggestion)",
        "next field",
    ),
    b(
        Form,
        BackTab,
        Msg::FocusPrev,
        "Shift-Tab",
        "previous field",
        "previous",
    ),
    b(
        Form,
        Down,
        Msg::Down,
        "Down",
        "next suggestion, or next field",
        "suggestion",
    ),
    b(
        Form,
        Up,
        Msg::Up,
        "Up",
        "previous suggestion, or previous field",
        "",
    ),
    b(
        Form,
        Left,
        Msg::Left,
        "Left",
        "previous choice (level, group, category, mode)",
        "choice",
    ),
    b(Form, Right, Msg::Right, "Right", "next choice", "choice"),
    b(
        Form,
        Backspace,
        Msg::Backspace,
        "Backspace",
        "delete a character",
        "",
    ),
    b(Form, Enter, Msg::Submit, "Enter", "save", "save"),
    b(Form, Esc, Msg::Close, "Esc", "cancel", "cancel"),
    // ----- one-line inputs -----
    b(Input, Enter, Msg::Submit, "Enter", "done", "done"),
    b(Input, Esc, Msg::Close, "Esc", "cancel", "cancel"),
    b(
        Input,
        Backspace,
        Msg::Backspace,
        "Backspace",
        "delete a character",
        "",
    ),
    ctrl(Input, 'u', Msg::ClearField, "Ctrl-u", "clear the field"),
    b(Input, Down, Msg::Down, "Down", "find: next match", ""),
    b(Input, Up, Msg::Up, "Up", "find: previous match", ""),
    // ----- settings -----
    b(Settings, Up, Msg::Up, "Up", "previous setting", "previous"),
    b(Settings, Char('k'), Msg::Up, "k", "previous setting", ""),
    b(Settings, Down, Msg::Down, "Down", "next setting", "next"),
    b(Settings, Char('j'), Msg::Down, "j", "next setting", ""),
    b(
        Settings,
        Enter,
        Msg::Submit,
        "Enter",
        "change the setting",
        "change",
    ),
    b(Settings, Esc, Msg::Close, "Esc", "close", "close"),
    b(
        Settings,
        Char(' '),
        Msg::Char(' '),
        "Space",
        "turn an on/off setting",
        "on/off",
    ),
    // ----- questions -----
    b(Confirm, Char('y'), Msg::Yes, "y", "yes", "yes"),
    b(Confirm, Char('Y'), Msg::Yes, "Y", "yes", ""),
    b(Confirm, Char('n'), Msg::No, "n", "no", "no"),
    b(Confirm, Char('N'), Msg::No, "N", "no", ""),
    b(Confirm, Esc, Msg::No, "Esc", "no", "no"),
    // ----- help -----
    b(Help, Esc, Msg::Close, "Esc", "close the help", "close"),
    b(Help, Char('?'), Msg::Close, "?", "close the help", ""),
    b(Help, Char('q'), Msg::Close, "q", "close the help", ""),
    b(Help, Down, Msg::Down, "Down", "scroll", "scroll"),
    b(Help, Char('j'), Msg::Down, "j", "scroll", ""),
    b(Help, Up, Msg::Up, "Up", "scroll", "scroll"),
    b(Help, Char('k'), Msg::Up, "k", "scroll", ""),
    b(Help, PageDown, Msg::PageDown, "PgDn", "scroll a page", ""),
    b(Help, PageUp, Msg::PageUp, "PgUp", "scroll a page", ""),
    // ----- the report -----
    b(Report, Esc, Msg::Close, "Esc", "back to the list", "back"),
    b(Report, Char('r'), Msg::Close, "r", "back to the list", ""),
    b(Report, Char('q'), Msg::Close, "q", "back to the list", ""),
    b(Report, Down, Msg::Down, "Down", "scroll", "scroll"),
    b(Report, Char('j'), Msg::Down, "j", "scroll", ""),
    b(Report, Up, Msg::Up, "Up", "scroll", ""),
    b(Report, Char('k'), Msg::Up, "k", "scroll", ""),
    b(Report, PageDown, Msg::PageDown, "PgDn", "scroll a page", ""),
    b(Report, PageUp, Msg::PageUp, "PgUp", "scroll a page", ""),
    b(Report, Char('g'), Msg::Top, "g", "the top", ""),
    b(Report, Char('G'), Msg::Bottom, "G", "the end", ""),
    // ----- everywhere -----
    ctrl(
        Any,
        'c',
        Msg::Quit,
        "Ctrl-c",
        "quit (asks first while a timer runs; Ctrl-c again quits)",
    ),
];

/// The bindings of a mode, as the help and the hints show them.
pub fn bindings(mode: KeyMode, rehearsing: bool) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.mode == mode && (rehearsing || !b.rehearsal))
}

fn matches(b: &Binding, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if alt || ctrl != b.ctrl {
        return false;
    }
    match (b.code, key.code) {
        // Shift is how '?', '+', 'G', '<' are typed: the character says it all.
        (Char(x), Char(y)) => x == y,
        // Some terminals send Shift-Tab as Tab with Shift.
        (BackTab, Tab) => key.modifiers.contains(KeyModifiers::SHIFT),
        (Tab, Tab) => !key.modifiers.contains(KeyModifiers::SHIFT),
        (x, y) => x == y,
    }
}

/// The message a key asks for in a mode: only key presses count (never releases or repeats of
/// a release), so no key acts twice where the terminal reports both.
pub fn lookup(mode: KeyMode, key: &KeyEvent, rehearsing: bool) -> Option<Msg> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if let Some(b) = bindings(mode, rehearsing)
        .chain(bindings(Any, rehearsing))
        .find(|b| matches(b, key))
    {
        return Some(b.msg);
    }
    if mode.takes_text()
        && let Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Msg::Char(c));
    }
    None
}

/// The key-hint line of a mode: ("a", "add"), ("n", "next"), …
pub fn hints(mode: KeyMode, rehearsing: bool) -> Vec<(&'static str, &'static str)> {
    bindings(mode, rehearsing)
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.keys, b.hint))
        .collect()
}

/// The keys as Markdown, for `docs/screen.md` (a test keeps the file identical).
pub fn markdown() -> String {
    let mut out = String::new();
    for mode in KeyMode::ALL {
        out.push_str(&format!(
            "### {}\n\n| key | does |\n|---|---|\n",
            mode.title()
        ));
        for b in bindings(mode, true) {
            let keys = b.keys.replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} |\n", b.does));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_key_of_spec_section_4_is_bound_on_the_main_screen() {
        let spec = [
            ('a', Msg::Add),
            ('e', Msg::Replace),
            ('s', Msg::Swap),
            ('w', Msg::Withdraw),
            ('n', Msg::Next),
            (' ', Msg::Pause),
            ('p', Msg::PointOfOrder),
            ('+', Msg::MoreTime),
            ('-', Msg::LessTime),
            ('u', Msg::Undo),
            ('/', Msg::Find),
            ('t', Msg::Presenter),
            ('m', Msg::Message),
            ('b', Msg::Absent),
            ('o', Msg::Settings),
            ('r', Msg::Report),
            ('?', Msg::Help),
            ('q', Msg::Quit),
            ('j', Msg::Down),
            ('k', Msg::Up),
            ('g', Msg::Top),
            ('G', Msg::Bottom),
        ];
        for (c, msg) in spec {
            assert_eq!(lookup(Main, &press(Char(c)), false), Some(msg), "key {c:?}");
        }
        let ctrl_r = KeyEvent::new(Char('r'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Main, &ctrl_r, false), Some(Msg::Redo));
        let ctrl_c = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
        for mode in KeyMode::ALL {
            assert_eq!(lookup(mode, &ctrl_c, false), Some(Msg::Quit), "{mode:?}");
        }
        assert_eq!(lookup(Main, &press(Up), false), Some(Msg::Up));
        assert_eq!(lookup(Main, &press(Down), false), Some(Msg::Down));
        assert_eq!(lookup(Main, &press(PageUp), false), Some(Msg::PageUp));
        assert_eq!(lookup(Main, &press(PageDown), false), Some(Msg::PageDown));
    }

    #[test]
    fn shifted_characters_match_their_character() {
        let shift_q = KeyEvent::new(Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Main, &shift_q, false), Some(Msg::Help));
        let shift_g = KeyEvent::new(Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Main, &shift_g, false), Some(Msg::Bottom));
    }

    #[test]
    fn only_presses_count() {
        let mut release = press(Char('n'));
        release.kind = KeyEventKind::Release;
        assert_eq!(lookup(Main, &release, false), None);
        let mut repeat = press(Char('n'));
        repeat.kind = KeyEventKind::Repeat;
        assert_eq!(lookup(Main, &repeat, false), None);
    }

    #[test]
    fn rehearsal_keys_only_in_a_rehearsal() {
        assert_eq!(lookup(Main, &press(Char('>')), false), None);
        assert_eq!(lookup(Main, &press(Char('>')), true), Some(Msg::Faster));
        assert_eq!(lookup(Main, &press(Char('<')), true), Some(Msg::Slower));
        assert_eq!(lookup(Main, &press(Char('W')), true), Some(Msg::SaveCopy));
    }

    #[test]
    fn forms_take_letters_as_text_and_keep_their_keys() {
        assert_eq!(lookup(Form, &press(Char('q')), false), Some(Msg::Char('q')));
        assert_eq!(lookup(Form, &press(Char(' ')), false), Some(Msg::Char(' ')));
        assert_eq!(lookup(Form, &press(Tab), false), Some(Msg::FocusNext));
        assert_eq!(lookup(Form, &press(Enter), false), Some(Msg::Submit));
        assert_eq!(lookup(Form, &press(Esc), false), Some(Msg::Close));
        assert_eq!(
            lookup(Input, &press(Char('n')), false),
            Some(Msg::Char('n'))
        );
        assert_eq!(lookup(Confirm, &press(Char('y')), false), Some(Msg::Yes));
        assert_eq!(lookup(Confirm, &press(Char('x')), false), None);
    }

    #[test]
    fn esc_closes_every_popup() {
        for mode in [
            Swap, Presenter, Form, Input, Settings, Confirm, Help, Report,
        ] {
            let msg = lookup(mode, &press(Esc), false);
            assert!(matches!(msg, Some(Msg::Close) | Some(Msg::No)), "{mode:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.code == b.code && a.ctrl == b.ctrl),
                    "{:?} {} bound twice",
                    a.mode,
                    a.keys
                );
            }
        }
    }

    #[test]
    fn the_hint_line_comes_from_the_table() {
        let h = hints(Main, false);
        assert!(h.contains(&("a", "add")));
        assert!(h.iter().any(|(k, _)| *k == "?"));
        assert!(!h.iter().any(|(k, _)| *k == ">"));
    }
}

#[cfg(test)]
mod docs {
    /// `docs/screen.md` lists exactly the keys of the table. `PODIUM_WRITE_DOCS=1 cargo test
    /// --lib keymap` rewrites its keys section after a change of the table.
    #[test]
    fn docs_screen_md_lists_the_keys_of_the_keymap() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screen.md");
        let doc = std::fs::read_to_string(path).unwrap_or_default();
        let (begin, end) = ("<!-- keys: begin -->\n", "<!-- keys: end -->");
        let keys = super::markdown();
        if std::env::var_os("PODIUM_WRITE_DOCS").is_some()
            && let (Some(a), Some(b)) = (doc.find(begin), doc.find(end))
        {
            let new = format!("{}{begin}{keys}{}", &doc[..a], &doc[b..]);
            std::fs::write(path, new).expect("docs/screen.md is writable");
            return;
        }
        assert!(
            doc.contains(&format!("{begin}{keys}{end}")),
            "docs/screen.md does not list the keys of the keymap: run PODIUM_WRITE_DOCS=1 cargo test --lib keymap"
        );
    }
}
