//! The command line's arguments, as clap reads them: the commands, their flags and the words
//! each accepts.

use crate::domain::{Category, Group, Level, ListKind, Mode, Role};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

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
        format: crate::records::Format,
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
        shell: Shell,
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

/// The shells of `podium completions` (SPEC section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}
