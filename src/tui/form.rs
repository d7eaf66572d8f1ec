//! The add and replace forms: one small struct per field kind, a focus, errors beside the
//! fields. A form only gathers and checks what was typed; the session's commands decide.

use crate::delegations::{self, Delegation};
use crate::domain::{self, Category, Group, Inscription, Level, Mode, RuleError, Session, Time};

/// A line of text being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
}

impl TextField {
    pub fn with(text: &str) -> TextField {
        TextField {
            text: text.to_string(),
        }
    }
    pub fn push(&mut self, c: char) {
        if self.text.chars().count() < 200 && !c.is_control() {
            self.text.push(c);
        }
    }
    pub fn backspace(&mut self) {
        self.text.pop();
    }
}

/// One value among a few, cycled with Left and Right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T: Copy + PartialEq> {
    pub options: Vec<T>,
    pub at: usize,
}

impl<T: Copy + PartialEq> Choice<T> {
    pub fn new(options: Vec<T>, value: T) -> Choice<T> {
        let at = options.iter().position(|o| *o == value).unwrap_or(0);
        Choice { options, at }
    }
    pub fn value(&self) -> T {
        self.options[self.at.min(self.options.len().saturating_sub(1))]
    }
    pub fn step(&mut self, forward: bool) {
        let n = self.options.len().max(1);
        self.at = if forward {
            (self.at + 1) % n
        } else {
            (self.at + n - 1) % n
        };
    }
    pub fn set(&mut self, value: T) {
        if let Some(i) = self.options.iter().position(|o| *o == value) {
            self.at = i;
        }
    }
}

/// The fields of the add form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddField {
    Delegation,
    Speaker,
    Level,
    OnBehalfOf,
    Category,
    Mode,
    RequestedAt,
    LateReason,
    /// R9: the delegation objects to its statement being posted on the website.
    NoPost,
    /// R11: the role of an opening statement (opening lists only).
    Role,
}

impl AddField {
    pub const ALL: [AddField; 10] = [
        AddField::Delegation,
        AddField::Speaker,
        AddField::Level,
        AddField::Role,
        AddField::OnBehalfOf,
        AddField::Category,
        AddField::Mode,
        AddField::RequestedAt,
        AddField::LateReason,
        AddField::NoPost,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AddField::Delegation => "Delegation",
            AddField::Speaker => "Speaker",
            AddField::Level => "Level",
            AddField::OnBehalfOf => "On behalf of",
            AddField::Category => "Category",
            AddField::Mode => "Mode",
            AddField::NoPost => "Website",
            AddField::RequestedAt => "Request time",
            AddField::LateReason => "Late: reason",
            AddField::Role => "Role",
        }
    }
}

/// The add form (`a`).
#[derive(Debug, Clone, PartialEq)]
pub struct AddForm {
    pub focus: AddField,
    pub delegation: TextField,
    /// The completion under the delegation field, and the highlighted one.
    pub suggestions: Vec<&'static Delegation>,
    pub pick: usize,
    pub speaker: TextField,
    pub level: Choice<Level>,
    /// `None`: a national statement; a group: the chair speaking on behalf of it.
    pub on_behalf_of: Choice<Option<Group>>,
    pub category: Choice<Category>,
    pub mode: Choice<Mode>,
    /// R9: `true` when the delegation objects to posting its statement.
    pub no_post: Choice<bool>,
    pub requested_at: TextField,
    pub late_reason: TextField,
    /// R11: `None`, or the role of a President or the Executive Director (opening lists).
    pub role: Choice<Option<domain::Role>>,
    /// Errors beside the fields; nothing is saved while there is one.
    pub errors: Vec<(AddField, String)>,
}

impl Default for AddForm {
    fn default() -> Self {
        AddForm::new()
    }
}

impl AddForm {
    pub fn new() -> AddForm {
        AddForm {
            focus: AddField::Delegation,
            delegation: TextField::default(),
            suggestions: Vec::new(),
            pick: 0,
            speaker: TextField::default(),
            level: Choice::new(Level::ALL.to_vec(), Level::HeadOfDelegation),
            on_behalf_of: Choice::new(
                std::iter::once(None)
                    .chain(Group::ALL.into_iter().map(Some))
                    .collect(),
                None,
            ),
            category: Choice::new(Category::ALL.to_vec(), Category::StateParty),
            mode: Choice::new(Mode::ALL.to_vec(), Mode::Floor),
            no_post: Choice::new(vec![false, true], false),
            requested_at: TextField::default(),
            late_reason: TextField::default(),
            role: Choice::new(
                std::iter::once(None)
                    .chain(
                        <domain::Role as domain::Words>::ALL
                            .iter()
                            .copied()
                            .map(Some),
                    )
                    .collect(),
                None,
            ),
            errors: Vec::new(),
        }
    }

