//! The headless commands of SPEC section 3: the domain's commands on the state file, printed for
//! a person or as JSON for other tools. Names, flags, exit codes and JSON shapes are fixed.

pub mod manual;
pub mod output;
pub mod words;

use crate::app::{self, AppError};
use crate::domain::plan::Plan;
use crate::domain::text::clip;
use crate::domain::{
    self, Accepts, Category, Done, Entry, Group, Inscription, Level, ListKind, Mark, Mode, Role,
    RuleError, Session, Settings, Status, Time, Words, fmt_seconds,
};
pub use crate::present::json::{list_json, list_json_after, status_json};
use crate::store::{self, StoreError};
use clap::{Args, Parser, Subcommand};
use output::{deliver, refuse_session_paths};
pub(crate) use output::{emit, emit_bytes, say, warn};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "podium",
    version,
    about = "The live list of speakers at the podium desk",
    long_about = "The live list of speakers at the podium desk of an intergovernmental meeting.\nWithout a command, opens the screen on FILE (default: session.json in your data directory).",
    after_long_help = FORMATS
)]
pub struct Cli {
    /// The session file the screen opens (created if absent; default: session.json in your data
    /// directory).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Also serves the room's screens to browsers: PORT (this machine only) or HOST:PORT.
    #[arg(long, value_name = "ADDR")]
    pub serve: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The formats every command shares, shown at the end of `podium --help` and in docs/cli.md.
pub const FORMATS: &str = "\
Formats:
  FILE   a podium session file (JSON), as `podium new FILE` creates it
  ENTRY  an entry's id as `podium list` prints it, or a delegation's name (any case) that names
         exactly one waiting entry
  TIME   RFC 3339, e.g. 2022-10-14T09:30:00+02:00
  DUR    180s, 3m, 5m30s or 2:30

Exit status: 0 done; 1 refused by a rule or by bad data (one `error:` line on stderr that says
what to do, the file left byte for byte as it was); 2 a usage error (an unknown command, option
or word).

PODIUM_NOW (RFC 3339) pins the clock of the commands and the screen's starting time.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The screen on a copy of the built-in sample session (or of FILE), with a simulated clock.
    ///
    /// Writes neither FILE nor anything under your home or data directory: the copy lives in
    /// the system's temporary folder.
    Rehearse {
        /// How many times real time the simulated clock runs: a number from 0.0625 to 3600.
        #[arg(long, value_name = "N", default_value_t = 1.0, value_parser = parse_speed)]
        speed: f64,
        #[command(flatten)]
        file: ScreenFile,
        /// Also serves the room's screens to browsers: PORT (this machine only) or HOST:PORT.
        #[arg(long, value_name = "ADDR")]
        serve: Option<String>,
    },
    /// The read-only presenter view that follows FILE as the desk saves it.
    ///
    /// FILE defaults to session.json in your data directory. The view never takes the lock and
    /// never writes.
    Display {
        #[command(flatten)]
        file: ScreenFile,
        /// Follows the list of this conference folder that has the floor (SPEC section 8)
        /// instead of one file.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["path", "file"])]
        dir: Option<PathBuf>,
        /// Also serves the room's screens to browsers: PORT (this machine only) or HOST:PORT.
        #[arg(long, value_name = "ADDR")]
        serve: Option<String>,
    },
    /// Creates a new session file (never overwrites one).
    New(NewArgs),
    /// Adds an inscription.
    Add(AddArgs),
    /// Replaces the speaker of a waiting entry (R4).
    Replace {
        /// The session file.
        file: PathBuf,
        /// The waiting entry: its id, or its delegation's name.
        entry: String,
        /// The new speaker's name and title, e.g. "H.E. Ms. Ana Pérez".
        #[arg(long, value_name = "NAME")]
        speaker: String,
        /// The new speaker's level.
        #[arg(long, value_name = "LEVEL", value_parser = words_of::<Level>())]
        level: Level,
        /// When the change was notified to the secretariat (default: now), e.g.
        /// 2022-10-01T10:00:00+02:00.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Two waiting entries at the same level change places (R5); the first is the proposer.
    Swap {
        /// The session file.
        file: PathBuf,
        /// The first waiting entry (the one that proposed the swap).
        entry: String,
        /// The other waiting entry, at the same level.
        other: String,
        /// The time of the written notice (default: now), e.g. 2022-10-05T10:00:00+02:00.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Withdraws a waiting entry.
    Withdraw {
        /// The session file.
        file: PathBuf,
        /// The waiting entry: its id, or its delegation's name.
        entry: String,
        /// When the withdrawal was notified (default: now), e.g. 2022-10-17T10:30:00+02:00.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Ends the current speech (if any) and calls the first waiting entry, timer running (unless
    /// start-on-call is off: then the clock waits at 0:00 until `resume`).
    Next {
        /// The session file.
        file: PathBuf,
    },
    /// The list: spoken, current, the queue, withdrawn.
    List {
        /// The session file.
        file: PathBuf,
        /// One JSON object for other tools instead of the table (docs/cli.md shows its shape).
        #[arg(long)]
        json: bool,
    },
    /// Who is speaking and how long is left.
    Status {
        /// The session file.
        file: PathBuf,
        /// One JSON object for other tools instead of the sentence (docs/cli.md shows its shape).
        #[arg(long)]
        json: bool,
    },
    /// Checks a session file and says what is wrong with it.
    Check {
        /// The session file.
        file: PathBuf,
    },
    /// Corrects the spelling of an entry's speaker or delegation; the entry keeps its place.
    Rename {
        /// The session file.
        file: PathBuf,
        /// The entry: its id, or its delegation's name.
        entry: String,
        /// The speaker's name as it should be spelt.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// The delegation as it should be spelt (resolved against the reference data).
        #[arg(long, value_name = "D")]
        delegation: Option<String>,
    },
    /// A withdrawn entry waits again, at its own queued_at.
    Reinstate {
        /// The session file.
        file: PathBuf,
        /// The withdrawn entry: its id, or its delegation's name.
        entry: String,
        /// The time of the notice (default: now).
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Changes a setting: limit, chair-limit, second-limit, changeover, opens, closes,
    /// video-deadline, high-level-deadline, slots, observers-last, protocol-order, absent,
    /// start-on-call, messages (TEXT|TEXT|...), warning, title, time-zone.
    Set {
        /// The session file.
        file: PathBuf,
        /// The setting: limit, chair-limit, second-limit, changeover, opens, closes,
        /// video-deadline, high-level-deadline, slots, observers-last, protocol-order, absent,
        /// start-on-call, messages, warning, title or time-zone.
        key: String,
        /// Its value: DUR for the limits, changeover and warning (e.g. 3m); TIME or none for
        /// opens, closes, video-deadline and high-level-deadline; TIME/TIME,TIME/TIME or none
        /// for slots; on or off for observers-last, protocol-order and start-on-call;
        /// behind-next, end-of-tier or drop for absent; TEXT|TEXT|... or none for messages; TEXT
        /// for title; an IANA name for time-zone (e.g. Europe/Vienna).
        value: String,
    },
    /// The speaker is not in the room when called: the absent setting applies.
    Absent {
        /// The session file.
        file: PathBuf,
        /// The entry called: its id, or its delegation's name.
        entry: String,
    },
    /// Records a statement received, do not post / post, or who introduces a video.
    Mark(MarkArgs),
    /// Stops the current speaker's clock (refused when it is not running).
    Pause {
        /// The session file.
        file: PathBuf,
    },
    /// Starts the clock again, or starts the clock of a speaker called but not started.
    Resume {
        /// The session file.
        file: PathBuf,
    },
    /// A pause marked as a point of order.
    #[command(name = "point-of-order")]
    PointOfOrder {
        /// The session file.
        file: PathBuf,
    },
    /// Extra time for the current speaker (+DUR), or less (-DUR), e.g. +30s.
    Time {
        /// The session file.
        file: PathBuf,
        /// +DUR or -DUR, e.g. +30s, -30s, +1m.
        #[arg(allow_hyphen_values = true, value_name = "+DUR|-DUR")]
        change: String,
    },
    /// The message to the speaker on the presenter views; no TEXT clears it.
    Message {
        /// The session file.
        file: PathBuf,
        /// The message (words after FILE are joined by spaces).
        #[arg(allow_hyphen_values = true, value_name = "TEXT")]
        text: Vec<String>,
    },
    /// Exports the list: CSV or a spreadsheet for the secretariat, the complete record in
    /// Markdown, the Journal's list of speakers, the President's copy (HTML), or the whole
    /// session as JSON. Read-only on FILE.
    Export {
        /// The session file.
        file: PathBuf,
        /// The export's format.
        #[arg(long, value_enum)]
        format: crate::records::export::Format,
        /// Writes the export there (atomically) instead of to the standard output; the
        /// spreadsheet (xlsx) needs it.
        #[arg(long, value_name = "PATH", required_if_eq("format", "xlsx"))]
        output: Option<PathBuf>,
        /// The Journal's list with the speakers already heard too.
        #[arg(long)]
        all: bool,
    },
    /// What happened: speakers heard, time used against the limits, overruns, absences,
    /// points of order, pauses, the meeting slots.
    Report {
        /// The session file.
        file: PathBuf,
        /// text (the default) or html (one page with pictures).
        #[arg(long, value_enum, default_value = "text")]
        format: crate::report::ReportFormat,
        /// Writes the report there (atomically) instead of to the standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Opening lists only (R11): puts a waiting entry at place N, with the President's reason.
    Move {
        /// The session file.
        file: PathBuf,
        /// The entry: its id, or a delegation that names one waiting entry.
        entry: String,
        /// The place, from 1 to the number waiting.
        #[arg(long, value_name = "N")]
        to: usize,
        /// The President's reason, kept in the log.
        #[arg(long, value_name = "REASON")]
        reason: String,
    },
    /// The lists of a conference folder: title, kind, window, counts, who is at the podium.
    Lists {
        /// The folder of the conference's lists.
        dir: PathBuf,
        /// Prints {"lists": [...]} (SPEC section 8).
        #[arg(long)]
        json: bool,
    },
    /// Adds the inscriptions of a CSV file, all or none (header:
    /// requested_at,delegation,speaker,level,chair_of,category,mode,no_post).
    Import {
        /// The session file.
        file: PathBuf,
        /// The inscriptions: a CSV file with the header above; empty cells take the defaults of
        /// `add`.
        #[arg(value_name = "INSCRIPTIONS.csv")]
        inscriptions: PathBuf,
        /// Checks every row and says what would be added; changes nothing.
        #[arg(long = "dry-run")]
        dry_run: bool,
    },
    /// A shell completion script on the standard output.
    ///
    /// For example: `podium completions bash > ~/.local/share/bash-completion/completions/podium`,
    /// `podium completions zsh > ~/.zfunc/_podium`, `podium completions fish >
    /// ~/.config/fish/completions/podium.fish`.
    Completions {
        /// The shell the script is for.
        #[arg(value_enum)]
        shell: manual::Shell,
    },
    /// The manual page (roff) on the standard output, e.g. `podium man | man -l -`.
    Man,
}

/// FILE of `display` and `rehearse`: a plain argument, as for every other command, or
/// `--file FILE` (not both).
#[derive(Debug, Args)]
pub struct ScreenFile {
    /// The session file (also accepted as --file FILE).
    #[arg(value_name = "FILE", conflicts_with = "file")]
    pub path: Option<PathBuf>,
    /// The session file, as an option.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

impl ScreenFile {
    /// The file given either way, if any.
    pub fn into_path(self) -> Option<PathBuf> {
        self.path.or(self.file)
    }
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The session file to create (refused if it exists).
    pub file: PathBuf,
    /// The list's title, e.g. "COP11 general discussion" (default: List of speakers).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// When the list opens for inscriptions (default: always open), e.g.
    /// 2022-09-05T00:00:00+02:00.
    #[arg(long, value_name = "TIME")]
    pub opens: Option<String>,
    /// When the list closes (default: never), e.g. 2022-10-17T12:00:00+02:00.
    #[arg(long, value_name = "TIME")]
    pub closes: Option<String>,
    /// The speaking time of a speaker (default: 3m).
    #[arg(long, value_name = "DUR")]
    pub limit: Option<String>,
    /// The speaking time of the Chair of a regional group, for the group (default: 5m).
    #[arg(long = "chair-limit", value_name = "DUR")]
    pub chair_limit: Option<String>,
    /// A meeting slot START/END; repeat for several, e.g.
    /// 2022-10-17T10:00:00+02:00/2022-10-17T13:00:00+02:00.
    #[arg(long = "slot", value_name = "TIME/TIME")]
    pub slots: Vec<String>,
    /// What the list is for: general (the general discussion), opening (the opening
    /// statements, R11) or reply (a right-of-reply list, R12). Fixed for the life of the list.
    #[arg(long, value_name = "KIND", value_parser = words_of::<ListKind>(), default_value = "general")]
    pub kind: ListKind,
    /// The list's time zone, an IANA name such as Europe/Vienna (default: the machine's).
    #[arg(long = "time-zone", value_name = "TZ")]
    pub time_zone: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The session file.
    pub file: PathBuf,
    /// The delegation, e.g. Egypt or "European Union".
    #[arg(long, value_name = "D")]
    pub delegation: String,
    /// The speaker's name and title, e.g. "H.E. Mr. Omar Hassan".
    #[arg(long, value_name = "NAME")]
    pub speaker: String,
    /// The speaker's level (ministerial level or higher goes first).
    #[arg(long, value_name = "LEVEL", value_parser = words_of::<Level>())]
    pub level: Level,
    /// Speaking as Chair of a regional group, for the group (the full names are accepted too).
    #[arg(long = "chair-of", value_parser = words_of::<Group>(), value_name = "GROUP")]
    pub chair_of: Option<Group>,
    /// The delegation's category (default: from the reference data for the European Union and
    /// the observer States, else state-party).
    #[arg(long, value_parser = words_of::<Category>(), value_name = "CAT")]
    pub category: Option<Category>,
    /// How the statement is delivered (default: floor).
    #[arg(long, value_parser = words_of::<Mode>(), value_name = "MODE")]
    pub mode: Option<Mode>,
    /// When the request reached the secretariat (default: now), e.g. 2022-09-06T10:00:00+02:00.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Accepts a request outside the window, with the President's reason.
    #[arg(long, value_name = "REASON")]
    pub late: Option<String>,
    /// The delegation does not want its statement posted.
    #[arg(long = "no-post")]
    pub no_post: bool,
    /// Opening lists (R11): outgoing-president, incoming-president or executive-head.
    #[arg(long, value_parser = words_of::<Role>(), value_name = "ROLE")]
    pub role: Option<Role>,
}

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The session file.
    pub file: PathBuf,
    /// The entry: its id, or its delegation's name.
    pub entry: String,
    #[command(flatten)]
    pub what: MarkWhat,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = true)]
pub struct MarkWhat {
    /// The written statement has reached the secretariat.
    #[arg(long = "statement-received")]
    pub statement_received: bool,
    /// The delegation does not want its statement posted.
    #[arg(long = "no-post", conflicts_with = "post")]
    pub no_post: bool,
    /// The statement may be posted after all.
    #[arg(long)]
    pub post: bool,
    /// Who introduces the video statement (R7).
    #[arg(long, value_name = "NAME")]
    pub introducer: Option<String>,
}

/// A word of a fixed list (a level, group, category, mode), parsed as the domain parses it
/// (any case, synonyms and full names too), its words shown by `--help` and offered by the
/// shell completions. A word outside the list is a usage error (exit 2).
#[derive(Clone)]
pub struct WordList<T> {
    parse: fn(&str) -> Result<T, String>,
    words: fn() -> Vec<&'static str>,
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for WordList<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // The function parser's own error: "invalid value 'x' for '--level <LEVEL>': not a
        // level; one of: ...".
        clap::builder::TypedValueParser::parse_ref(&self.parse, cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.words)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// The parser of an enum with the domain's `Words` (a level, a group, a list kind...): its words
/// listed, parsed any case.
pub fn words_of<T: crate::domain::words::Words + Send + Sync>() -> WordList<T> {
    WordList {
        parse: <T as crate::domain::words::Words>::parse_or_list,
        words: || T::ALL.iter().map(|v| v.word()).collect(),
    }
}

/// `rehearse --speed N`: how many times real time, from 1/16 to 3600 (`0`, a negative number or
/// `inf` are refused rather than quietly taken as 1).
pub fn parse_speed(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (1.0 / 16.0..=3600.0).contains(&v) => Ok(v),
        _ => Err("the speed is how many times real time the clock runs: give a number from 0.0625 to 3600, e.g. 60".into()),
    }
}

/// A refused command: one `error:` line on stderr, exit 1, the file as it was. The command
/// line's name for the application layer's error.
pub type CliError = AppError;

/// The time now: the wall clock, or `PODIUM_NOW` (RFC 3339) so that tests and rehearsals of a
/// past meeting can pin it.
pub fn now() -> Time {
    crate::clock::now()
}

/// A TIME of the command line, read in the list's zone (SPEC section 10).
fn time_in(s: &Session, t: &Option<String>, now: Time) -> Result<Option<Time>, RuleError> {
    t.as_deref()
        .map(|t| s.reading(now).time(t))
        .transpose()
        .map_err(RuleError::BadValue)
}

/// ENTRY: an id, or a delegation's name as typed or in a short form the reference data knows
/// ("UK" names the entry of the United Kingdom of Great Britain and Northern Ireland).
fn entry_of(s: &Session, text: &str, accepts: Accepts) -> Result<u64, RuleError> {
    match s.resolve(text, accepts) {
        Err(RuleError::NoSuchEntry(e)) => match crate::delegations::resolve(text) {
            domain::names::Resolved::Known { name, .. } => s.resolve(&name, accepts),
            _ => Err(RuleError::NoSuchEntry(e)),
        },
        other => other,
    }
}

/// A delegation as typed, resolved against the reference data: the name to store, what to say
/// on stdout ("\"UK\" is written ..."), and a warning for a name the data lacks.
fn delegation_spelling(typed: &str) -> Result<crate::delegations::Spelling, RuleError> {
    crate::delegations::spelling(typed).map_err(RuleError::BadValue)
}

/// Puts what the name resolution said before what the change did.
fn noted(mut done: Done, spelling: &crate::delegations::Spelling) -> Done {
    if let Some(note) = &spelling.note {
        done.message = format!("{note}\n{}", done.message);
    }
    if let Some(w) = &spelling.warning {
        done.warnings.insert(0, w.clone());
    }
    done
}

fn duration(t: &Option<String>, default: i64) -> Result<i64, CliError> {
    match t {
        Some(t) => {
            let v = domain::parse_duration(t)?;
            if v < 1 {
                return Err(CliError::Input(format!(
                    "the limit {t} is too short: give e.g. 3m"
                )));
            }
            Ok(v)
        }
        None => Ok(default),
    }
}

/// Runs a headless command; returns the exit status.
pub fn run(command: Command) -> i32 {
    match execute(command) {
        Ok(()) => 0,
        Err(e) => {
            warn(&format!("error: {}", words::said(&e)));
            1
        }
    }
}

fn execute(command: Command) -> Result<(), CliError> {
    let now = now();
    match command {
        // The screens are opened by the binary's main, not here.
        Command::Rehearse { .. } | Command::Display { .. } => Err(CliError::Input(
            "this command opens a screen: run it as `podium rehearse` or `podium display`".into(),
        )),
        Command::Completions { shell } => manual::completions(shell),
        Command::Man => manual::man(),
        Command::New(a) => new(a, now),
        Command::Add(a) => change(&a.file, "podium add", now, |s| {
            let now = s.in_zone(now);
            let spelling = delegation_spelling(&a.delegation)?;
            let ins = Inscription {
                delegation: spelling.name.clone(),
                speaker: a.speaker,
                level: a.level,
                chair_of: a.chair_of,
                category: a
                    .category
                    .or(spelling.category)
                    .unwrap_or(Category::StateParty),
                mode: a.mode.unwrap_or_default(),
                requested_at: time_in(s, &a.at, now)?,
                late: a.late,
                no_post: a.no_post,
            };
            let role = a.role;
            Ok(noted(s.add_as(ins, role, now)?, &spelling))
        }),
        Command::Rename {
            file,
            entry,
            speaker,
            delegation,
        } => change(&file, "podium rename", now, |s| {
            let now = s.in_zone(now);
            let id = entry_of(s, &entry, Accepts::Any)?;
            let spelling = delegation.as_deref().map(delegation_spelling).transpose()?;
            let done = s.rename(
                id,
                speaker.as_deref(),
                spelling.as_ref().map(|sp| sp.name.as_str()),
                now,
            )?;
            Ok(match &spelling {
                Some(sp) => noted(done, sp),
                None => done,
            })
        }),
        Command::Reinstate { file, entry, at } => change(&file, "podium reinstate", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Withdrawn)?;
            s.reinstate(id, at, now)
        }),
        Command::Replace {
            file,
            entry,
            speaker,
            level,
            at,
        } => change(&file, "podium replace", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.replace(id, &speaker, level, at, now)
        }),
        Command::Swap {
            file,
            entry,
            other,
            at,
        } => change(&file, "podium swap", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let a = entry_of(s, &entry, Accepts::Waiting)?;
            let b = entry_of(s, &other, Accepts::Waiting)?;
            s.swap(a, b, at, now)
        }),
        Command::Withdraw { file, entry, at } => change(&file, "podium withdraw", now, |s| {
            let now = s.in_zone(now);
            let at = time_in(s, &at, now)?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.withdraw(id, at, now)
        }),
        Command::Next { file } => {
            // Refused before the lock is taken, so that no file of the folder changes at all.
            // The list itself is read only when another list has someone at the podium.
            if crate::conference::someone_speaking_elsewhere(&file)
                && let Ok(s) = store::load(&file)
                && !s.queue().is_empty()
            {
                crate::conference::refuse_second_speech(&file, &s).map_err(CliError::Input)?;
            }
            change(&file, "podium next", now, |s| {
                // One speech at a time in the room (SPEC section 8): only calling is refused; a
                // `next` that only ends the speech with nobody waiting is not a call.
                if !s.queue().is_empty() {
                    crate::conference::refuse_second_speech(&file, s)
                        .map_err(RuleError::BadValue)?;
                }
                s.next(now)
            })
        }
        Command::Move {
            file,
            entry,
            to,
            reason,
        } => change(&file, "podium move", now, |s| {
            s.may_move()?;
            let id = entry_of(s, &entry, Accepts::Waiting)?;
            s.move_to(id, to, &reason, now)
        }),
        Command::Lists { dir, json } => {
            let lists = crate::conference::scan(&dir)?;
            if json {
                emit(&(crate::conference::lists_json(&lists, now) + "\n"))
            } else {
                emit(&crate::conference::lists_table(&lists, now))
            }
        }
        Command::Absent { file, entry } => change(&file, "podium absent", now, |s| {
            let id = entry_of(s, &entry, Accepts::WaitingOrCurrent)?;
            s.absent(id, now)
        }),
        Command::Mark(m) => {
            let mut marks = Vec::new();
            let what = m.what;
            if what.statement_received {
                marks.push(Mark::StatementReceived);
            }
            if what.no_post {
                marks.push(Mark::NoPost);
            }
            if what.post {
                marks.push(Mark::Post);
            }
            if let Some(name) = what.introducer {
                marks.push(Mark::Introducer(name));
            }
            if marks.is_empty() {
                return Err(CliError::Input(
                    "say what to mark: --statement-received, --no-post, --post or --introducer NAME".into(),
                ));
            }
            change(&m.file, "podium mark", now, |s| {
                let id = entry_of(s, &m.entry, Accepts::AnyButWithdrawn)?;
                // Every mark made is reported, one line each, with all their warnings.
                let mut done = Done::default();
                for mark in marks {
                    let one = s.mark(id, mark, now)?;
                    if !done.message.is_empty() {
                        done.message.push('\n');
                    }
                    done.message.push_str(&one.message);
                    done.warnings.extend(one.warnings);
                    done.entry = one.entry;
                }
                Ok(done)
            })
        }
        // The floor's commands: `now` in the list's zone, as every other change (SPEC 10).
        Command::Pause { file } => change(&file, "podium pause", now, |s| {
            let now = s.in_zone(now);
            s.pause(now)
        }),
        Command::Resume { file } => {
            // Refused before any lock is taken, as `next` is, so that no file of the folder
            // changes (not even a lock file).
            if let Ok(s) = store::load(&file)
                && s.speech.as_ref().is_some_and(|sp| sp.not_started())
            {
                crate::conference::refuse_second_speech(&file, &s).map_err(CliError::Input)?;
            }
            change(&file, "podium resume", now, |s| {
                let now = s.in_zone(now);
                // Starting the clock of a speaker called but not started is a call (SPEC section
                // 8): refused while another list of the folder has a speaker at the podium.
                if s.speech.as_ref().is_some_and(|sp| sp.not_started()) {
                    crate::conference::refuse_second_speech(&file, s)
                        .map_err(RuleError::BadValue)?;
                }
                s.resume(now)
            })
        }
        Command::PointOfOrder { file } => change(&file, "podium point-of-order", now, |s| {
            let now = s.in_zone(now);
            s.point_of_order(now)
        }),
        Command::Time { file, change: by } => {
            let seconds = signed_duration(&by)?;
            change(&file, "podium time", now, |s| {
                let now = s.in_zone(now);
                s.extra_time(seconds, now)
            })
        }
        Command::Message { file, text } => {
            let text = text.join(" ");
            change(&file, "podium message", now, |s| {
                let now = s.in_zone(now);
                s.message_to_speaker(&text, now)
            })
        }
        Command::Set { file, key, value } => change(&file, "podium set", now, |s| {
            let now = s.in_zone(now);
            let setting = app::setting::parse_setting(&key, &value, &s.reading(now))
                .map_err(|e| RuleError::BadValue(e.to_string()))?;
            s.set(setting, now)
        }),
        Command::List { file, json } => {
            let s = app::read(&file)?;
            let earlier = day_before(&file, &s);
            let earlier: Vec<&Session> = earlier.iter().collect();
            if json {
                emit(&(list_json_after(&s, now, &earlier) + "\n"))
            } else {
                emit(&list_table_after(&s, now, &earlier))
            }
        }
        Command::Status { file, json } => {
            let s = app::read(&file)?;
            let now = s.in_zone(now);
            if json {
                emit(&(status_json(&s, now) + "\n"))
            } else {
                emit(&(status_line(&s, now) + "\n"))
            }
        }
        Command::Export {
            file,
            format,
            output,
            all,
        } => {
            if let Some(out) = &output {
                refuse_session_paths(&file, out)?;
            }
            let s = app::read(&file)?;
            // Every time shown in the list's zone (SPEC section 10), the time of the export too.
            let now = s.in_zone(now);
            let earlier = day_before(&file, &s);
            let earlier: Vec<&Session> = earlier.iter().collect();
            let bytes = crate::records::export::render(&s, &earlier, format, now, all)?;
            deliver(&bytes, output.as_deref(), |out| {
                format!(
                    "exported {} entries of {} to {}",
                    s.entries.len(),
                    file.display(),
                    out.display()
                )
            })
        }
        Command::Report {
            file,
            format,
            output,
        } => {
            if let Some(out) = &output {
                refuse_session_paths(&file, out)?;
            }
            let s = app::read(&file)?;
            let text = crate::report::render(&s, format, now);
            deliver(text.as_bytes(), output.as_deref(), |out| {
                format!("the report of {} is in {}", file.display(), out.display())
            })
        }
        Command::Import {
            file,
            inscriptions,
            dry_run,
        } => match crate::records::import::run(&file, &inscriptions, dry_run, now)? {
            crate::records::import::Imported::Checked { warnings, text } => {
                for w in &warnings {
                    warn(&format!("warning: {w}"));
                }
                emit(&text)
            }
            crate::records::import::Imported::Added(done) => {
                tell(&done);
                Ok(())
            }
        },
        Command::Check { file } => {
            // As written, so that the texts a hand edit put there are named (every other
            // output shows them cleaned).
            let s = app::read_as_written(&file)?;
            let mut problems = s.problems();
            problems.extend(domain::text::session_problems(&s));
            if problems.is_empty() {
                emit(&format!(
                    "{}: a sound podium session, \"{}\": {} entries ({} waiting, {} spoken), {} log records\n",
                    file.display(),
                    s.title,
                    s.entries.len(),
                    s.count(Status::Waiting),
                    s.count(Status::Spoken),
                    s.log.len()
                ))
            } else {
                let listed: String = problems.iter().map(|p| format!("- {p}\n")).collect();
                emit(&listed)?;
                let fallback = if store::backup_is_good(&file) {
                    format!(" or fall back to {}.bak", file.display())
                } else {
                    String::new()
                };
                Err(CliError::Input(format!(
                    "{} has {} problem(s), listed above; fix them{fallback}",
                    file.display(),
                    problems.len(),
                )))
            }
        }
    }
}

