//! Test hook of [`super::save`] (feature `test-hooks`, enabled for the crate's own tests):
//! when the environment variable `ALINEA_TEST_SAVE_PAUSE_MS` holds a number of
//! milliseconds, the save sleeps that long at the stage named by `ALINEA_TEST_SAVE_PAUSE_AT`
//! (`before-rename`, the default, or `mid-write`), so a test can kill the process in the
//! middle of a save. Release builds read no such variables.

use std::time::Duration;

use super::SaveStage;

/// Environment variable: milliseconds to sleep during each save (testing crash safety).
pub const PAUSE_ENV: &str = "ALINEA_TEST_SAVE_PAUSE_MS";
/// Environment variable: where to sleep, `before-rename` (default) or `mid-write`.
pub const PAUSE_AT_ENV: &str = "ALINEA_TEST_SAVE_PAUSE_AT";

/// The hook [`super::save`] uses: sleeps as asked by [`PAUSE_ENV`] / [`PAUSE_AT_ENV`].
pub fn env_pause_hook(stage: SaveStage) -> std::io::Result<()> {
    let Some(ms) = std::env::var(PAUSE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    else {
        return Ok(());
    };
    let wanted = match std::env::var(PAUSE_AT_ENV).as_deref() {
        Ok("mid-write") => SaveStage::MidWrite,
        _ => SaveStage::BeforeRename,
    };
    if stage == wanted {
        std::thread::sleep(Duration::from_millis(ms));
    }
    Ok(())
}
