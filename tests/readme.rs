//! README.md keeps its word: the tour runs as written and prints what README shows, the CSV
//! header is the program's own, and every path it names is in the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// One command of the tour as README writes it (continuation lines included) and the output
/// lines README shows under it (`#   ` lines).
#[derive(Debug)]
struct Step {
    command: String,
    shown: Vec<String>,
}

/// The ```sh block of the section "A tour of the command line", as steps.
fn tour(readme: &str) -> Vec<Step> {
    let section = readme
        .find("## A tour of the command line")
        .expect("README has the tour");
    let rest = &readme[section..];
    let start = rest.find("```sh\n").expect("the tour's sh block") + "```sh\n".len();
    let block = &rest[start..];
    let block = &block[..block.find("\n```").expect("the block ends")];
    let mut steps: Vec<Step> = Vec::new();
    let mut continued = false;
    for line in block.lines() {
        if continued {
            let last = steps.last_mut().expect("a command to continue");
            last.command.push('\n');
            last.command.push_str(line);
            continued = line.trim_end().ends_with('\\');
        } else if let Some(shown) = line.strip_prefix("#   ") {
            steps
                .last_mut()
                .expect("output shown under a command")
                .shown
                .push(shown.to_string());
        } else if line.trim().is_empty() || line.trim_start().starts_with('#') {
            // A comment for the reader.
        } else {
            continued = line.trim_end().ends_with('\\');
            steps.push(Step {
                command: line.to_string(),
                shown: Vec::new(),
            });
        }
    }
    steps
}

/// Whether an output line is what README shows, `...` standing for any text.
fn matches(shown: &str, line: &str) -> bool {
    let pieces: Vec<&str> = shown.split("...").collect();
    if pieces.len() == 1 {
        return shown == line;
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if !line.starts_with(first) || !line.ends_with(last) || line.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &line[first.len()..line.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(i) => rest = &rest[i + piece.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn the_readme_tour_runs_as_written_and_prints_what_readme_shows() {
    if !support::needs::tool(
        "bash",
        &["--version"],
        "the README's tour is a shell script",
    ) {
        return;
    }
    let steps = tour(&readme());
    assert!(steps.len() > 15, "the tour has its commands: {steps:?}");
    assert!(
        steps.iter().filter(|s| !s.shown.is_empty()).count() > 10,
        "the tour shows what most commands print"
    );
    // One shell runs the whole tour, as a reader's would (an `export` holds for what follows);
    // markers between the commands say whose output is whose.
    let mut script = String::new();
    for (i, step) in steps.iter().enumerate() {
        // The newline before `}` ends a trailing comment of the command.
        script.push_str(&format!(
            "echo '@@@ {i}'\n{{ {}\n}} 2>&1\necho \"@@@ exit $?\"\n",
            step.command
        ));
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bin = Path::new(env!("CARGO_BIN_EXE_podium"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &script])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("NO_COLOR", "1")
        .env("PODIUM_NOW", "2022-10-17T10:00:00+02:00")
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut outputs: Vec<(Vec<&str>, Option<i32>)> = Vec::new();
    for line in text.lines() {
        if let Some(code) = line.strip_prefix("@@@ exit ") {
            let code = code.trim().parse().ok();
            if let Some(last) = outputs.last_mut() {
                last.1 = code;
            }
        } else if line.starts_with("@@@ ") {
            outputs.push((Vec::new(), None));
        } else if let Some(last) = outputs.last_mut() {
            last.0.push(line);
        }
    }
    assert_eq!(outputs.len(), steps.len(), "every command ran:\n{text}");
    for (step, (lines, code)) in steps.iter().zip(&outputs) {
        let refused = step.shown.iter().any(|s| s.starts_with("error:"));
        assert_eq!(
            *code,
            Some(if refused { 1 } else { 0 }),
            "`{}` exits as README says; it printed:\n{}",
            step.command,
            lines.join("\n")
        );
        for shown in &step.shown {
            assert!(
                lines.iter().any(|l| matches(shown, l)),
                "`{}`: README shows\n  {shown}\nbut it printed:\n{}",
                step.command,
                lines.join("\n")
            );
        }
    }
}

#[test]
fn the_readme_s_csv_header_is_the_one_the_program_writes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("s.json");
    let podium = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(args)
            .output()
            .expect("podium runs");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let f = file.to_str().expect("UTF-8 path");
    podium(&["new", f]);
    let csv = podium(&["export", f, "--format", "csv"]);
    let header = csv.lines().next().expect("a header line");
    assert!(
        readme().lines().any(|l| l.trim() == header),
        "README shows the CSV header exactly as the program writes it:\n{header}"
    );
}

#[test]
fn the_readme_names_no_path_outside_the_repository() {
    let text = readme();
    let outside: Vec<&str> = text.lines().filter(|l| l.contains("../")).collect();
    assert!(
        outside.is_empty(),
        "README points outside the repository (put what it needs in docs/): {outside:?}"
    );
}

#[test]
fn every_file_the_readme_names_is_in_the_repository() {
    let text = readme();
    let mut missing = Vec::new();
    for quoted in text.split('`').skip(1).step_by(2) {
        let first = quoted.split_whitespace().next().unwrap_or("");
        let named = [
            "docs/", "assets/", "scripts/", "tests/", "src/", "benches/", "fuzz/", ".ci/",
        ]
        .iter()
        .any(|d| first.starts_with(d));
        if named && !root().join(first).exists() {
            missing.push(first.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "README names files that are not here: {missing:?}"
    );
}

#[test]
fn the_tour_reader_recognises_commands_continuations_and_shown_lines() {
    let steps = tour(
        "## A tour of the command line\n\n```sh\n# prose\npodium a \\\n  --b c   # note\n#   out ...\npodium d\n```\n",
    );
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].command, "podium a \\\n  --b c   # note");
    assert_eq!(steps[0].shown, ["out ..."]);
    assert!(steps[1].shown.is_empty());
    assert!(matches("a ... c", "a b c"));
    assert!(matches("error: R1: x; ...", "error: R1: x; more"));
    assert!(!matches("a ... c", "a b d"));
    assert!(!matches("exact", "exact but more"));
}
