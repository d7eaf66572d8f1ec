//! The command line's own documentation, all made from the clap definitions of `cli`, so none of
//! it can drift from what the program accepts: `podium man` (roff), `podium completions SHELL`,
//! and docs/cli.md (kept equal to [`markdown`] by tests/cli_doc.rs).

use super::args::{Cli, FORMATS, Shell};
use super::output::{CliError, emit_bytes};
use clap::CommandFactory;

/// The whole command, built (subcommands know their full names, e.g. "podium add") and with a
/// fixed width, so that every rendering is the same on every terminal.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command().term_width(100).max_term_width(100);
    cmd.build();
    cmd
}

/// The subcommands a person runs (clap's own `help` is left out: it repeats `--help`).
pub fn subcommands(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands().filter(|s| s.get_name() != "help")
}

/// `podium completions SHELL`: the script on the standard output.
pub fn completions(shell: Shell) -> Result<(), CliError> {
    emit_bytes(&completion_script(shell))
}

pub fn completion_script(shell: Shell) -> Vec<u8> {
    use clap_complete::Shell as S;
    let generator = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
    };
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(generator, &mut cmd, "podium", &mut out);
    out
}

/// `podium man`: the manual page on the standard output.
pub fn man() -> Result<(), CliError> {
    let page =
        man_page().map_err(|e| CliError::Input(format!("cannot write the manual page ({e})")))?;
    emit_bytes(&page)
}

