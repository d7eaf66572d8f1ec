//! The command line's documentation cannot drift from the program: docs/cli.md is what the clap
//! definitions render (regenerate it with `UPDATE_CLI_DOC=1 cargo test --test cli_doc`), every
//! argument has a description, the JSON keys the program prints are all named there, and the
//! completion scripts and the manual page are accepted by their shells and by man.

use podium::manual;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod support;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn podium(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_podium"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("podium runs")
}

fn stdout(args: &[&str]) -> String {
    let out = podium(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn docs_cli_md_is_what_the_clap_definitions_render() {
    let path = root().join("docs/cli.md");
    let wanted = manual::markdown();
    if std::env::var_os("UPDATE_CLI_DOC").is_some() {
        std::fs::write(&path, &wanted).expect("docs/cli.md written");
        return;
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    if found != wanted {
        let line = found
            .lines()
            .zip(wanted.lines())
            .position(|(a, b)| a != b)
            .map_or(found.lines().count().min(wanted.lines().count()), |i| i)
            + 1;
        panic!(
            "docs/cli.md differs from the clap definitions (first at line {line}): regenerate it with `UPDATE_CLI_DOC=1 cargo test --test cli_doc`"
        );
    }
}

#[test]
fn every_command_s_help_in_docs_cli_md_is_what_the_binary_prints() {
    let doc = manual::markdown();
    let cmd = manual::command();
    let mut names = vec![None];
    names.extend(manual::subcommands(&cmd).map(|s| Some(s.get_name().to_string())));
    for name in names {
        let mut args: Vec<&str> = name.iter().map(String::as_str).collect();
        args.push("--help");
        let printed: String = stdout(&args)
            .lines()
            .map(|l| format!("{}\n", l.trim_end()))
            .collect();
        assert!(
            doc.contains(printed.trim_end()),
            "`podium {}` is not in docs/cli.md as the binary prints it:\n{printed}",
            args.join(" ")
        );
    }
}

#[test]
fn every_argument_of_every_command_has_a_description() {
    let cmd = manual::command();
    let mut commands = vec![&cmd];
    commands.extend(manual::subcommands(&cmd));
    let mut missing = Vec::new();
    for c in commands {
        assert!(
            c.get_about()
                .is_some_and(|a| !a.to_string().trim().is_empty()),
            "{} has no description",
            c.get_name()
        );
        for arg in c.get_arguments() {
            let help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            if help.trim().is_empty() {
                missing.push(format!("{} {}", c.get_name(), arg.get_id()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "arguments without a description: {missing:?}"
    );
}

#[test]
fn help_lists_the_words_a_level_group_category_and_mode_take() {
    let help = stdout(&["add", "--help"]);
    for word in [
        "head-of-state",
        "deputy-prime-minister",
        "delegate",
        "african",
        "latin-american-caribbean",
        "weog",
        "state-party",
        "observer-state",
        "ngo",
        "floor",
        "remote",
        "video",
    ] {
        assert!(help.contains(word), "`add --help` lists {word}:\n{help}");
    }
    let replace = stdout(&["replace", "--help"]);
    assert!(replace.contains("head-of-delegation"), "{replace}");
    let export = stdout(&["export", "--help"]);
    assert!(export.contains("csv") && export.contains("md"), "{export}");
}

#[test]
fn a_word_not_in_the_list_is_still_a_usage_error_and_synonyms_still_parse() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("s.json");
    let f = file.to_str().expect("UTF-8 path");
    stdout(&["new", f]);
    let out = podium(&[
        "add",
        f,
        "--delegation",
        "Peru",
        "--speaker",
        "X",
        "--level",
        "boss",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("minister"), "the words are shown: {err}");
    // The domain's spellings beyond the words: any case, synonyms, full group names.
    stdout(&[
        "add",
        f,
        "--delegation",
        "Peru",
        "--speaker",
        "X",
        "--level",
        "Vice-Minister",
        "--chair-of",
        "Latin American and Caribbean States",
        "--mode",
        "REMOTE",
        "--at",
        "2022-09-06T10:00:00+02:00",
    ]);
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&["list", f, "--json"])).expect("JSON");
    let e = &list["entries"][0];
    assert_eq!(e["level"], "deputy-minister");
    assert_eq!(e["chair_of"], "latin-american-caribbean");
    assert_eq!(e["mode"], "remote");
}

/// Every key of `value`, at any depth.
fn keys(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                into.push(k.clone());
                keys(v, into);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

#[test]
fn every_json_key_the_program_prints_is_named_in_docs_cli_md() {
    let doc = manual::markdown();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("s.json");
    let f = file.to_str().expect("UTF-8 path");
    stdout(&["new", f, "--title", "COP11"]);
    for (d, level) in [("Kenya", "minister"), ("Peru", "delegate")] {
        stdout(&[
            "add",
            f,
            "--delegation",
            d,
            "--speaker",
            "X",
            "--level",
            level,
            "--at",
            "2022-09-06T10:00:00+02:00",
        ]);
    }
    stdout(&["next", f]);
    let mut found = Vec::new();
    for args in [["list", f, "--json"], ["status", f, "--json"]] {
        let v: serde_json::Value = serde_json::from_str(&stdout(&args)).expect("JSON");
        keys(&v, &mut found);
    }
    let undocumented: Vec<&String> = found
        .iter()
        .filter(|k| !doc.contains(&format!("\"{k}\":")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "keys printed but not in docs/cli.md's JSON shapes (src/cli/manual.rs JSON_SHAPES): {undocumented:?}"
    );
}

fn script(shell: &str, dir: &Path) -> PathBuf {
    let path = dir.join(format!("podium.{shell}"));
    let text = stdout(&["completions", shell]);
    assert!(text.contains("podium"), "{shell}: {text}");
    std::fs::write(&path, text).expect("script written");
    path
}

fn accepted(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bash_accepts_the_bash_completion_script_and_completes_a_command() {
    if !support::needs::tool(
        "bash",
        &["--version"],
        "to check the bash completion script",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = script("bash", dir.path());
    let p = path.to_str().expect("UTF-8 path");
    accepted("bash", &["-n", p]);
    // Sourced, it registers a completion for podium, and `podium ad<Tab>` offers add.
    let probe = format!(
        "source {p} && complete -p podium && COMP_WORDS=(podium ad) && COMP_CWORD=1 && _podium podium ad podium && printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .expect("bash runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.lines().any(|l| l == "add"),
        "completes `ad` to add: {said}"
    );
}

#[test]
fn zsh_fish_and_powershell_accept_their_scripts_where_they_are_here() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for shell in ["zsh", "fish", "powershell"] {
        // Every script is printed, whichever shell is here.
        let path = script(shell, dir.path());
        let p = path.to_str().expect("UTF-8 path");
        match shell {
            "zsh" if support::needs::optional("zsh", &["--version"], "to check the zsh script") => {
                accepted("zsh", &["-n", p])
            }
            "fish"
                if support::needs::optional("fish", &["--version"], "to check the fish script") =>
            {
                accepted("fish", &["--no-execute", p])
            }
            "powershell"
                if support::needs::optional(
                    "pwsh",
                    &["-Version"],
                    "to check the PowerShell script",
                ) =>
            {
                accepted("pwsh", &["-NoProfile", "-Command", &format!(". '{p}'")])
            }
            _ => {}
        }
    }
}

/// Text without terminal styling: "X\x08X" overstrikes and `ESC [ ... m` sequences removed.
fn plain(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{8}' => {
                out.pop();
            }
            '\u{1b}' => {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out.into_iter().collect()
}

#[test]
fn groff_and_man_accept_the_manual_page() {
    if !support::needs::tool("groff", &["--version"], "to check the manual page's roff") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let page = dir.path().join("podium.1");
    let roff = stdout(&["man"]);
    assert!(roff.contains(".TH podium 1"), "{roff}");
    std::fs::write(&page, &roff).expect("page written");
    let p = page.to_str().expect("UTF-8 path");
    // -ww: every warning; -z: no output, only the check.
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z", p])
        .output()
        .expect("groff runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warns");
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", p])
        .output()
        .expect("groff runs");
    // grotty's bold and underline (overstrikes or SGR escapes) would split the words.
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    // groff spreads a justified line's spaces from alternate ends line after line, so "Exit
    // status" may be printed "Exit  status" depending on the lines before it: spaces collapsed.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in [
        "podium add",
        "podium completions",
        "--level",
        "head-of-state",
        "Exit status",
    ] {
        assert!(
            text.contains(wanted) || text.contains(&wanted.replace('-', "\u{2010}")),
            "the page shows {wanted}"
        );
    }
    if support::needs::optional("man", &["--version"], "to open the page as `man -l` does") {
        let out = Command::new("man")
            .args(["-l", p])
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .expect("man runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("COMMANDS"));
    }
}

/// docs/SPEC.md and tests/tools/check-contract are copies of the shared contract and its
/// check, kept in the repository so that a fresh clone has them; where the shared originals
/// are near the checkout (a `shared` folder beside it or beside a folder above it), the copies
/// must be equal to them.
#[test]
fn the_contract_s_copies_in_the_repository_are_the_shared_ones() {
    let shared = root()
        .ancestors()
        .skip(1)
        .map(|a| a.join("shared"))
        .find(|s| s.join("SPEC.md").is_file());
    for (copy, original) in [
        ("docs/SPEC.md", "SPEC.md"),
        ("tests/tools/check-contract", "tools/check-contract"),
    ] {
        let copy_text = std::fs::read(root().join(copy)).expect("the copy is in the repository");
        match &shared {
            Some(shared) => {
                let original_text = std::fs::read(shared.join(original)).expect("the original");
                assert!(
                    copy_text == original_text,
                    "{copy} differs from {}: copy it again",
                    shared.join(original).display()
                );
            }
            None => {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED comparing {copy}: no shared/{original} near this checkout"
                );
            }
        }
    }
}

#[test]
fn the_word_parser_of_a_domain_enum_lists_its_words_and_reads_any_case() {
    use clap::builder::TypedValueParser;
    let parser = podium::cli::words_of::<podium::domain::ListKind>();
    let words: Vec<String> = parser
        .possible_values()
        .expect("words listed")
        .map(|v| v.get_name().to_string())
        .collect();
    assert_eq!(words, ["general", "opening", "reply"]);
    let cmd = clap::Command::new("podium");
    let kind = parser
        .parse_ref(&cmd, None, std::ffi::OsStr::new("Opening"))
        .expect("parsed");
    assert_eq!(kind, podium::domain::ListKind::Opening);
    let err = parser
        .parse_ref(&cmd, None, std::ffi::OsStr::new("plenary"))
        .expect_err("refused");
    assert_eq!(err.exit_code(), 2, "a usage error");
    assert!(err.to_string().contains("general, opening, reply"), "{err}");
}