fn new(a: NewArgs, now: Time) -> Result<(), CliError> {
    // `new` has no list yet: its times are read in --time-zone, else the machine's zone.
    let zone_name = match &a.time_zone {
        Some(name) => name.clone(),
        None => crate::clock::machine_zone(),
    };
    let zone = domain::zone::parse_zone(&zone_name).ok_or_else(|| {
        CliError::Input(format!(
            "\"{}\" is not a time zone podium knows: give an IANA name such as Europe/Vienna, America/New_York or UTC",
            zone_name.trim()
        ))
    })?;
    let now = domain::when::in_zone(now, zone);
    let read = |t: &Option<String>, opens: Option<Time>| -> Result<Option<Time>, CliError> {
        let reading = domain::when::Reading::for_list(zone, opens, now);
        Ok(t.as_deref().map(|t| reading.time(t)).transpose()?)
    };
    let opens = read(&a.opens, None)?;
    let defaults = Settings::for_kind(a.kind);
    let mut settings = Settings {
        limit_seconds: duration(&a.limit, defaults.limit_seconds)?,
        chair_limit_seconds: duration(&a.chair_limit, defaults.chair_limit_seconds)?,
        opens,
        closes: read(&a.closes, opens)?,
        ..defaults
    };
    Settings::check_window(settings.opens, settings.closes)?;
    let reading = domain::when::Reading::for_list(zone, opens, now);
    let slots = a
        .slots
        .iter()
        .map(|s| reading.slot(s))
        .collect::<Result<Vec<_>, _>>()?;
    settings.slots = domain::list::check_slots(slots)?;
    if a.file.exists() {
        return Err(StoreError::Exists {
            path: a.file.display().to_string(),
        }
        .into());
    }
    if let Some(folder) = a.file.parent()
        && !folder.as_os_str().is_empty()
        && !folder.is_dir()
    {
        return Err(CliError::Input(format!(
            "the folder {} does not exist: create it first, or give a file in a folder that does",
            folder.display()
        )));
    }
    let title = a.title.unwrap_or_else(|| "List of speakers".to_string());
    domain::list::one_line(&title, "title")?;
    let mut session = Session::new(&title, settings, now);
    session.kind = a.kind;
    session.time_zone = zone.name().to_string();
    session.normalise_times();
    app::create(&a.file, "podium new", &session)?;
    say(&format!(
        "created {} \"{title}\"{}",
        a.file.display(),
        match a.kind {
            ListKind::General => String::new(),
            kind => format!(" ({})", kind.label()),
        }
    ));
    Ok(())
}

