use clap::Parser as _;
use podium::cli::{self, Cli, Command};
use podium::clock::Clock;
use podium::domain;
use podium::tui::{self, RunOptions};
use std::path::PathBuf;

/// The default session file: session.json in the user's data directory. The screen creates the
/// folder if absent; the read-only display does not.
fn default_session(create: bool) -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("org", "podium", "podium").ok_or_else(|| {
        "no home directory to keep the list in: give the file with --file FILE".to_string()
    })?;
    let folder = dirs.data_dir();
    if !create {
        return Ok(folder.join("session.json"));
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        format!(
            "cannot create {} ({e}): give the file with --file FILE",
            folder.display()
        )
    })?;
    Ok(folder.join("session.json"))
}

/// The screen's clock: real time, or `PODIUM_NOW` (RFC 3339) as its start, as the commands do.
fn screen_clock() -> Clock {
    match std::env::var("PODIUM_NOW")
        .ok()
        .and_then(|t| domain::parse_time(&t).ok())
    {
        Some(start) => Clock::starting_at(start, 1.0),
        None => Clock::real(),
    }
}

fn main() {
    let args = Cli::try_parse().unwrap_or_else(|e| {
        if !e.use_stderr() {
            // --help and --version: podium's own words.
            e.exit();
        }
        // clap's message repeats what it was given: cleaned, as every output (SPEC section 5).
        eprint!("{}", domain::text::clean_lines(&e.render().to_string()));
        std::process::exit(e.exit_code());
    });
    let code = match args.command {
        None => {
            let path = match args.file {
                Some(p) => Ok(p),
                None => default_session(true),
            };
            match path {
                Ok(path) => tui::run(RunOptions {
                    path,
                    clock: screen_clock(),
                    rehearsal: false,
                    serve: args.serve,
                }),
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
        Some(Command::Rehearse { speed, file, serve }) => {
            match podium::rehearse::prepare(file.into_path().as_deref(), cli::now()) {
                Ok(r) => {
                    let code = tui::run(RunOptions {
                        path: r.path.clone(),
                        clock: Clock::starting_at(r.start, speed),
                        rehearsal: true,
                        serve,
                    });
                    // The working copy stays in the system's temporary folder, which clears it;
                    // say where, for an officer who wants it after all.
                    eprintln!("the rehearsal's working copy is {}", r.path.display());
                    code
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
        Some(Command::Display { file, serve }) => {
            match file
                .into_path()
                .map(Ok)
                .unwrap_or_else(|| default_session(false))
            {
                Ok(path) => tui::display::run(&path, serve.as_deref()),
                Err(e) => {
                    eprintln!("error: {e}");
                    1
                }
            }
        }
        Some(command) => cli::run(command),
    };
    std::process::exit(code);
}
