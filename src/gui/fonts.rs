//! Fonts bundled with the app (being written).

/// Installs the bundled fonts into the egui context.
pub fn install(_ctx: &egui::Context) {}