/// The plan sees the day: the lists of the folder that speak before this one (SPEC section 8),
/// for `list` and the exports alike. A list without slots has no plan to shift.
fn day_before(file: &Path, s: &Session) -> Vec<Session> {
    if s.settings.slots.is_empty() {
        Vec::new()
    } else {
        crate::conference::earlier_lists(file, s.kind)
    }
}

/// `time FILE +DUR|-DUR`: the seconds to give (positive) or take (negative).
pub fn signed_duration(text: &str) -> Result<i64, CliError> {
    let t = text.trim();
    let (sign, rest) = match t.chars().next() {
        Some('+') => (1, &t[1..]),
        Some('-') => (-1, &t[1..]),
        _ => {
            return Err(CliError::Input(format!(
                "\"{text}\" says no direction: write +30s to give more time, -30s to take some"
            )));
        }
    };
    let seconds = domain::parse_duration(rest)?;
    if seconds == 0 {
        return Err(CliError::Input(
            "a change of zero seconds changes nothing: give e.g. +30s or -30s".into(),
        ));
    }
    Ok(sign * seconds)
}

/// Applies one change through the application layer, then says what it did: its warnings on
/// the standard error, its message on the standard output.
fn change(
    file: &Path,
    what: &str,
    now: Time,
    apply: impl FnOnce(&mut Session) -> Result<Done, RuleError>,
) -> Result<(), CliError> {
    let done = app::change(file, what, now, apply)?;
    tell(&done);
    Ok(())
}

