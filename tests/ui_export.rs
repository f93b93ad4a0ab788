//! End-to-end UI tests of export and import: egui_kittest drives the real app through the
//! File and Glossary menus, the export dialog and typed paths (no native dialogs), and checks
//! the files written, the projects read and the error notices.
#![cfg(feature = "gui")]

mod ui_harness;

use std::path::{Path, PathBuf};

use alinea::model::{Lang, Project, Row, RowStatus, Version};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use ui_harness::*;

/// Three versions (vi pivot, en, ru), three rows; rows 1 and 3 confirmed.
fn report() -> Project {
    let vi = Version::from_sentences(
        "report.vi.txt",
        Lang::new("vi"),
        &[vec![
            "Mưa lớn kéo dài.",
            "Cảng đóng cửa.",
            "Tom & Jerry <b>.",
        ]],
    );
    let en = Version::from_sentences(
        "report.en.txt",
        Lang::new("en"),
        &[vec![
            "Heavy rain went on.",
            "The port closed.",
            "Tom & Jerry <b>.",
        ]],
    );
    let ru = Version::from_sentences(
        "report.ru.txt",
        Lang::new("ru"),
        &[vec![
            "Шли сильные дожди.",
            "Порт закрылся.",
            "Том и Джерри.",
        ]],
    );
    let mut project = Project::new(vec![vi, en, ru]);
    for (i, status) in [RowStatus::Confirmed, RowStatus::Auto, RowStatus::Confirmed]
        .into_iter()
        .enumerate()
    {
        project.alignment.rows.push(Row {
            cells: vec![i..i + 1, i..i + 1, i..i + 1],
            score: 0.9,
            status,
        });
    }
    project
}

/// The app with `report()` saved as `dir/report.alinea` and opened.
fn opened(dir: &Path) -> Harness<'static, TestApp> {
    let path = dir.join("report.alinea");
    alinea::project::save(&path, &report()).expect("project saves");
    let mut h = harness(start_options(dir, vec![path]));
    h.run();
    assert_eq!(h.state().project(), &report());
    h
}

fn menu(h: &mut Harness<'static, TestApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// Replaces the text of the export dialog's Output field.
fn type_output(h: &mut Harness<'static, TestApp>, path: &Path) {
    h.get_by_label("Output:").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Output:")
        .type_text(&path.display().to_string());
    h.run();
}

#[test]
fn export_tmx_and_confirmed_csv_through_the_dialog() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened(dir.path());
    menu(&mut h, "File", "Export…");
    assert!(h.state().get().ui.export_dialog.is_some(), "dialog open");
    let tmx = dir.path().join("out").join("report.tmx");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    type_output(&mut h, &tmx);
    h.get_by_label("Export").click();
    h.step();
    wait_for_jobs(&mut h);
    let text = std::fs::read_to_string(&tmx).expect("the TMX was written");
    assert_eq!(
        text.matches("<tu>").count() + text.matches("<tu ").count(),
        3
    );
    for s in [
        "Cảng đóng cửa.",
        "The port closed.",
        "Порт закрылся.",
        "Tom &amp; Jerry &lt;b&gt;.",
    ] {
        assert!(text.contains(s), "{s} in {text}");
    }
    let report = notices(&h);
    assert!(
        report
            .iter()
            .any(|n| n.contains("report.tmx: 3 rows written")),
        "{report:?}"
    );
    assert_eq!(
        h.state().get().settings.last_export_dir.as_deref(),
        Some(dir.path().join("out").as_path()),
        "the folder is remembered"
    );

    // Again: CSV, confirmed rows only, without Russian; the dialog starts in the last folder.
    menu(&mut h, "File", "Export…");
    let offered = h
        .state()
        .get()
        .ui
        .export_dialog
        .as_ref()
        .expect("dialog")
        .path
        .clone();
    assert_eq!(
        PathBuf::from(&offered),
        tmx,
        "last folder and the project's name"
    );
    h.get_by_label("CSV (comma-separated)").click();
    h.run();
    h.get_by_label_contains("Confirmed rows only").click();
    h.run();
    h.get_by_label("ru").click();
    h.run();
    h.get_by_label("Export").click();
    h.step();
    wait_for_jobs(&mut h);
    let csv_path = dir.path().join("out").join("report.csv");
    let csv = std::fs::read_to_string(&csv_path).expect("the CSV was written");
    assert_eq!(
        csv,
        "vi,en\nMưa lớn kéo dài.,Heavy rain went on.\nTom & Jerry <b>.,Tom & Jerry <b>.\n"
    );
    assert!(
        notices(&h)
            .iter()
            .any(|n| n.contains("report.csv: 2 rows written, 1 unconfirmed skipped")),
        "{:?}",
        notices(&h)
    );
}

