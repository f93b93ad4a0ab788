//! The `alinea` binary: the app when run without a subcommand, the CLI otherwise.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
