//! Fonts bundled with the app, so Vietnamese, Cyrillic, Arabic, Persian, Urdu and Hebrew text
//! looks the same on every machine (egui's default fonts have no Arabic or Hebrew, and a system
//! fallback is patchy or missing). Noto fonts, SIL Open Font License: `assets/fonts/OFL.txt`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans Regular: Latin (incl. Vietnamese), Greek, Cyrillic.
const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Arabic Regular: Arabic, Persian, Urdu.
const NOTO_SANS_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans Hebrew Regular.
const NOTO_SANS_HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");

/// Names of the bundled fonts, in the order they are tried for a character.
pub const BUNDLED: [&str; 3] = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew"];

/// The font definitions the app uses: the bundled fonts first (the Latin font first, since the
/// first font sets the row height), egui's default fonts after them for symbols and emoji.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let data = [NOTO_SANS, NOTO_SANS_ARABIC, NOTO_SANS_HEBREW];
    for (name, bytes) in BUNDLED.iter().zip(data) {
        defs.font_data
            .insert((*name).to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = defs.families.entry(family.clone()).or_default();
        let insert_at = if family == FontFamily::Monospace {
            // Keep the monospace face first for code-like text; add our scripts as fallbacks.
            1.min(list.len())
        } else {
            0
        };
        for (offset, name) in BUNDLED.iter().enumerate() {
            list.insert(insert_at + offset, (*name).to_owned());
        }
    }
    defs
}

/// Installs the bundled fonts into the egui context (call once at start-up).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_font_comes_first_and_defaults_stay() {
        let defs = definitions();
        let proportional = &defs.families[&FontFamily::Proportional];
        assert_eq!(proportional[0], "Noto Sans");
        assert_eq!(proportional[1], "Noto Sans Arabic");
        assert!(proportional.len() > BUNDLED.len(), "egui defaults kept");
        let mono = &defs.families[&FontFamily::Monospace];
        assert!(mono.iter().any(|n| n == "Noto Sans Arabic"));
    }
}
