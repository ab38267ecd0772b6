//! The `briefdesk` binary: parses the command line and reports errors as one line.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = briefdesk::cli::Cli::parse();
    match briefdesk::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("briefdesk: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
