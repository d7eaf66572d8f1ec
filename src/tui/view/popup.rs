//! The popups drawn over the main screen: the add and replace forms, one-line inputs, the
//! settings, the questions. Each is drawn last, over `Clear`, in a centred box.

use super::theme::Theme;
use crate::domain::{SettingKey, Time};
use crate::tui::app::{InputFor, Model, Popup, Question, SETTING_KEYS, setting_value};
use crate::tui::form::{AddField, AddForm, ReplaceField, ReplaceForm};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// A box of at most `w` x `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub struct PopupView<'a> {
    pub model: &'a Model,
    pub now: Time,
    pub theme: Theme,
}

const LABEL: usize = 14;

fn field_line(label: &str, value: Line<'static>, focused: bool, t: Theme) -> Line<'static> {
    let marker = if focused { "▸ " } else { "  " };
    let mut spans = vec![Span::styled(
        format!("{marker}{label:<LABEL$}"),
        if focused { t.key() } else { t.dim() },
    )];
    spans.extend(value.spans);
    Line::from(spans)
}

fn text_value(text: &str, focused: bool, placeholder: &str, t: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    if text.is_empty() && !placeholder.is_empty() {
        spans.push(Span::styled(placeholder.to_string(), t.dim()));
    } else {
        spans.push(Span::raw(text.to_string()));
    }
    if focused {
        spans.push(Span::styled(" ", t.selected()));
    }
    Line::from(spans)
}

fn choice_value(words: &str, focused: bool, t: Theme) -> Line<'static> {
    if focused {
        Line::from(vec![
            Span::styled("◂ ", t.key()),
            Span::styled(words.to_string(), t.bold()),
            Span::styled(" ▸", t.key()),
        ])
    } else {
        Line::from(words.to_string())
    }
}

fn error_line(e: &str, t: Theme) -> Line<'static> {
    Line::styled(format!("{:width$}✗ {e}", "", width = LABEL + 2), t.error())
}

fn add_lines(m: &Model, f: &AddForm, now: Time, t: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for field in f.visible_fields(&m.session, now) {
        let focused = f.focus == field;
        let value = match field {
            AddField::Delegation => text_value(
                &f.delegation.text,
                focused,
                "type: completion as you type",
                t,
            ),
            AddField::Speaker => text_value(&f.speaker.text, focused, "", t),
            AddField::Level => choice_value(
                &format!(
                    "{}{}",
                    f.level.value().label(),
                    if f.level.value().is_priority() {
                        "  (ministerial tier)"
                    } else {
                        ""
                    }
                ),
                focused,
                t,
            ),
            AddField::OnBehalfOf => choice_value(
                &match f.on_behalf_of.value() {
                    None => "itself (national statement)".to_string(),
                    Some(g) => format!("the {} (chair)", g.name()),
                },
                focused,
                t,
            ),
            AddField::Category => choice_value(f.category.value().word(), focused, t),
            AddField::Mode => choice_value(f.mode.value().word(), focused, t),
            AddField::NoPost => choice_value(
                if f.no_post.value() {
                    "do not post the statement (the delegation objects)"
                } else {
                    "post the statement when received"
                },
                focused,
                t,
            ),
            AddField::RequestedAt => text_value(
                &f.requested_at.text,
                focused,
                "now  (or 09:12 today, 5 Sep 09:12, 2022-09-05 09:12)",
                t,
            ),
            AddField::LateReason => {
                text_value(&f.late_reason.text, focused, "the President's reason", t)
            }
            AddField::Role => choice_value(
                f.role
                    .value()
                    .map(|r| r.label())
                    .unwrap_or("none (order by level and group)"),
                focused,
                t,
            ),
        };
        lines.push(field_line(field.label(), value, focused, t));
        if field == AddField::Delegation && focused {
            for (i, d) in f.suggestions.iter().enumerate() {
                let style = if i == f.pick { t.selected() } else { t.dim() };
                lines.push(Line::from(vec![
                    Span::raw(format!("{:width$}", "", width = LABEL + 2)),
                    Span::styled(format!(" {} ", d.name), style),
                ]));
            }
        }
        if field == AddField::Delegation
            && f.suggestions.is_empty()
            && f.error(field).is_none()
            && let Some(note) = crate::tui::form::unresolved_note(&f.delegation.text)
        {
            lines.push(Line::styled(
                format!("{:width$}? {note}", "", width = LABEL + 2),
                t.dim(),
            ));
        }
        if let Some(e) = f.error(field) {
            lines.push(error_line(e, t));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Tab next field · ←/→ choose · Enter saves · Esc cancels",
        t.dim(),
    ));
    lines
}