    pub fn error(&self, field: AddField) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.as_str())
    }

    /// The late reason is asked only when the request falls outside the window.
    pub fn asks_late_reason(&self, session: &Session, now: Time) -> bool {
        match parse_when(&self.requested_at.text, session, now) {
            Ok(at) => {
                let at = at.unwrap_or(now);
                session.window_state(at) != domain::WindowState::Open
                    || session.high_level_closed(
                        self.role.value(),
                        self.level.value(),
                        self.on_behalf_of.value(),
                        at,
                    )
            }
            Err(_) => false,
        }
    }

    pub fn visible_fields(&self, session: &Session, now: Time) -> Vec<AddField> {
        AddField::ALL
            .into_iter()
            .filter(|f| *f != AddField::LateReason || self.asks_late_reason(session, now))
            .filter(|f| *f != AddField::Role || session.kind == domain::ListKind::Opening)
            .collect()
    }

    fn move_focus(&mut self, session: &Session, now: Time, forward: bool) {
        self.focus = step_through(&self.visible_fields(session, now), self.focus, forward);
    }

    /// The data's category for a known delegation (editable afterwards).
    fn known(&mut self) {
        if let Some(d) = delegations::find(&self.delegation.text) {
            self.category.set(d.category);
        }
    }

    fn refresh_suggestions(&mut self) {
        self.suggestions = delegations::suggest(&self.delegation.text, 5);
        self.pick = 0;
        // An exact name needs no completion.
        if self.suggestions.len() == 1 && self.suggestions[0].name == self.delegation.text {
            self.suggestions.clear();
        }
        self.known();
    }

    /// Takes the highlighted suggestion, if there is one.
    fn take_suggestion(&mut self) {
        match self.suggestions.get(self.pick) {
            Some(d) if d.name != self.delegation.text => {
                self.delegation.text = d.name.clone();
                self.suggestions.clear();
                self.known();
            }
            _ => {}
        }
    }

    /// Tab: in the delegation, takes the highlighted suggestion and moves on, as the officer
    /// who typed "cote" and Tab expects to be in the speaker's field, on Côte d'Ivoire.
    pub fn focus_next(&mut self, session: &Session, now: Time) {
        if self.focus == AddField::Delegation {
            self.take_suggestion();
        }
        self.move_focus(session, now, true);
    }

    pub fn focus_prev(&mut self, session: &Session, now: Time) {
        self.move_focus(session, now, false);
    }

    pub fn down(&mut self, session: &Session, now: Time) {
        if self.focus == AddField::Delegation && !self.suggestions.is_empty() {
            self.pick = (self.pick + 1) % self.suggestions.len();
        } else {
            self.move_focus(session, now, true);
        }
    }

    pub fn up(&mut self, session: &Session, now: Time) {
        if self.focus == AddField::Delegation && !self.suggestions.is_empty() {
            let n = self.suggestions.len();
            self.pick = (self.pick + n - 1) % n;
        } else {
            self.move_focus(session, now, false);
        }
    }

    /// Left and Right: the choice fields cycle. Marking a chair statement proposes the
    /// delegation's own regional group first.
    pub fn cycle(&mut self, forward: bool) {
        match self.focus {
            AddField::Level => self.level.step(forward),
            AddField::OnBehalfOf => {
                let own = delegations::find(&self.delegation.text).and_then(|d| d.group);
                match (self.on_behalf_of.value(), own) {
                    (None, Some(g)) => self.on_behalf_of.set(Some(g)),
                    _ => self.on_behalf_of.step(forward),
                }
            }
            AddField::Category => self.category.step(forward),
            AddField::Mode => self.mode.step(forward),
            AddField::NoPost => self.no_post.step(forward),
            AddField::Role => self.role.step(forward),
            _ => {}
        }
    }

    pub fn type_char(&mut self, c: char) {
        match self.focus {
            AddField::Delegation => {
                self.delegation.push(c);
                self.refresh_suggestions();
            }
            AddField::Speaker => self.speaker.push(c),
            AddField::RequestedAt => self.requested_at.push(c),
            AddField::LateReason => self.late_reason.push(c),
            // Space cycles a choice too.
            _ if c == ' ' => self.cycle(true),
            _ => {}
        }
        self.errors.retain(|(f, _)| *f != self.focus);
    }

    pub fn backspace(&mut self) {
        match self.focus {
            AddField::Delegation => {
                self.delegation.backspace();
                self.refresh_suggestions();
            }
            AddField::Speaker => self.speaker.backspace(),
            AddField::RequestedAt => self.requested_at.backspace(),
            AddField::LateReason => self.late_reason.backspace(),
            _ => {}
        }
        self.errors.retain(|(f, _)| *f != self.focus);
    }

    /// The inscription the form describes, or the errors to show beside the fields.
    pub fn inscription(&mut self, session: &Session, now: Time) -> Option<Inscription> {
        self.errors.clear();
        if self.delegation.text.trim().is_empty() {
            self.errors
                .push((AddField::Delegation, "type the delegation".into()));
        }
        if self.speaker.text.trim().is_empty() {
            self.errors
                .push((AddField::Speaker, "type the speaker's name".into()));
        }
        // The delegation as the UN writes it (SPEC section 10); a name naming several is
        // refused beside the field, one the data lacks is kept as typed.
        let spelling = match delegations::spelling(&self.delegation.text) {
            Ok(sp) => Some(sp),
            Err(e) => {
                if !self.delegation.text.trim().is_empty() {
                    self.errors.push((AddField::Delegation, e));
                }
                None
            }
        };
        let at = match parse_when(&self.requested_at.text, session, now) {
            Ok(at) => at,
            Err(e) => {
                self.errors.push((AddField::RequestedAt, e));
                None
            }
        };
        let late = self.late_reason.text.trim().to_string();
        let outside = self.asks_late_reason(session, now);
        if outside && late.is_empty() {
            self.errors.push((
                AddField::LateReason,
                if session.window_state(at.unwrap_or(now)) != domain::WindowState::Open {
                    format!(
                        "outside the window (the list {}): give the President's reason to accept it",
                        session.window_words()
                    )
                } else {
                    "after the high-level deadline (R11): give the President's reason to accept it"
                        .to_string()
                },
            ));
        }
        if let Some((f, _)) = self.errors.first() {
            self.focus = *f;
            return None;
        }
        let delegation = spelling
            .map(|sp| sp.name)
            .unwrap_or_else(|| self.delegation.text.trim().to_string());
        Some(Inscription {
            delegation,
            speaker: self.speaker.text.trim().to_string(),
            level: self.level.value(),
            chair_of: self.on_behalf_of.value(),
            category: self.category.value(),
            mode: self.mode.value(),
            requested_at: at,
            late: (outside && !late.is_empty()).then_some(late),
            no_post: self.no_post.value(),
        })
    }

    /// Shows a refusal of the session beside the field it concerns.
    pub fn refused(&mut self, e: &RuleError) {
        let field = match e {
            RuleError::Duplicate { .. } => AddField::Delegation,
            RuleError::Empty("delegation") => AddField::Delegation,
            RuleError::Empty(_) => AddField::Speaker,
            RuleError::OutsideWindow { .. } | RuleError::HighLevelLate { .. } => {
                AddField::LateReason
            }
            RuleError::RoleNotOpening { .. } => AddField::Role,
            _ => AddField::Delegation,
        };
        self.errors.push((field, super::words::refusal(e)));
        self.focus = field;
    }
}

