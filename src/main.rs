//! The `briefdesk` binary: parses the command line and reports errors as one line.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = briefdesk::cli::Cli::parse();
    match briefdesk::cli::run(cli) {
        Ok(code) => code,
        // "briefdesk analyze … | head": the reader has all it wanted.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("briefdesk: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