fn replace_lines(m: &Model, f: &ReplaceForm, t: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(e) = m.session.entry(f.entry) {
        lines.push(Line::from(format!(
            "#{} {} — now {} ({})",
            e.id,
            e.title(),
            e.speaker,
            e.level.label()
        )));
        lines.push(Line::from(""));
    }
    for field in ReplaceField::ALL {
        let focused = f.focus == field;
        let value = match field {
            ReplaceField::Speaker => text_value(&f.speaker.text, focused, "", t),
            ReplaceField::Level => choice_value(f.level.value().label(), focused, t),
            ReplaceField::NoticeAt => {
                text_value(&f.notice_at.text, focused, "now (or HH:MM, or RFC 3339)", t)
            }
        };
        lines.push(field_line(field.label(), value, focused, t));
        if let Some(e) = f.error(field) {
            lines.push(error_line(e, t));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "R4: a change of tier re-queues at the notice time",
        t.dim(),
    ));
    lines.push(Line::styled(
        "Tab next · Enter saves · Esc cancels",
        t.dim(),
    ));
    lines
}

/// "#3 Kenya (Ms. Ana Ruiz)".
fn entry_words(m: &Model, id: u64) -> String {
    m.session
        .entry(id)
        .map(|e| format!("#{} {} ({})", e.id, e.title(), e.speaker))
        .unwrap_or_else(|| format!("#{id}"))
}

fn card_lines(m: &Model, c: &crate::tui::card::Card, t: Theme) -> Vec<Line<'static>> {
    use crate::tui::card::{self, CardField};
    let mut lines = Vec::new();
    let Some(e) = m.session.entry(c.entry) else {
        return lines;
    };
    let withdrawn = e.status == crate::domain::Status::Withdrawn;
    let on = |b: bool| if b { "yes" } else { "no" };
    for field in c.fields(withdrawn) {
        let focused = c.focus == field;
        let value = match field {
            CardField::Speaker => text_value(&c.speaker, focused, "", t),
            CardField::Delegation => text_value(&c.delegation, focused, "", t),
            CardField::Introducer => text_value(
                &c.introducer,
                focused,
                "who introduces a video statement",
                t,
            ),
            CardField::StatementReceived => choice_value(on(c.statement_received), focused, t),
            CardField::NoPost => choice_value(on(c.no_post), focused, t),
            CardField::Reinstate => choice_value(
                if c.reinstate {
                    "yes: waits again at its own queued_at"
                } else {
                    "no"
                },
                focused,
                t,
            ),
            CardField::NoticeAt => {
                text_value(&c.notice_at, focused, "now (or 09:12, 5 Sep 09:12)", t)
            }
        };
        lines.push(field_line(field.label(), value, focused, t));
    }
    if let Some(err) = &c.error {
        lines.push(error_line(err, t));
    }
    lines.push(Line::from(""));
    for (label, value) in card::field_lines(&m.session, e) {
        lines.push(Line::from(vec![
            Span::styled(format!("{label:>width$}  ", width = LABEL), t.dim()),
            Span::raw(value),
        ]));
    }
    lines.push(Line::styled("log", t.bold()));
    for l in card::log_lines(&m.session, e.id) {
        lines.push(Line::from(format!("  {l}")));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Tab next field · Space turns yes/no · Enter saves · Esc closes",
        t.dim(),
    ));
    lines
}

/// A box at the top of `area` (the find box), as [`boxed`] draws one in the middle.
fn boxed_at_top(
    area: Rect,
    buf: &mut Buffer,
    title: String,
    lines: Vec<Line<'static>>,
    width: u16,
    t: Theme,
) {
    let mut r = box_area(area, &lines, width);
    r.y = area.y;
    draw_box(r, buf, title, lines, t);
}