/// The fields of the replace form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceField {
    Speaker,
    Level,
    NoticeAt,
}

impl ReplaceField {
    pub const ALL: [ReplaceField; 3] = [
        ReplaceField::Speaker,
        ReplaceField::Level,
        ReplaceField::NoticeAt,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ReplaceField::Speaker => "New speaker",
            ReplaceField::Level => "Level",
            ReplaceField::NoticeAt => "Notified at",
        }
    }
}

/// The replace form (`e`): a change of speaker, R4.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplaceForm {
    pub entry: u64,
    pub focus: ReplaceField,
    pub speaker: TextField,
    pub level: Choice<Level>,
    pub notice_at: TextField,
    pub errors: Vec<(ReplaceField, String)>,
}

impl ReplaceForm {
    pub fn new(entry: u64, level: Level) -> ReplaceForm {
        ReplaceForm {
            entry,
            focus: ReplaceField::Speaker,
            speaker: TextField::default(),
            level: Choice::new(Level::ALL.to_vec(), level),
            notice_at: TextField::default(),
            errors: Vec::new(),
        }
    }

    pub fn error(&self, field: ReplaceField) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.as_str())
    }

    pub fn step_focus(&mut self, forward: bool) {
        let all = ReplaceField::ALL;
        let i = all.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = all[if forward { (i + 1) % 3 } else { (i + 2) % 3 }];
    }

    pub fn type_char(&mut self, c: char) {
        match self.focus {
            ReplaceField::Speaker => self.speaker.push(c),
            ReplaceField::NoticeAt => self.notice_at.push(c),
            ReplaceField::Level if c == ' ' => self.level.step(true),
            ReplaceField::Level => {}
        }
        self.errors.retain(|(f, _)| *f != self.focus);
    }

    pub fn backspace(&mut self) {
        match self.focus {
            ReplaceField::Speaker => self.speaker.backspace(),
            ReplaceField::NoticeAt => self.notice_at.backspace(),
            ReplaceField::Level => {}
        }
        self.errors.retain(|(f, _)| *f != self.focus);
    }

    /// (speaker, level, notice time) or the errors beside the fields.
    pub fn values(
        &mut self,
        session: &Session,
        now: Time,
    ) -> Option<(String, Level, Option<Time>)> {
        self.errors.clear();
        if self.speaker.text.trim().is_empty() {
            self.errors
                .push((ReplaceField::Speaker, "type the new speaker's name".into()));
        }
        let at = match parse_when(&self.notice_at.text, session, now) {
            Ok(at) => at,
            Err(e) => {
                self.errors.push((ReplaceField::NoticeAt, e));
                None
            }
        };
        if let Some((f, _)) = self.errors.first() {
            self.focus = *f;
            return None;
        }
        Some((self.speaker.text.trim().to_string(), self.level.value(), at))
    }

    pub fn refused(&mut self, e: &RuleError) {
        let field = match e {
            RuleError::NoticeBeforeRequest { .. } => ReplaceField::NoticeAt,
            _ => ReplaceField::Speaker,
        };
        self.errors.push((field, super::words::refusal(e)));
        self.focus = field;
    }
}

