//! `alinea import`: turns a TMX file into a new project.

use std::path::PathBuf;

use anyhow::bail;

use alinea::export::tmx_read;

/// Arguments of `alinea import`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The TMX file to import.
    pub file: PathBuf,
    /// The project file to create (default: the TMX name with .alinea).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace the project file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("alinea"));
    if output.exists() && !args.force {
        bail!(
            "{}: already exists (use --force to replace it)",
            output.display()
        );
    }
    let import = tmx_read::read_with_warnings(&args.file)?;
    for warning in &import.warnings {
        eprintln!("warning: {warning}");
    }
    alinea::project::save(&output, &import.project)?;
    eprintln!(
        "{}: {} rows in {} languages ({})",
        output.display(),
        import.project.alignment.rows.len(),
        import.project.versions.len(),
        import.project.lang_list()
    );
    Ok(())
}
