use clap::Parser;
use podium::cli::{self, Cli, Command};

fn main() {
    let args = Cli::parse();
    let code = match args.command {
        None => {
            eprintln!(
                "error: the podium-desk screen is not built yet; use the commands (podium --help)"
            );
            1
        }
        Some(Command::Rehearse { .. }) => {
            eprintln!(
                "error: the rehearsal screen is not built yet; use the commands (podium --help)"
            );
            1
        }
        Some(command) => cli::run(command),
    };
    std::process::exit(code);
}