/// A time as the officer types it: empty (or "now") for now, else one of the forms of SPEC
/// section 10 in the list's zone (`09:12` today, `5 Sep 09:12`, `2022-09-05 09:12`, RFC 3339).
pub fn parse_when(text: &str, session: &Session, now: Time) -> Result<Option<Time>, String> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("now") {
        return Ok(None);
    }
    session.reading(now).time(t).map(Some)
}

/// What the add form says under a delegation it cannot resolve (SPEC section 10).
pub fn unresolved_note(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    match delegations::resolve(t) {
        crate::domain::names::Resolved::Unknown => {
            Some("not in the reference data: kept as typed".to_string())
        }
        crate::domain::names::Resolved::Several(c) => {
            Some(format!("names {}: pick one", c.join(" or ")))
        }
        crate::domain::names::Resolved::Known { .. } => None,
    }
}

/// The field after (or before) `at` among `fields`, round the end: Tab and Shift-Tab in every
/// form. `at` not among them: from the first.
pub(crate) fn step_through<T: PartialEq + Copy>(fields: &[T], at: T, forward: bool) -> T {
    let n = fields.len();
    if n == 0 {
        return at;
    }
    let i = fields.iter().position(|f| *f == at).unwrap_or(0);
    fields[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain;

    fn t0() -> Time {
        domain::parse_time("2022-10-17T10:00:00+02:00").unwrap_or_default()
    }

    #[test]
    fn times_typed_as_hh_mm_are_today_in_the_list_s_zone() {
        let mut s = Session::new("t", Default::default(), t0());
        s.time_zone = "Europe/Vienna".into();
        assert_eq!(parse_when("", &s, t0()), Ok(None));
        assert_eq!(
            parse_when("09:30", &s, t0()),
            Ok(Some(
                domain::parse_time("2022-10-17T09:30:00+02:00").unwrap_or_default()
            ))
        );
        assert!(parse_when("2022-10-14T09:30:00+02:00", &s, t0()).is_ok());
        assert!(parse_when("5 Sep 09:12", &s, t0()).is_ok());
        assert!(parse_when("half past nine", &s, t0()).is_err());
    }

    #[test]
    fn completion_picks_with_tab_and_sets_the_category_from_the_data() {
        let s = Session::new("t", Default::default(), t0());
        let mut f = AddForm::new();
        for c in "european u".chars() {
            f.type_char(c);
        }
        assert!(!f.suggestions.is_empty());
        f.focus_next(&s, t0());
        assert_eq!(f.delegation.text, "European Union");
        assert_eq!(f.category.value(), Category::Reio);
        assert_eq!(
            f.focus,
            AddField::Speaker,
            "Tab takes the suggestion and moves on"
        );
    }

    #[test]
    fn a_chair_statement_proposes_the_delegations_own_group() {
        let mut f = AddForm::new();
        for c in "Ghana".chars() {
            f.type_char(c);
        }
        f.focus = AddField::OnBehalfOf;
        f.cycle(true);
        assert_eq!(f.on_behalf_of.value(), Some(Group::African));
    }
}
