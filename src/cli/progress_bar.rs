//! Long work on a worker thread with a progress bar on stderr — drawn only when stderr is a
//! terminal, so pipes and tests see nothing but the result (or a one-line error). The bar is
//! labelled with the work's current stage (`Progress::set_stage`), else with the label given.

use std::io::IsTerminal;
use std::time::Duration;

use anyhow::bail;

use alinea::progress::Progress;
use alinea::worker;

/// Runs `work` with a fresh [`Progress`], showing `label`, the bar, the count and the time.
pub fn with_progress<T: Send>(
    label: &str,
    work: impl FnOnce(&Progress) -> T + Send,
) -> anyhow::Result<T> {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return Ok(work(&progress));
    }
    let template = "{msg} {bar:40} {pos}/{len} {elapsed}";
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let result = worker::run_scoped(label, work, Duration::from_millis(50), |progress| {
        let (done, total) = progress.counts();
        bar.set_message(progress.stage().unwrap_or(label).to_string());
        bar.set_length(total);
        bar.set_position(done.min(total));
    });
    bar.finish_and_clear();
    match result {
        Ok(value) => Ok(value),
        Err(_) => bail!("{label} stopped unexpectedly"),
    }
}
