//! End-to-end tests of `alinea align`: the real binary on the parallel fixtures.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alinea::align::gold::load_fixture;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parallel")
        .join(name)
}

fn alinea(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(args)
        .output()
        .unwrap()
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `align --format jsonl` on a two-language fixture and returns the cells of each row.
fn jsonl_cells(name: &str, other: &str, extra: &[&str]) -> Vec<Vec<Vec<usize>>> {
    let dir = fixture(name);
    let vi = dir.join("vi.txt");
    let tr = dir.join(format!("{other}.txt"));
    let lang = format!("vi,{other}");
    let mut args = vec![
        "align",
        path_str(&vi),
        path_str(&tr),
        "--format",
        "jsonl",
        "--lang",
        &lang,
    ];
    args.extend_from_slice(extra);
    let out = alinea(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr not silent: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["row"], i);
            assert_eq!(v["status"], "auto");
            assert!(
                v["score"]
                    .as_f64()
                    .is_some_and(|s| (0.0..=1.0).contains(&s))
            );
            assert_eq!(v["text"].as_array().unwrap().len(), 2);
            serde_json::from_value(v["cells"].clone()).unwrap()
        })
        .collect()
}

#[test]
fn english_fixture_gives_the_gold_alignment() {
    let gold = load_fixture(&fixture("hanoi_dti_en")).unwrap().gold;
    assert_eq!(jsonl_cells("hanoi_dti_en", "en", &[]), gold);
}

#[test]
fn russian_fixture_gives_the_gold_alignment() {
    let gold = load_fixture(&fixture("hanoi_dti_ru")).unwrap().gold;
    assert_eq!(jsonl_cells("hanoi_dti_ru", "ru", &[]), gold);
}

#[test]
fn indonesian_fixture_gives_the_gold_alignment() {
    let gold = load_fixture(&fixture("hanoi_dti_id")).unwrap().gold;
    assert_eq!(jsonl_cells("hanoi_dti_id", "id", &[]), gold);
}

#[test]
fn tsv_has_one_line_per_row_and_one_column_per_file() {
    let dir = fixture("hanoi_dti_ru");
    let out = alinea(&[
        "align",
        path_str(&dir.join("vi.txt")),
        path_str(&dir.join("ru.txt")),
        "--header",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("vi.txt") && lines[0].contains("ru.txt"),
        "{}",
        lines[0]
    );
    // Header + 27 rows (26 Vietnamese sentences and one sentence added in Russian).
    assert_eq!(lines.len(), 1 + 27);
    for line in &lines {
        assert_eq!(line.split('\t').count(), 2, "{line}");
    }
    // The dropped caption is a row with an empty Russian cell.
    assert!(
        lines[2].starts_with("Ảnh:") && lines[2].ends_with('\t'),
        "{}",
        lines[2]
    );
    // The added Russian sentence has an empty Vietnamese cell.
    assert!(lines.iter().any(|l| l.starts_with("\tДля сравнения")));
}

#[test]
fn pivot_flag_keeps_column_order_and_output_file_and_csv_work() {
    let dir = fixture("hanoi_dti_en");
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("rows.csv");
    let out = alinea(&[
        "align",
        path_str(&dir.join("vi.txt")),
        path_str(&dir.join("en.txt")),
        "--pivot",
        "1",
        "--format",
        "csv",
        "-o",
        path_str(&out_path),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(&out_path)
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 25, "one row per gold bead");
    assert!(rows[0][0].starts_with("Hà Nội") && rows[0][1].starts_with("Hanoi"));
    // The Vietnamese sentence split in two English sentences shares one row.
    assert!(rows[2][1].starts_with("On 12 March") && rows[2][1].contains("It also set out"));
}

#[test]
fn three_versions_align_in_one_table() {
    let out = alinea(&[
        "align",
        path_str(&fixture("hanoi_dti_en").join("vi.txt")),
        path_str(&fixture("hanoi_dti_en").join("en.txt")),
        path_str(&fixture("hanoi_dti_ms").join("ms.txt")),
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Rows merge where either translation merges: 2 (en 1-2) ... (ms 2-1 at 4,5; en 2-1 at 13,14;
    // ms 1-2 at 11): 26 pivot sentences in 24 rows.
    assert_eq!(rows.len(), 24);
    assert_eq!(rows[4]["cells"], serde_json::json!([[4, 5], [5, 6], [4]]));
    assert_eq!(rows[0]["text"].as_array().unwrap().len(), 3);
}

#[test]
fn errors_are_clear_and_name_the_problem() {
    let vi = fixture("hanoi_dti_en").join("vi.txt");
    let one = alinea(&["align", path_str(&vi)]);
    assert_eq!(one.status.code(), Some(2));

    let missing = alinea(&["align", path_str(&vi), "/nonexistent/xx.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("/nonexistent/xx.txt"), "{err}");

    let pivot = alinea(&["align", path_str(&vi), path_str(&vi), "--pivot", "2"]);
    assert_eq!(pivot.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&pivot.stderr).contains("--pivot 2"));

    let lang = alinea(&["align", path_str(&vi), path_str(&vi), "--lang", "vi"]);
    assert_eq!(lang.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&lang.stderr).contains("--lang"));
}

#[test]
fn tmx_output_has_one_unit_per_row_with_both_languages() {
    let dir = fixture("hanoi_dti_ru");
    let vi = dir.join("vi.txt");
    let ru = dir.join("ru.txt");
    let out = alinea(&[
        "align",
        path_str(&vi),
        path_str(&ru),
        "--lang",
        "vi,ru",
        "--format",
        "tmx",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.contains(r#"srclang="vi""#), "{tmx}");
    let units = tmx.matches("<tu>").count();
    assert!(units > 5, "{units} units");
    assert_eq!(tmx.matches(r#"<tuv xml:lang="ru">"#).count(), units);
    let rows = jsonl_cells("hanoi_dti_ru", "ru", &[]).len();
    assert!(units <= rows);
}

#[test]
fn glossary_flag_loads_the_glossary_or_names_it_in_the_error() {
    let dir = fixture("hanoi_dti_ru");
    let vi = dir.join("vi.txt");
    let ru = dir.join("ru.txt");
    let missing = dir.join("no-such.glossary.ron");
    let out = alinea(&[
        "align",
        path_str(&vi),
        path_str(&ru),
        "--glossary",
        path_str(&missing),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such.glossary.ron"));
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("terms.csv");
    std::fs::write(
        &csv,
        "concept,lang,term,status\nhanoi,vi,Hà Nội,preferred\nhanoi,ru,Ханой,preferred\n",
    )
    .unwrap();
    let with = alinea(&[
        "align",
        path_str(&vi),
        path_str(&ru),
        "--lang",
        "vi,ru",
        "--glossary",
        path_str(&csv),
    ]);
    assert_eq!(
        with.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    let without = alinea(&["align", path_str(&vi), path_str(&ru), "--lang", "vi,ru"]);
    // Clean fixture: the glossary agrees with the gold alignment, so the rows stay the same.
    assert_eq!(with.stdout, without.stdout);
}