/// A change's warnings (`warning: ...` on the standard error) and its message.
fn tell(done: &Done) {
    for w in &done.warnings {
        warn(&format!("warning: {w}"));
    }
    say(&done.message);
}

fn status_line(s: &Session, now: Time) -> String {
    let who = match (s.current(), s.speech.as_ref()) {
        (Some(e), Some(sp)) => {
            let elapsed = sp.elapsed_seconds(now);
            let left = e.limit_seconds.saturating_sub(elapsed);
            format!(
                "At the podium: #{} {} ({}, {}), {} of {}, {}{}",
                e.id,
                e.title(),
                e.speaker,
                e.mode.word(),
                fmt_seconds(elapsed),
                fmt_seconds(e.limit_seconds),
                if left >= 0 {
                    format!("{} left", fmt_seconds(left))
                } else {
                    format!("{} OVER", fmt_seconds(left.saturating_neg()))
                },
                if sp.point_of_order {
                    ", paused (point of order)"
                } else if sp.not_started() {
                    ", called, the clock not started"
                } else if !sp.running {
                    ", paused"
                } else {
                    ""
                }
            )
        }
        _ => "Nobody at the podium.".to_string(),
    };
    format!(
        "{who}\n{} waiting, {} spoken. The list {} (now {}).\nList: {} ({}).",
        s.count(Status::Waiting),
        s.count(Status::Spoken),
        s.window_words(),
        s.window_state(now).word(),
        s.title,
        s.kind.label()
    )
}

