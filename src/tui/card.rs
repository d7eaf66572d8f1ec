//! The entry's card (`Enter`, SPEC section 4): every field, labelled with the words of
//! `list --json`, and the entry's log records; the officer corrects the spelling of the speaker
//! and the delegation, records the introducer, statement received and do not post, and brings
//! back a withdrawn entry, with the time of the notice where the change takes one.

use crate::delegations;
use crate::domain::{Done, Entry, Mark, RuleError, Session, Status, Time};

/// The fields of the card that can be changed, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardField {
    Speaker,
    Delegation,
    Introducer,
    StatementReceived,
    NoPost,
    /// Withdrawn entries only: wait again at the entry's own `queued_at`.
    Reinstate,
    /// The time of the notice (reinstating); empty for now.
    NoticeAt,
}

impl CardField {
    /// The label: the word of `list --json`, as the officer reads it.
    pub fn label(self) -> &'static str {
        match self {
            CardField::Speaker => "speaker",
            CardField::Delegation => "delegation",
            CardField::Introducer => "introducer",
            CardField::StatementReceived => "statement received",
            CardField::NoPost => "do not post",
            CardField::Reinstate => "reinstate",
            CardField::NoticeAt => "notice time",
        }
    }

    pub fn is_switch(self) -> bool {
        matches!(
            self,
            CardField::StatementReceived | CardField::NoPost | CardField::Reinstate
        )
    }
}

/// The card of one entry, with what the officer has typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub entry: u64,
    pub focus: CardField,
    pub speaker: String,
    pub delegation: String,
    pub introducer: String,
    pub statement_received: bool,
    pub no_post: bool,
    pub reinstate: bool,
    pub notice_at: String,
    pub error: Option<String>,
}

impl Card {
    pub fn new(e: &Entry) -> Card {
        Card {
            entry: e.id,
            focus: CardField::Speaker,
            speaker: e.speaker.clone(),
            delegation: e.delegation.clone(),
            introducer: e.introducer.clone().unwrap_or_default(),
            statement_received: e.statement_received,
            no_post: e.no_post,
            reinstate: false,
            notice_at: String::new(),
            error: None,
        }
    }

    /// The fields this entry's card offers: reinstating only for a withdrawn entry.
    pub fn fields(&self, withdrawn: bool) -> Vec<CardField> {
        let mut f = vec![
            CardField::Speaker,
            CardField::Delegation,
            CardField::Introducer,
            CardField::StatementReceived,
            CardField::NoPost,
        ];
        if withdrawn {
            f.push(CardField::Reinstate);
            f.push(CardField::NoticeAt);
        }
        f
    }

    pub fn step(&mut self, withdrawn: bool, forward: bool) {
        self.focus = super::form::step_through(&self.fields(withdrawn), self.focus, forward);
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self.focus {
            CardField::Speaker => Some(&mut self.speaker),
            CardField::Delegation => Some(&mut self.delegation),
            CardField::Introducer => Some(&mut self.introducer),
            CardField::NoticeAt => Some(&mut self.notice_at),
            _ => None,
        }
    }

    /// Space (or Left/Right) on a switch turns it; other characters are typed.
    pub fn type_char(&mut self, c: char) {
        self.error = None;
        if self.focus.is_switch() {
            if c == ' ' {
                self.toggle();
            }
            return;
        }
        if let Some(t) = self.text_mut()
            && t.chars().count() < 400
            && !c.is_control()
        {
            t.push(c);
        }
    }

    pub fn backspace(&mut self) {
        self.error = None;
        if let Some(t) = self.text_mut() {
            t.pop();
        }
    }

    pub fn toggle(&mut self) {
        match self.focus {
            CardField::StatementReceived => self.statement_received = !self.statement_received,
            CardField::NoPost => self.no_post = !self.no_post,
            CardField::Reinstate => self.reinstate = !self.reinstate,
            _ => {}
        }
    }

