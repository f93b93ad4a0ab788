//! Layouts of cell texts kept across frames in egui memory, keyed by text, font, width and
//! direction (an Arabic layout costs hundreds of microseconds; a frame shows dozens of cells).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use std::cell::RefCell;

use egui::epaint::FontsView;
use egui::{Color32, FontId};

use crate::bidi::{LayoutParams, TextLayout, fill_carets_with_advances, layout_text};
use crate::model::TextDirection;

/// Entries kept before old ones are dropped.
const CAPACITY: usize = 4096;
/// Frames an entry survives unused once the cache is full.
const KEEP_FRAMES: u64 = 120;

#[derive(Clone)]
struct Entry {
    layout: Arc<TextLayout>,
    used: u64,
}

/// The cache stored in egui's temporary data.
#[derive(Clone, Default)]
struct LayoutCache {
    entries: HashMap<u64, Entry>,
}

fn cache_id() -> egui::Id {
    egui::Id::unique("alinea::bidi_text::LayoutCache")
}

fn key(text: &str, font: &FontId, width: f32, direction: TextDirection, ppp: f32) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    font.size.to_bits().hash(&mut h);
    font.family.hash(&mut h);
    width.to_bits().hash(&mut h);
    ppp.to_bits().hash(&mut h);
    (direction as u8).hash(&mut h);
    h.finish()
}

/// Width of `s` drawn on its own with egui's fonts (shaped in logical order).
fn width_of(fonts: &mut FontsView<'_>, font: &FontId, s: &str) -> f32 {
    fonts
        .layout_no_wrap(s.to_owned(), font.clone(), Color32::PLACEHOLDER)
        .size()
        .x
}

/// Per-character advances of `s` in logical order, read from the glyphs egui drew (visual
/// order, one per character or cluster; the glyph names its character). A character the glyphs
/// skip (second half of a ligature, a mark) gets 0. `None` if the glyphs cannot be matched.
fn char_advances(fonts: &mut FontsView<'_>, font: &FontId, s: &str, rtl: bool) -> Option<Vec<f32>> {
    let galley = fonts.layout_no_wrap(s.to_owned(), font.clone(), Color32::PLACEHOLDER);
    let row = galley.rows.first()?;
    let mut glyphs: Vec<(f32, char)> = row
        .row
        .glyphs
        .iter()
        .filter(|g| g.advance_width > 0.0)
        .map(|g| (g.pos.x, g.chr))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let right = galley.size().x;
    // Drawn extent of each glyph: up to the next glyph's position.
    let mut spans: Vec<(f32, char)> = glyphs
        .iter()
        .enumerate()
        .map(|(i, &(x, c))| (glyphs.get(i + 1).map_or(right, |n| n.0) - x, c))
        .collect();
    if rtl {
        spans.reverse();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut widths = vec![0.0; chars.len()];
    let mut next = 0;
    for (w, c) in spans {
        let found = (next..chars.len()).find(|&j| chars[j] == c)?;
        widths[found] += w.max(0.0);
        next = found + 1;
    }
    Some(widths)
}

/// The layout of `text` wrapped at `width`, from the cache or freshly computed. With
/// `carets`, caret offsets inside pieces are measured too (needed for exact hit testing).
pub(super) fn layout(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    width: f32,
    direction: TextDirection,
    carets: bool,
) -> Arc<TextLayout> {
    let k = key(text, font, width, direction, ctx.pixels_per_point());
    let frame = ctx.cumulative_frame_nr();
    let cached = ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<LayoutCache>(cache_id());
        cache.entries.get_mut(&k).map(|e| {
            e.used = frame;
            e.layout.clone()
        })
    });
    let has_carets = |l: &TextLayout| {
        l.lines
            .iter()
            .flat_map(|l| l.pieces.iter())
            .all(|p| p.carets.is_some())
    };
    if let Some(found) = &cached
        && (!carets || has_carets(found))
    {
        return found.clone();
    }
    let computed = ctx.fonts_mut(|fonts| {
        let line_height = fonts.row_height(font);
        let fonts = RefCell::new(fonts);
        let mut measure = |s: &str| width_of(&mut fonts.borrow_mut(), font, s);
        let mut fresh = match cached {
            Some(found) => (*found).clone(),
            None => {
                let params = LayoutParams {
                    direction,
                    max_width: width,
                    line_height,
                };
                layout_text(text, params, &mut measure)
            }
        };
        if carets {
            let mut advances =
                |s: &str, rtl: bool| char_advances(&mut fonts.borrow_mut(), font, s, rtl);
            fill_carets_with_advances(&mut fresh, text, &mut advances, &mut measure);
        }
        Arc::new(fresh)
    });
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<LayoutCache>(cache_id());
        if cache.entries.len() >= CAPACITY {
            cache.entries.retain(|_, e| e.used + KEEP_FRAMES >= frame);
            if cache.entries.len() >= CAPACITY {
                cache.entries.clear();
            }
        }
        cache.entries.insert(
            k,
            Entry {
                layout: computed.clone(),
                used: frame,
            },
        );
    });
    computed
}