#[test]
fn export_one_tmx_per_language_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened(dir.path());
    menu(&mut h, "File", "Export…");
    h.get_by_label_contains("One file per language pair")
        .click();
    h.run();
    type_output(&mut h, &dir.path().join("pairs").join("memo.tmx"));
    h.get_by_label("Export").click();
    h.step();
    wait_for_jobs(&mut h);
    for pair in ["vi-en", "vi-ru"] {
        let path = dir.path().join("pairs").join(format!("memo.{pair}.tmx"));
        let text = std::fs::read_to_string(&path).expect("pair file written");
        assert_eq!(
            text.matches("<tuv").count(),
            6,
            "{pair}: 3 units × 2 languages"
        );
    }
}

#[test]
fn import_tmx_as_a_new_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmx = dir.path().join("memory.tmx");
    alinea::export::files::write_file(
        alinea::export::Format::Tmx,
        &report(),
        &Default::default(),
        &tmx,
    )
    .expect("tmx written");
    let mut h = opened(dir.path());
    menu(&mut h, "File", "Import TMX…");
    enter_path(&mut h, &tmx);
    wait_for_jobs(&mut h);
    let p = h.state().project();
    let langs: Vec<&str> = p.versions.iter().map(|v| v.lang.as_str()).collect();
    assert_eq!(langs, ["vi", "en", "ru"]);
    assert_eq!(p.alignment.rows.len(), 3);
    assert_eq!(
        p.alignment
            .rows
            .iter()
            .map(|r| r.is_confirmed())
            .collect::<Vec<_>>(),
        [true, false, true],
        "Alinea's own status comes back"
    );
    assert_eq!(p.versions[2].cell_text(1..2), "Порт закрылся.");
    let session = h.state().get().session.as_ref().expect("session");
    assert!(
        session.path.is_none() && session.is_dirty(),
        "a new, unsaved project"
    );
}

#[test]
fn import_tmx_asks_about_unsaved_changes_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened(dir.path());
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter); // confirm row 2: unsaved change
    h.run();
    menu(&mut h, "File", "Import TMX…");
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().get().ui.path_prompt.is_none());
    assert!(
        h.state().project().alignment.rows[1].is_confirmed(),
        "edit kept"
    );
}

fn dismiss_only_notice(h: &mut Harness<'static, TestApp>) {
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(notices(h).is_empty());
    assert!(h.query_by_label("Dismiss").is_none());
}

#[test]
fn export_to_a_missing_folder_shows_a_dismissible_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = opened(dir.path());
    menu(&mut h, "File", "Export…");
    let target = dir.path().join("no-such-folder").join("out.tmx");
    type_output(&mut h, &target);
    h.get_by_label("Export").click();
    h.step();
    wait_for_jobs(&mut h);
    let shown = notices(&h);
    assert_eq!(shown.len(), 1, "{shown:?}");
    let expected = format!("Export failed: {}: cannot write", target.display());
    assert!(shown[0].starts_with(&expected), "{shown:?}");
    assert!(
        h.query_by_label_contains(&expected).is_some(),
        "the notice is drawn"
    );
    assert!(!target.exists());
    dismiss_only_notice(&mut h);
}

#[test]
fn opening_a_binary_file_shows_a_dismissible_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("photo.alinea");
    std::fs::write(&bad, [0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0, 1]).expect("write");
    let mut h = opened(dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open project").click();
    h.run();
    type_path(&mut h, &bad);
    let shown = notices(&h);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains(&bad.display().to_string()) && shown[0].contains("not UTF-8"),
        "{shown:?}"
    );
    assert_eq!(h.state().project(), &report(), "the open project stays");
    dismiss_only_notice(&mut h);
}