fn boxed(
    area: Rect,
    buf: &mut Buffer,
    title: String,
    lines: Vec<Line<'static>>,
    width: u16,
    t: Theme,
) {
    let r = box_area(area, &lines, width);
    draw_box(r, buf, title, lines, t);
}

/// The box for `lines` in the middle of `area`, as high as they are once wrapped: a long value
/// (the slots) wraps by words onto more rows than its width suggests, and the error and the
/// help below it must still show.
fn box_area(area: Rect, lines: &[Line<'static>], width: u16) -> Rect {
    let inner_width = width.min(area.width).saturating_sub(2).max(1);
    let rows = super::wrap::wrapped_rows(lines, inner_width, Wrap { trim: false });
    centered(area, width, rows.saturating_add(2))
}

fn draw_box(r: Rect, buf: &mut Buffer, title: String, lines: Vec<Line<'static>>, t: Theme) {
    Clear.render(r, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(Line::styled(title, t.bold())))
        .wrap(Wrap { trim: false })
        .render(r, buf);
}

impl Widget for &PopupView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let t = self.theme;
        let width = 78.min(area.width.saturating_sub(2)).max(1);
        match &m.popup {
            Popup::None | Popup::Help { .. } | Popup::Report { .. } => {}
            Popup::Add(f) => boxed(
                area,
                buf,
                " Add an inscription ".into(),
                add_lines(m, f, self.now, t),
                width,
                t,
            ),
            Popup::Card(c) => boxed(
                area,
                buf,
                match m.session.entry(c.entry) {
                    Some(e) => format!(" The card of #{} {} ", e.id, e.title()),
                    None => " The card ".into(),
                },
                card_lines(m, c, t),
                width,
                t,
            ),
            Popup::Replace(f) => boxed(
                area,
                buf,
                " Replace the speaker (R4) ".into(),
                replace_lines(m, f, t),
                width,
                t,
            ),
            Popup::Confirm(q) => {
                let text = match q {
                    Question::Quit if m.not_saved.is_some() => {
                        "Changes are NOT SAVED. Quit anyway? (y/n)".to_string()
                    }
                    Question::Quit => {
                        "A timer is running; it keeps running in the file. Quit? (y/n)".to_string()
                    }
                    Question::Withdraw(id) => match m.session.entry(*id) {
                        Some(e) => {
                            format!("Withdraw #{} {} ({})? (y/n)", e.id, e.title(), e.speaker)
                        }
                        None => format!("Withdraw #{id}? (y/n)"),
                    },
                };
                boxed(
                    area,
                    buf,
                    " Confirm ".into(),
                    vec![Line::styled(text, t.bold())],
                    64,
                    t,
                );
            }
            Popup::Input {
                purpose,
                text,
                error,
            } => {
                let (title, help) = match purpose {
                    InputFor::Find => (
                        " Find a delegation ".to_string(),
                        "↑/↓ other matches · Enter keeps · Esc closes",
                    ),
                    InputFor::WithdrawNotice(id) => (
                        format!(" Withdraw {} ", entry_words(m, *id)),
                        "the time of the written notice: empty for now (or 09:12, 5 Sep 09:12) · y or Enter withdraws · Esc cancels",
                    ),
                    InputFor::SwapNotice(a, b) => (
                        format!(" Swap {} and {} ", entry_words(m, *a), entry_words(m, *b)),
                        "the time of the written notice: empty for now (or 09:12, 5 Sep 09:12) · y or Enter swaps · Esc cancels",
                    ),
                    InputFor::Message => (
                        " Message to the speaker ".to_string(),
                        "Enter shows it on the presenter views (empty clears) · Ctrl-u clears the field · Esc cancels",
                    ),
                    InputFor::Setting(i) => (
                        format!(
                            " Setting: {} ",
                            SETTING_KEYS[(*i).min(SETTING_KEYS.len() - 1)]
                        ),
                        "typing replaces the value; none clears a time; messages are TEXT|TEXT|...; slots: 17 Oct 10:00-13:00, 17 Oct 15:00-18:00 · Ctrl-u clears the field · Enter sets · Esc cancels",
                    ),
                    InputFor::SaveCopy => (
                        " Save a copy of the rehearsal ".to_string(),
                        "a path, e.g. /tmp/rehearsal.json · Enter saves · Esc cancels",
                    ),
                    InputFor::MoveReason(id, to) => (
                        format!(
                            " Move {} to place {to} (R11) ",
                            m.session
                                .entry(*id)
                                .map(|e| e.title())
                                .unwrap_or_else(|| format!("#{id}"))
                        ),
                        "the President's reason, kept in the log · Enter moves · Esc cancels",
                    ),
                };
                // A setting opens with its value selected: typing replaces it.
                let typed = if m.input_fresh && !text.is_empty() {
                    Span::styled(text.clone(), t.selected())
                } else {
                    Span::raw(text.clone())
                };
                let mut lines = Vec::new();
                // The editor opens empty; what the speaker sees now shows above it.
                if *purpose == InputFor::Message {
                    lines.push(match &m.session.message {
                        Some(now) => Line::from(vec![
                            Span::styled("now: ", t.dim()),
                            Span::styled(format!("\"{now}\""), t.warning()),
                        ]),
                        None => Line::styled("now: no message", t.dim()),
                    });
                }
                lines.push(Line::from(vec![
                    Span::styled("> ", t.key()),
                    typed,
                    Span::styled(" ", t.selected()),
                ]));
                if let Some(e) = error {
                    lines.push(Line::styled(format!("✗ {e}"), t.error()));
                }
                lines.push(Line::styled(help, t.dim()));
                if *purpose == InputFor::Find {
                    // At the top, over the header and the speaker at the podium: never over
                    // the queue, where the row found is.
                    let top = Rect {
                        height: area.height.min(7),
                        ..area
                    };
                    boxed_at_top(top, buf, title, lines, width, t);
                } else {
                    boxed(area, buf, title, lines, width, t);
                }
            }
            Popup::Lists { selected } => {
                let mut lines = Vec::new();
                for (i, l) in m.conference.iter().enumerate() {
                    let style = if i == *selected {
                        t.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    let mark = if i == m.shown_list { "▶" } else { " " };
                    // Two lines a list: its title, then what the officer checks at a glance.
                    let (title, detail) = match l.kind {
                        Some(kind) => (
                            l.title.clone(),
                            format!(
                                "{} · waiting {} · heard {} · {}",
                                kind.label(),
                                l.waiting,
                                l.heard,
                                l.current
                                    .as_deref()
                                    .map(|c| format!("at the podium: {c}"))
                                    .unwrap_or_else(|| "nobody at the podium".into())
                            ),
                        ),
                        None => (
                            l.name.clone(),
                            l.error.clone().unwrap_or_else(|| "unreadable".into()),
                        ),
                    };
                    lines.push(Line::styled(format!("{mark} {title}"), style));
                    lines.push(Line::styled(format!("    {detail}"), t.dim()));
                }
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    "↑/↓ choose · Enter shows that list · Esc closes",
                    t.dim(),
                ));
                boxed(
                    area,
                    buf,
                    " The lists of this conference ".into(),
                    lines,
                    width,
                    t,
                );
            }
            Popup::Settings { selected, error } => {
                let mut lines = Vec::new();
                for (i, key) in SETTING_KEYS.iter().copied().enumerate() {
                    let style = if i == *selected {
                        t.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    let value = setting_value(&m.session, key);
                    if key == SettingKey::Slots && value != "none" {
                        // One row per meeting slot: a day and two hours, in the list's zone.
                        for (k, slot) in value.split(", ").enumerate() {
                            let label = if k == 0 { key.word() } else { "" };
                            lines.push(Line::styled(format!(" {label:<16}{slot}"), style));
                        }
                    } else {
                        lines.push(Line::styled(format!(" {key:<16}{value}"), style));
                    }
                }
                if let Some(e) = error {
                    lines.push(Line::styled(format!("✗ {e}"), t.error()));
                }
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    "↑/↓ choose · Enter changes · Esc closes",
                    t.dim(),
                ));
                boxed(area, buf, " Settings ".into(), lines, width, t);
            }
        }
    }
}
