//! A rehearsal never writes home (SPEC section 4 and `podium rehearse`): `podium rehearse` and
//! `podium rehearse --file FILE` run in tmux with HOME and XDG_DATA_HOME (and TMPDIR, where the
//! rehearsal's working copy belongs) set to fresh temporary folders; the officer calls the next
//! speaker, speeds the clock up and quits with `q` `y`. Afterwards nothing was created under HOME
//! or XDG_DATA_HOME, FILE is byte for byte as it was and nothing was created beside it; the
//! REHEARSAL banner was on screen and `>` doubled the speed it shows.

mod support;

use std::path::{Path, PathBuf};
use support::pty::{Tmux, add_delegates, podium, tmux_missing};

/// Every file and folder under `dir`, relative, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("a readable folder") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                todo.push(p.clone());
            }
            out.push(p.strip_prefix(dir).expect("under dir").to_path_buf());
        }
    }
    out.sort();
    out
}

/// The speed the banner shows: "simulated clock ×2" gives "2".
fn banner_speed(screen: &str) -> Option<String> {
    let at = screen.find("simulated clock ×")? + "simulated clock ×".len();
    let rest = &screen[at..];
    Some(rest.split_whitespace().next()?.to_string())
}

fn rehearse(file: Option<&Path>, name: &str) {
    let root = tempfile::tempdir().expect("a temporary folder");
    let home = root.path().join("home");
    let data = root.path().join("xdg-data");
    let tmp = root.path().join("tmp");
    for d in [&home, &data, &tmp] {
        std::fs::create_dir(d).expect("created");
    }
    let bin = env!("CARGO_BIN_EXE_podium");
    let args = match file {
        Some(f) => format!(" --file '{}'", f.display()),
        None => String::new(),
    };
    let tmux = Tmux::start(name, 120, 30);
    tmux.shell(&format!(
        "HOME='{}' XDG_DATA_HOME='{}' TMPDIR='{}' '{bin}' rehearse{args}; echo EXIT=$?",
        home.display(),
        data.display(),
        tmp.display()
    ));
    let shown = tmux.wait_for("the rehearsal screen", |s| {
        s.contains("REHEARSAL") && s.contains("Queue (") && banner_speed(s).is_some()
    });
    assert_eq!(banner_speed(&shown).as_deref(), Some("1"), "{shown}");
    tmux.keys(&["n"]);
    tmux.wait_for("the next speaker called", |s| s.contains("At the podium"));
    tmux.keys(&[">"]);
    let faster = tmux.wait_for("the faster clock", |s| {
        banner_speed(s).as_deref() == Some("2")
    });
    assert!(faster.contains("REHEARSAL"), "{faster}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    tmux.keys(&["q"]);
    tmux.wait_for("the question", |s| s.contains("Quit? (y/n)"));
    tmux.keys(&["y"]);
    let pane = tmux.wait_for("the exit status", support::pty::exit_shown);
    assert!(pane.contains("EXIT=0"), "{pane}");
    tmux.assert_terminal_given_back("the rehearsal");

    assert_eq!(walk(&home), Vec::<PathBuf>::new(), "nothing under HOME");
    assert_eq!(
        walk(&data),
        Vec::<PathBuf>::new(),
        "nothing under XDG_DATA_HOME"
    );
    // The working copy went to the temporary directory, and nowhere else.
    let copies = walk(&tmp);
    assert!(
        copies
            .iter()
            .any(|p| p.to_string_lossy().ends_with("rehearsal.json")),
        "the rehearsal's copy is in TMPDIR: {copies:?}"
    );
}

#[test]
fn rehearsing_the_sample_writes_nothing_under_home() {
    if tmux_missing() {
        return;
    }
    rehearse(None, "rehearse-sample");
}

#[test]
fn rehearsing_a_file_leaves_it_and_its_folder_as_they_were() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("session.json");
    podium(&file, &["new", "FILE", "--title", "The real list"]);
    add_delegates(&file, &[("Kenya", "Ms. K"), ("Ghana", "Mr. G")]);
    let bytes = std::fs::read(&file).expect("FILE");
    let listing = walk(dir.path());
    let bak = std::fs::read(dir.path().join("session.json.bak")).ok();
    rehearse(Some(&file), "rehearse-file");
    assert!(
        std::fs::read(&file).expect("FILE") == bytes,
        "FILE is byte for byte as it was"
    );
    assert_eq!(
        std::fs::read(dir.path().join("session.json.bak")).ok(),
        bak,
        "FILE.bak too"
    );
    assert_eq!(walk(dir.path()), listing, "nothing created beside FILE");
}