/// One page, podium(1): the program, then a COMMANDS section with every subcommand's synopsis,
/// description and options, then the formats and exit status.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let cmd = command();
    let top = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    // Every piece clap_mangen renders starts with the same two-line preamble (the `Aq` string):
    // the page needs it once, before the title.
    top.render_title(&mut out)?;
    let add = |out: &mut Vec<u8>, piece: &[u8], keep_heading: bool| {
        for line in String::from_utf8_lossy(piece).lines() {
            let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
            if preamble || (!keep_heading && line.starts_with(".SH")) {
                continue;
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    };
    type Render = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let top_sections: [Render; 4] = [
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    for render in top_sections {
        let mut piece = Vec::new();
        render(&top, &mut piece)?;
        add(&mut out, &piece, true);
    }
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in subcommands(&cmd) {
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        out.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        let man = clap_mangen::Man::new(sub.clone());
        // Inside COMMANDS, a command's synopsis, description and options are paragraphs of its
        // subsection, not sections of their own.
        let sub_sections: [Render; 3] = [
            clap_mangen::Man::render_synopsis_section,
            clap_mangen::Man::render_description_section,
            clap_mangen::Man::render_options_section,
        ];
        for render in sub_sections {
            let mut piece = Vec::new();
            render(&man, &mut piece)?;
            out.extend_from_slice(b".PP\n");
            add(&mut out, &piece, false);
        }
    }
    for render in [
        clap_mangen::Man::render_extra_section as Render,
        clap_mangen::Man::render_version_section,
    ] {
        let mut piece = Vec::new();
        render(&top, &mut piece)?;
        add(&mut out, &piece, true);
    }
    Ok(out)
}

/// docs/cli.md: every command's `--help`, the formats, the exit status and the JSON shapes.
pub fn markdown() -> String {
    use std::fmt::Write;
    let cmd = command();
    let mut out = String::new();
    out.push_str(
        "# The podium command line\n\n\
         <!-- Generated from the clap definitions (src/cli/args.rs) and src/cli/manual.rs; do not edit.\n     \
         Regenerate with: UPDATE_CLI_DOC=1 cargo test --test cli_doc -->\n\n\
         Every command, option and accepted word, exactly as `podium COMMAND --help` prints it.\n\
         The same text is the manual page (`podium man | man -l -`); `podium completions\n\
         bash|zsh|fish|powershell` prints a completion script.\n\n",
    );
    out.push_str("## Commands\n\n");
    for sub in subcommands(&cmd) {
        let name = sub.get_bin_name().unwrap_or(sub.get_name());
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let _ = writeln!(out, "- [`{name}`](#{}): {about}", anchor(name));
    }
    out.push_str("\n## Formats and exit status\n\n```text\n");
    out.push_str(FORMATS);
    out.push_str("\n```\n\n");
    out.push_str(JSON_SHAPES);
    let _ = writeln!(out, "\n## podium\n\n```text\n{}```", help(&cmd, None));
    for sub in subcommands(&cmd) {
        let name = sub.get_name();
        let full = sub.get_bin_name().unwrap_or(name);
        let _ = writeln!(out, "\n## {full}\n\n```text\n{}```", help(&cmd, Some(name)));
    }
    out
}

/// What `podium [COMMAND] --help` prints (clap chooses the long or the short form), without
/// colour, with no trailing spaces.
fn help(cmd: &clap::Command, sub: Option<&str>) -> String {
    let args = ["podium"].into_iter().chain(sub).chain(["--help"]);
    let text = match cmd.clone().try_get_matches_from(args) {
        Err(e) => e.render().to_string(),
        Ok(_) => String::new(),
    };
    let mut out: String = text
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// GitHub's anchor of a heading: lower case, spaces as dashes.
fn anchor(heading: &str) -> String {
    heading.to_lowercase().replace(' ', "-")
}

/// The JSON of `list --json` and `status --json` (SPEC section 3); tests/cli_doc.rs checks that
/// every key the program prints is named here.
pub const JSON_SHAPES: &str = r#"## JSON shapes

`podium list FILE --json` prints one object:

```json
{
  "title": "COP11 general discussion",
  "kind": "general",
  "time_zone": "Europe/Vienna",
  "window": "open",
  "entries": [
    {
      "id": 3,
      "position": 1,
      "delegation": "Kenya",
      "speaker": "H.E. Mr. C",
      "level": "minister",
      "priority": true,
      "chair_of": null,
      "category": "state-party",
      "mode": "floor",
      "limit_seconds": 180,
      "requested_at": "2022-09-08T10:00:00+02:00",
      "queued_at": "2022-09-08T10:00:00+02:00",
      "status": "waiting",
      "spoken_seconds": null,
      "projected_start": "2022-10-17T10:03:00+02:00",
      "role": null,
      "reply": null,
      "moved": false,
      "introducer": null,
      "statement_received": false,
      "no_post": false,
      "late_reason": null,
      "video_late": false
    }
  ]
}
```

- `window`: `not-open` before `opens`, `closed` after `closes`, else `open`.
- `entries` in display order: spoken ones in the order they spoke, then the current one, then
  the queue, then withdrawn ones in the order they withdrew.
- `position`: the 1-based place in the queue, `null` when not waiting. `status`: `waiting`,
  `current`, `spoken` or `withdrawn`. `priority`: ministerial level or higher.
- `chair_of`: a group word (`african`, `asia-pacific`, `eastern-european`,
  `latin-american-caribbean`, `weog`) or `null`. `level`, `category`, `mode`: the words of
  `podium add --help`.
- `spoken_seconds`: `null` unless spoken. `projected_start`: for a waiting entry when the list
  has meeting slots and it fits in one, else `null`. Every `*_seconds` value is an integer;
  every time is an RFC 3339 string.
- `requested_at` never changes; `queued_at` is `requested_at`, or the notice time of a
  replacement that changed tier; a swap exchanges the two entries' `queued_at`.
- `role` (opening lists: the role word or `null`), `reply` (reply lists: 1 or 2), `moved`
  (opening lists: put at its place by the President, `move`);
  `introducer`, `statement_received`, `no_post`, `late_reason` on every list; `video_late`: a
  video statement requested after the video deadline.

`podium status FILE --json` prints one object:

```json
{
  "current": {
    "id": 3,
    "delegation": "Kenya",
    "speaker": "H.E. Mr. C",
    "limit_seconds": 180,
    "elapsed_seconds": 9,
    "remaining_seconds": 171,
    "running": true,
    "point_of_order": false
  },
  "message": null,
  "waiting": 4,
  "spoken": 0
}
```

- `current` is `null` when nobody is at the podium; `remaining_seconds` goes negative in
  overtime. `message`: the message to the speaker on the presenter views, or `null`.

`podium lists DIR --json` prints every list of a conference folder, in file name order:

```json
{
  "lists": [
    {
      "file": "1-opening.json",
      "title": "Opening statements",
      "kind": "opening",
      "window": "open",
      "waiting": 8,
      "spoken": 1,
      "current": { "id": 2, "delegation": "Thailand" },
      "error": null
    }
  ]
}
```

- An unreadable file (broken, or of a version podium does not know) has its `error` and
  `null` elsewhere; a JSON file that is not a podium session is left out.
"#;
