//! Lays out a text: bidi levels, line breaking, visual runs per line, placed pieces.

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

use super::lines::{Measurer, break_lines};
use super::pieces::{default_level, split_pieces};
use super::{LayoutParams, Line, Piece, Run, TextLayout};

/// Lays out `text` in lines no wider than `params.max_width`, measuring each piece with
/// `measure` (width of a string drawn on its own). Right-to-left paragraphs are right-aligned
/// to the wrap width (to the widest line when the width is infinite).
pub fn layout_text(
    text: &str,
    params: LayoutParams,
    measure: &mut dyn FnMut(&str) -> f32,
) -> TextLayout {
    let bidi = BidiInfo::new(text, default_level(params.direction));
    let mut m = Measurer::new(text, measure);
    let mut lines: Vec<Line> = Vec::new();
    for para in &bidi.paragraphs {
        // unicode-bidi ends a paragraph at "\r" and again at the "\n" of a "\r\n".
        let crlf_tail = text.get(para.range.clone()) == Some("\n")
            && text
                .get(..para.range.start)
                .is_some_and(|s| s.ends_with('\r'));
        if crlf_tail {
            continue;
        }
        let rtl = para.level.is_rtl();
        let content_end = text
            .get(para.range.clone())
            .map(|s| {
                let trimmed = s.trim_end_matches(|c| bidi_class(c) == BidiClass::B);
                para.range.start + trimmed.len()
            })
            .unwrap_or(para.range.end);
        let content = para.range.start..content_end;
        for range in break_lines(text, content, &bidi.levels, params.max_width, &mut m) {
            let mut line = Line {
                range: range.clone(),
                rtl,
                y: lines.len() as f32 * params.line_height,
                width: 0.0,
                pieces: Vec::new(),
                runs: Vec::new(),
            };
            if !range.is_empty() {
                let (levels, runs) = bidi.visual_runs(para, range);
                for run in runs {
                    let run_rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                    let mut raw = split_pieces(text, run.clone(), run_rtl);
                    if run_rtl {
                        raw.reverse();
                    }
                    let first = line.pieces.len();
                    let run_x = line.width;
                    for piece in raw {
                        let width = m.piece(&piece);
                        line.pieces.push(Piece {
                            range: piece.range,
                            x: line.width,
                            width,
                            rtl: run_rtl,
                            mirror: piece.mirror,
                            carets: None,
                        });
                        line.width += width;
                    }
                    line.runs.push(Run {
                        range: run,
                        rtl: run_rtl,
                        pieces: first..line.pieces.len(),
                        x: run_x,
                    });
                }
            }
            lines.push(line);
        }
    }
    if lines.is_empty() {
        let rtl = super::resolve_direction(text, params.direction);
        lines.push(Line {
            range: 0..0,
            rtl,
            y: 0.0,
            width: 0.0,
            pieces: Vec::new(),
            runs: Vec::new(),
        });
    }
    let widest = lines.iter().map(|l| l.width).fold(0.0_f32, f32::max);
    let width = if params.max_width.is_finite() {
        params.max_width
    } else {
        widest
    };
    for line in lines.iter_mut().filter(|l| l.rtl) {
        let shift = (width - line.width).max(0.0);
        line.pieces.iter_mut().for_each(|p| p.x += shift);
        line.runs.iter_mut().for_each(|r| r.x += shift);
    }
    TextLayout {
        lines,
        line_height: params.line_height,
        width,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::TextDirection;

    pub(crate) fn mono(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    pub(crate) fn params(max_width: f32) -> LayoutParams {
        LayoutParams {
            direction: TextDirection::Auto,
            max_width,
            line_height: 20.0,
        }
    }

    /// Each line as its pieces' texts, left to right.
    fn visual(text: &str, layout: &TextLayout) -> Vec<Vec<String>> {
        layout
            .lines
            .iter()
            .map(|l| {
                l.pieces
                    .iter()
                    .map(|p| match p.mirror {
                        Some(c) => c.to_string(),
                        None => text[p.range.clone()].to_string(),
                    })
                    .filter(|s| !s.trim().is_empty())
                    .collect()
            })
            .collect()
    }

    const MIXED: &str = "عام 2023 حققت المدينة 12/13 هدفا و DCCI";

    #[test]
    fn mixed_arabic_numbers_latin_in_reading_order() {
        let layout = layout_text(MIXED, params(f32::INFINITY), &mut mono);
        assert_eq!(
            visual(MIXED, &layout),
            [[
                "DCCI",
                "و",
                "هدفا",
                "12/13",
                "المدينة",
                "حققت",
                "2023",
                "عام"
            ]]
        );
        assert!(layout.lines[0].rtl);
    }

    #[test]
    fn wrapped_arabic_keeps_first_words_on_first_line_right_aligned() {
        let layout = layout_text(MIXED, params(160.0), &mut mono);
        assert_eq!(
            visual(MIXED, &layout),
            [
                vec!["حققت", "2023", "عام"],
                vec!["12/13", "المدينة"],
                vec!["DCCI", "و", "هدفا"],
            ]
        );
        for line in &layout.lines {
            let right = line.pieces.last().map(|p| p.x + p.width).unwrap_or(0.0);
            assert!((right - 160.0).abs() < 0.01, "line not right-aligned");
        }
        assert_eq!(layout.height(), 60.0);
    }

    #[test]
    fn ltr_paragraph_with_arabic_word_and_brackets() {
        let text = "The term (حزب المدينة) means city party.";
        let layout = layout_text(text, params(f32::INFINITY), &mut mono);
        assert_eq!(
            visual(text, &layout),
            [[
                "The",
                "term",
                "(",
                "المدينة",
                "حزب",
                ")",
                "means",
                "city",
                "party."
            ]]
        );
        assert!(!layout.lines[0].rtl);
        assert_eq!(layout.lines[0].pieces[0].x, 0.0);
    }

    #[test]
    fn brackets_mirror_inside_rtl_runs() {
        let text = "اللجنة (الدائمة) للحزب";
        let layout = layout_text(text, params(f32::INFINITY), &mut mono);
        assert_eq!(
            visual(text, &layout),
            [["للحزب", "(", "الدائمة", ")", "اللجنة"]]
        );
    }

    #[test]
    fn hebrew_and_forced_direction() {
        let text = "שלום world";
        let layout = layout_text(text, params(f32::INFINITY), &mut mono);
        assert_eq!(visual(text, &layout), [["world", "שלום"]]);
        let forced = LayoutParams {
            direction: TextDirection::Ltr,
            ..params(f32::INFINITY)
        };
        let layout = layout_text(text, forced, &mut mono);
        assert_eq!(visual(text, &layout), [["שלום", "world"]]);
    }

    #[test]
    fn persian_digits_read_left_to_right_inside_rtl_text() {
        let text = "در سال ۲۰۲۳ شهر";
        let layout = layout_text(text, params(f32::INFINITY), &mut mono);
        assert_eq!(
            visual(text, &layout),
            [["شهر", "۲", "۰", "۲", "۳", "سال", "در"]]
        );
        let urdu = "سال 2023 میں شہر نے 13 میں سے 12";
        let layout = layout_text(urdu, params(f32::INFINITY), &mut mono);
        assert_eq!(
            visual(urdu, &layout),
            [["12", "سے", "میں", "13", "نے", "شہر", "میں", "2023", "سال"]]
        );
    }

    #[test]
    fn newline_starts_a_paragraph_with_its_own_direction() {
        let text = "Hello world\nمرحبا بالعالم";
        let layout = layout_text(text, params(200.0), &mut mono);
        assert_eq!(layout.lines.len(), 2);
        assert!(!layout.lines[0].rtl);
        assert!(layout.lines[1].rtl);
        assert_eq!(visual(text, &layout)[1], ["بالعالم", "مرحبا"]);
    }

    #[test]
    fn runs_cover_pieces_in_visual_order() {
        let layout = layout_text(MIXED, params(f32::INFINITY), &mut mono);
        let line = &layout.lines[0];
        let rtl: Vec<bool> = line.runs.iter().map(|r| r.rtl).collect();
        assert_eq!(rtl, [false, true, false, true, false, true]);
        assert_eq!(&MIXED[line.runs[0].range.clone()], "DCCI");
    }

    #[test]
    fn crlf_is_one_line_break() {
        let text = "abc\r\nعام\n";
        let layout = layout_text(text, params(200.0), &mut mono);
        assert_eq!(layout.lines.len(), 2);
        assert!(layout.lines[1].rtl);
    }

    #[test]
    fn empty_text_has_one_line() {
        let layout = layout_text("", params(100.0), &mut mono);
        assert_eq!(layout.lines.len(), 1);
        assert_eq!(layout.height(), 20.0);
    }
}
