//! What a command says back: the refusal ([`RuleError`], naming the rule and what to do) and
//! what an applied command reports ([`Done`]). The domain speaks no front end's words: where a
//! refusal points to something the officer gives (the time of a request, a late reason, the
//! group spoken for, the list's ids), it names a [`Field`], and each front end says it in its own
//! words through [`RuleError::say`] (flags on the command line, fields on the screen, columns in
//! an import). `Display` says it in plain words.

use thiserror::Error;

/// What the officer gives that a refusal points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The time the request reached the secretariat ("give its real time ...").
    RequestTime,
    /// The President's reason for accepting a late request ("give the President's reason ...").
    LateReason,
    /// The group a statement is made on behalf of ("... is a separate entry: ...").
    OnBehalfOf,
    /// The time a change of speaker was notified ("... was notified ...").
    NoticeTime,
    /// Where the officer reads the entries' ids ("... shows the ids").
    Listing,
}

impl Field {
    /// The field in plain words, as `Display` says it.
    pub fn plain(self) -> &'static str {
        match self {
            Field::RequestTime => "as the request time",
            Field::LateReason => "as the late reason",
            Field::OnBehalfOf => "give the group it is made on behalf of",
            Field::NoticeTime => "as the notice time",
            Field::Listing => "the list",
        }
    }
}

/// Everything a refused command can say. Each message names the rule and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("{}", self.say(Field::plain))]
    OutsideWindow { window: String, at: String },
    #[error("{}", self.say(Field::plain))]
    Duplicate {
        delegation: String,
        id: u64,
        what: String,
    },
    #[error("the {0} is empty: type it in")]
    Empty(&'static str),
    #[error("the {0} has a line break (or another control character) in it: type it on one line")]
    NotOneLine(&'static str),
    #[error("{}", self.say(Field::plain))]
    NoSuchEntry(String),
    /// An entry named by nothing (an empty ENTRY).
    #[error("{}", self.say(Field::plain))]
    NoEntryNamed,
    #[error("{name} names {count} entries: {candidates}; give the id instead")]
    Ambiguous {
        name: String,
        count: usize,
        candidates: String,
    },
    #[error(
        "entry #{id} ({delegation}) is {status}, not waiting: only waiting entries can be {action}"
    )]
    NotWaiting {
        id: u64,
        delegation: String,
        status: &'static str,
        action: &'static str,
    },
    #[error("{}", self.say(Field::plain))]
    NoticeBeforeRequest {
        id: u64,
        notice: String,
        requested: String,
    },
    #[error(
        "R5: a swap needs two speakers at the same level: #{a} ({a_delegation}) is {a_level}, #{b} ({b_delegation}) is {b_level}"
    )]
    SwapAcrossLevels {
        a: u64,
        a_delegation: String,
        a_level: &'static str,
        b: u64,
        b_delegation: String,
        b_level: &'static str,
    },
    #[error("R5: a swap is between two delegations; #{a} and #{b} are both {delegation}")]
    SwapSameDelegation { a: u64, b: u64, delegation: String },
    #[error("R5: a swap needs two different entries; #{0} was named twice")]
    SwapSameEntry(u64),
    #[error(
        "R5: observers speak after the parties, so a swap stays inside one part: #{a} ({a_delegation}) is in category {a_category}, #{b} ({b_delegation}) in {b_category}. Turn observers-last off to allow it"
    )]
    SwapAcrossParts {
        a: u64,
        a_delegation: String,
        a_category: &'static str,
        b: u64,
        b_delegation: String,
        b_category: &'static str,
    },
    #[error("nobody is waiting and nobody is speaking: add an inscription first")]
    NothingToCall,
    #[error("nobody is at the podium: call the next speaker first (n)")]
    NoCurrentSpeech,
    #[error("the time limit cannot go below {0} seconds: give e.g. 3m")]
    LimitTooShort(i64),
    #[error(
        "the window would open ({opens}) after it closes ({closes}); set them in the other order"
    )]
    WindowInverted { opens: String, closes: String },
    #[error("slot {0}: a slot must end after it starts, and slots must not overlap")]
    BadSlot(String),
    #[error("{0}")]
    BadValue(String),
    #[error("nothing to {0}")]
    NothingToUndo(&'static str),
    #[error(
        "R11: a role (outgoing President, incoming President, Executive Director) belongs to the opening statements; this list is the {kind}: add the entry without a role"
    )]
    RoleNotOpening { kind: &'static str },
    #[error(
        "R11: only the opening statements are in the President's order; this list is the {kind}, first come, first served ({rule}): a swap (R5) is the way to change places"
    )]
    MoveNotOpening {
        kind: &'static str,
        rule: &'static str,
    },
    #[error("R11: there is no place {to} in the queue: give a place from 1 to {waiting}")]
    MoveOutOfRange { to: usize, waiting: usize },
    #[error("{}", self.say(Field::plain))]
    HighLevelLate { deadline: String, at: String },
    #[error(
        "R12: {delegation} has already replied twice on this list (#{first} and #{second}); a delegation may reply at most twice"
    )]
    ThirdReply {
        delegation: String,
        first: u64,
        second: u64,
    },
    #[error("the clock of {0} is not running: there is nothing to pause")]
    NotRunning(String),
    #[error("the clock of {0} is already running: there is nothing to resume")]
    AlreadyRunning(String),
    #[error(
        "{delegation} has {left} left, less than the {asked} to take: give less, or let the time run"
    )]
    TooLittleLeft {
        delegation: String,
        left: String,
        asked: String,
    },
}

impl RuleError {
    /// The refusal, with the fields it points to in the words of whoever says it: the command
    /// line gives its flags (`with --at`), the screen its form's fields. A refusal that points to
    /// no field reads as its `Display`.
    pub fn say(&self, field: impl Fn(Field) -> &'static str) -> String {
        match self {
            RuleError::OutsideWindow { window, at } => format!(
                "R1: the list of speakers {window}; this request was made at {at}. If it reached the secretariat in time, give its real time {}; to accept it anyway, give the President's reason {}",
                field(Field::RequestTime),
                field(Field::LateReason)
            ),
            RuleError::HighLevelLate { deadline, at } => format!(
                "R11: requests to register a high-level speaker closed at {deadline}; this request was made at {at}. If it reached the secretariat in time, give its real time {}; to accept it anyway, give the President's reason {}",
                field(Field::RequestTime),
                field(Field::LateReason)
            ),
            RuleError::Duplicate {
                delegation,
                id,
                what,
            } => format!(
                "{delegation} already has entry #{id} on this list{what}; one entry per delegation (a statement on behalf of a regional group is a separate entry: {}). Withdraw #{id} first to replace it",
                field(Field::OnBehalfOf)
            ),
            RuleError::NoticeBeforeRequest {
                id,
                notice,
                requested,
            } => format!(
                "R4: the notice time {notice} is earlier than the request of entry #{id} ({requested}); give the time the change of speaker was notified {}",
                field(Field::NoticeTime)
            ),
            RuleError::NoSuchEntry(what) => {
                format!(
                    "there is no entry {what}: {} shows the ids",
                    field(Field::Listing)
                )
            }
            RuleError::NoEntryNamed => format!(
                "no entry named: give its id as {} shows it, or its delegation",
                field(Field::Listing)
            ),
            other => other.to_string(),
        }
    }
}

/// What an applied command reports back to the officer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Done {
    pub message: String,
    pub warnings: Vec<String>,
    pub entry: Option<u64>,
}

impl Done {
    pub(super) fn say(message: String, entry: Option<u64>) -> Done {
        Done {
            message,
            warnings: Vec::new(),
            entry,
        }
    }
}