/// The readable table of `podium list`.
pub fn list_table(s: &Session, now: Time) -> String {
    list_table_after(s, now, &[])
}

/// [`list_table`] with the lists of the conference that speak first that day.
pub fn list_table_after(s: &Session, now: Time, earlier: &[&Session]) -> String {
    use std::fmt::Write;
    let now = s.in_zone(now);
    let queue = s.queue();
    let plan = Plan::compute_after(s, &queue, now, earlier);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}; {} waiting, {} spoken; the list {}; times in {})",
        s.title,
        s.kind.label(),
        queue.len(),
        s.count(Status::Spoken),
        s.window_words(),
        s.time_zone
    );
    let _ = writeln!(
        out,
        "{:>5} {:>5}  {:<32} {:<24} {:<21} {:<6} {:>6}  {:<16} status",
        "place", "id", "delegation", "speaker", "level", "mode", "limit", "requested"
    );
    let row = |out: &mut String, place: String, e: &Entry, note: String| {
        let _ = writeln!(
            out,
            "{:>5} {:>5}  {:<32} {:<24} {:<21} {:<6} {:>6}  {:<16} {}",
            place,
            e.id,
            clip(&e.title(), 32),
            clip(&e.speaker, 24),
            e.level.word(),
            e.mode.word(),
            fmt_seconds(e.limit_seconds),
            s.local(e.requested_at).format("%Y-%m-%d %H:%M"),
            note
        );
    };
    for e in s.display_order() {
        match e.status {
            Status::Waiting => {}
            Status::Current => row(&mut out, "now".into(), e, "speaking".into()),
            Status::Spoken => row(
                &mut out,
                "-".into(),
                e,
                format!("spoke {}", fmt_seconds(e.spoken_seconds.unwrap_or(0))),
            ),
            Status::Withdrawn => row(&mut out, "-".into(), e, "withdrawn".into()),
        }
    }
    let mut heading = None;
    for (i, e) in queue.iter().enumerate() {
        let h = s.section(e);
        // Only the general discussion has the two tiers of R3.
        if s.kind == ListKind::General && heading != Some(h) {
            let _ = writeln!(
                out,
                "  -- {}{} --",
                h.words(),
                if h.observers() { ", observers" } else { "" }
            );
            heading = Some(h);
        }
        let note = match plan.starts.get(i).copied().flatten() {
            Some(t) => format!("waiting, starts ~{}", s.local(t).format("%H:%M")),
            None if !s.settings.slots.is_empty() => "waiting, past the last slot".into(),
            None => "waiting".into(),
        };
        row(&mut out, (i + 1).to_string(), e, note);
    }
    if let Some(end) = plan.expected_end {
        let _ = writeln!(
            out,
            "Expected to end at {}{}",
            s.local(end).format("%Y-%m-%d %H:%M"),
            if plan.not_reached > 0 {
                format!("; {} will not be reached in the slots", plan.not_reached)
            } else {
                String::new()
            }
        );
    }
    out
}
