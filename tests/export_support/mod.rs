//! Test projects shared by the export tests: hand-made versions and alignments whose text has
//! everything an exchange format can break on (markup characters, quotes, tabs, line breaks,
//! emoji, Arabic).

#![allow(dead_code)]

use std::ops::Range;

use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

/// The characters every format must carry through unharmed, in one sentence.
pub const NASTY: &str = "Tom & Jerry <b>\"quoted\" 'single'\tTab,\ncomma ✓ 🌏 تقرير";

fn row(cells: [Range<usize>; 4], status: RowStatus) -> Row {
    Row {
        cells: cells.to_vec(),
        score: if status == RowStatus::Confirmed {
            1.0
        } else {
            0.7
        },
        status,
    }
}

/// Four versions (vi pivot, en, ar, ru), seven rows, covering: 2:1 rows, a row with no pivot
/// text, a row with only pivot text, a row whose only translation is Arabic, and the
/// characters in [`NASTY`].
pub fn sample() -> Project {
    let vi = Version::from_sentences(
        "bao-cao.vi.docx",
        Lang::new("vi"),
        &[
            vec!["Báo cáo thường niên năm 2024.", "Phần một: tổng quan."],
            vec![
                "Doanh thu tăng 12% & chi phí giảm.",
                "Kế hoạch <mới> được \"phê duyệt\".",
            ],
            vec!["Chỉ có tiếng Việt.", NASTY, "Hết."],
        ],
    );
    let en = Version::from_sentences(
        "report.en.docx",
        Lang::new("en"),
        &[
            vec!["Annual report 2024, part one: overview."],
            vec!["Revenue rose 12% & costs fell."],
            vec!["An English-only remark.", NASTY, "End."],
        ],
    );
    let ar = Version::from_sentences(
        "taqrir.ar.docx",
        Lang::new("ar"),
        &[
            vec!["التقرير السنوي 2024.", "الجزء الأول: نظرة عامة."],
            vec![
                "ارتفعت الإيرادات 12% وانخفضت التكاليف.",
                "تمت \"الموافقة\" على الخطة <الجديدة>.",
            ],
            vec![NASTY, "النهاية."],
        ],
    );
    let ru = Version::from_sentences(
        "otchet.ru.docx",
        Lang::new("ru"),
        &[
            vec!["Годовой отчёт за 2024 год.\tОбзор."],
            vec!["Выручка выросла на 12%, а расходы снизились."],
            vec![NASTY, "Конец."],
        ],
    );
    let mut project = Project::new(vec![vi, en, ar, ru]);
    project.alignment = Alignment {
        pivot: 0,
        rows: vec![
            // 2:1:2:1
            row([0..2, 0..1, 0..2, 0..1], RowStatus::Confirmed),
            row([2..3, 1..2, 2..3, 1..2], RowStatus::Auto),
            // only Arabic translates this one
            row([3..4, 2..2, 3..4, 2..2], RowStatus::Auto),
            // pivot only: no translation
            row([4..5, 2..2, 4..4, 2..2], RowStatus::Confirmed),
            // no pivot text
            row([5..5, 2..3, 4..4, 2..2], RowStatus::Auto),
            row([5..6, 3..4, 4..5, 2..3], RowStatus::Confirmed),
            row([6..7, 4..5, 5..6, 3..4], RowStatus::Confirmed),
        ],
    };
    project.validate().expect("sample alignment is consistent");
    project
}

/// Like [`sample`] but with a second Arabic version (two translations of one language).
pub fn sample_with_two_arabic() -> Project {
    let mut project = sample();
    let mut second = project.versions[2].clone();
    second.name = "taqrir-2.ar.docx".to_string();
    project.versions.push(second);
    for row in &mut project.alignment.rows {
        let cell = row.cells[2].clone();
        row.cells.push(cell);
    }
    project.validate().expect("consistent");
    project
}

/// A project where every row has pivot text and a translation, so nothing is skipped in TMX.
pub fn complete() -> Project {
    let vi = Version::from_sentences("vi", Lang::new("vi"), &[vec!["Một.", "Hai.", NASTY]]);
    let ar = Version::from_sentences("ar", Lang::new("ar"), &[vec!["واحد.", "اثنان.", NASTY]]);
    let en = Version::from_sentences("en", Lang::new("en"), &[vec!["One.", "Three."]]);
    let mut project = Project::new(vec![vi, ar, en]);
    project.alignment = Alignment {
        pivot: 0,
        rows: vec![
            Row {
                cells: vec![0..1, 0..1, 0..1],
                score: 1.0,
                status: RowStatus::Confirmed,
            },
            Row {
                cells: vec![1..2, 1..2, 1..1],
                score: 0.4,
                status: RowStatus::Auto,
            },
            Row {
                cells: vec![2..3, 2..3, 1..2],
                score: 1.0,
                status: RowStatus::Confirmed,
            },
        ],
    };
    project.validate().expect("consistent");
    project
}

/// Writes `project` in `format` with `options` into a string.
pub fn export(
    format: alinea::export::Format,
    project: &Project,
    options: &alinea::export::ExportOptions,
) -> String {
    let mut out = Vec::new();
    alinea::export::write(format, project, options, &mut out).expect("export succeeds");
    String::from_utf8(out).expect("exports are UTF-8")
}