    /// Applies what changed on the card, as the commands of the list do it (one undo step).
    pub fn apply(&self, s: &mut Session, now: Time) -> Result<Done, RuleError> {
        let e = s
            .entry(self.entry)
            .cloned()
            .ok_or_else(|| RuleError::NoSuchEntry(self.entry.to_string()))?;
        let id = e.id;
        let mut said = Vec::new();
        let mut warnings = Vec::new();
        let speaker = (self.speaker.trim() != e.speaker).then_some(self.speaker.as_str());
        let delegation = if self.delegation.trim() != e.delegation {
            let sp = delegations::spelling(&self.delegation).map_err(RuleError::BadValue)?;
            said.extend(sp.note.clone());
            warnings.extend(sp.warning.clone());
            Some(sp.name)
        } else {
            None
        };
        if speaker.is_some() || delegation.is_some() {
            said.push(s.rename(id, speaker, delegation.as_deref(), now)?.message);
        }
        let introducer = self.introducer.trim();
        if introducer != e.introducer.as_deref().unwrap_or("") {
            if introducer.is_empty() {
                return Err(RuleError::Empty("introducer's name"));
            }
            said.push(
                s.mark(id, Mark::Introducer(introducer.to_string()), now)?
                    .message,
            );
        }
        if self.statement_received && !e.statement_received {
            said.push(s.mark(id, Mark::StatementReceived, now)?.message);
        }
        if self.no_post != e.no_post {
            let mark = if self.no_post {
                Mark::NoPost
            } else {
                Mark::Post
            };
            said.push(s.mark(id, mark, now)?.message);
        }
        if self.reinstate && e.status == Status::Withdrawn {
            let notice = match self.notice_at.trim() {
                "" => None,
                t => Some(s.reading(now).time(t).map_err(RuleError::BadValue)?),
            };
            said.push(s.reinstate(id, notice, now)?.message);
        }
        if said.is_empty() {
            return Err(RuleError::BadValue(
                "nothing changed on the card: edit a field, or Esc closes it".into(),
            ));
        }
        Ok(Done {
            message: said.join("; "),
            warnings,
            entry: Some(id),
        })
    }
}

/// The card's read-only lines: every field of the entry, labelled with the words of
/// `list --json`, its times in the list's zone.
pub fn field_lines(s: &Session, e: &Entry) -> Vec<(&'static str, String)> {
    let time = |t: Time| s.local(t).format("%-d %b %Y %H:%M:%S").to_string();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    let mut out = vec![
        ("id", format!("#{}", e.id)),
        (
            "position",
            s.position(e.id)
                .map(|p| p.to_string())
                .unwrap_or_else(|| "–".into()),
        ),
        ("status", e.status.word().to_string()),
        ("level", e.level.word().to_string()),
        ("priority", yes_no(e.is_priority())),
        (
            "chair_of",
            e.chair_of
                .map(|g| g.word().to_string())
                .unwrap_or_else(|| "–".into()),
        ),
        ("category", e.category.word().to_string()),
        ("mode", e.mode.word().to_string()),
        ("limit_seconds", e.limit_seconds.to_string()),
        ("requested_at", time(e.requested_at)),
        ("queued_at", time(e.queued_at)),
    ];
    if let Some(sec) = e.spoken_seconds.filter(|_| e.status == Status::Spoken) {
        out.push(("spoken_seconds", sec.to_string()));
    }
    if let Some(r) = &e.late_reason {
        out.push(("late_reason", r.clone()));
    }
    out
}

/// The entry's log records, oldest first, each with its time in the list's zone.
pub fn log_lines(s: &Session, id: u64) -> Vec<String> {
    s.log
        .iter()
        .filter(|r| r.entry == Some(id) || r.other == Some(id))
        .map(|r| {
            format!(
                "{} {}{}",
                s.local(r.at).format("%-d %b %H:%M"),
                r.text,
                if r.undone { " (undone)" } else { "" }
            )
        })
        .collect()
}