/// A file dropped on the window, as the platform layer reports it.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn bad_files_dropped_on_the_window_are_named_in_messages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("tool.exe.txt");
    std::fs::write(
        &binary,
        [0u8, 1, 2, 3, 0, 0xff, 7, 8, 0, 0, 0, 9].repeat(64),
    )
    .expect("write");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    // 1 GB without using the disk: a sparse file.
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1024 * 1024 * 1024))
        .expect("sparse file");
    let mut h = opened(dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New project").click();
    h.run();
    for path in [&binary, &empty, &huge] {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(DroppedPath(path.clone())));
    }
    h.step();
    wait_for_jobs(&mut h);
    let shown = notices(&h);
    assert_eq!(shown.len(), 3, "{shown:?}");
    let too_large = format!(
        "{}: the file is too large to open (1.0 GB; the limit is 512 MB)",
        huge.display()
    );
    assert!(shown.contains(&too_large), "{shown:?}");
    assert!(
        shown
            .iter()
            .any(|n| n.starts_with(&binary.display().to_string())),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|n| n.starts_with(&format!("{}: the document is empty", empty.display()))),
        "{shown:?}"
    );
    h.get_by_label("Dismiss all").click();
    h.run();
    assert!(notices(&h).is_empty());
}

#[test]
fn glossary_import_and_tbx_csv_export_through_the_menu() {
    let dir = tempfile::tempdir().expect("tempdir");
    let glossary = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary/wide.csv");
    let mut h = opened(dir.path());
    menu(&mut h, "Glossary", "Export glossary (TBX / CSV)…");
    assert!(
        notices(&h)[0].contains("no glossary to export"),
        "{:?}",
        notices(&h)
    );
    dismiss_only_notice(&mut h);
    open_glossary_file(&mut h, &glossary);
    let concepts = h.state().project().glossary.concepts.len();
    assert!(concepts > 0);
    for name in ["terms.tbx", "terms.csv"] {
        menu(&mut h, "Glossary", "Export glossary (TBX / CSV)…");
        let out = dir.path().join(name);
        type_path(&mut h, &out);
        let back = alinea::glossary::load_any(&out).expect("written glossary reads back");
        assert_eq!(back.concepts.len(), concepts, "{name}");
    }
    assert!(
        notices(&h)
            .iter()
            .any(|n| n.ends_with(&format!("terms.csv: {concepts} concepts written"))),
        "{:?}",
        notices(&h)
    );
}

#[test]
fn cancel_ends_loading_a_big_document_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    // ~12 MB of text: long enough to load that Cancel lands while it runs (debug build).
    let big = dir.path().join("big.txt");
    let paragraph = "Mưa lớn kéo dài suốt ba ngày. Cảng đóng cửa và tàu phải chờ ngoài khơi.\n\n";
    std::fs::write(&big, paragraph.repeat(12 * 1024 * 1024 / paragraph.len())).expect("write");
    let mut h = opened(dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New project").click();
    h.run();
    h.get_by_label("Add files…").click();
    h.run();
    h.get_by_label("Path:").click();
    h.run();
    h.get_by_label("Path:")
        .type_text(&big.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.step();
    h.step();
    assert!(
        h.state().get().jobs.is_busy(),
        "loading runs in the background"
    );
    // The status bar's Cancel (the new-project panel has a Cancel button too).
    h.get_all_by_label("Cancel")
        .find(|n| {
            n.accesskit_node().parent().is_some_and(|p| {
                p.children()
                    .any(|c| c.role() == egui::accesskit::Role::ProgressIndicator)
            })
        })
        .expect("Cancel next to the progress bar")
        .click();
    h.run();
    assert!(
        !h.state().get().jobs.is_busy(),
        "Cancel ends the job at once"
    );
    let draft = h.state().get().ui.new_project.as_ref().expect("draft");
    assert!(draft.versions.is_empty());
}
