//! Learning from the editor's fixes, end to end: a join and a split made through the undo
//! history teach "never / always split after" tokens; they are saved in the project file,
//! loaded back, and applied to the next document of the same language and on re-segmentation.

use alinea::edit::{Edit, History};
use alinea::ingest;
use alinea::model::{Lang, Project, Row, RowStatus};
use alinea::pipeline;
use alinea::segment::SplitMode;

fn version(text: &str) -> alinea::model::Version {
    pipeline::version_from_document(
        ingest::from_pasted("doc", text),
        Some(Lang::new("id")),
        SplitMode::Auto,
    )
}

/// A one-version project, one row per sentence.
fn project(text: &str) -> Project {
    let v = version(text);
    let rows = (0..v.sentences.len())
        .map(|i| Row {
            cells: vec![i..i + 1],
            score: 1.0,
            status: RowStatus::default(),
        })
        .collect();
    let mut project = Project::new(vec![v]);
    project.alignment.rows = rows;
    project
}

fn sentences(v: &alinea::model::Version) -> Vec<&str> {
    (0..v.sentences.len()).map(|i| v.sentence_text(i)).collect()
}

#[test]
fn fixes_are_learned_saved_and_applied_to_the_next_document() {
    // "Sekr." (sekretaris) is not in the rules: the splitter breaks before "Daerah";
    // the initial "S." before "Kegiatan" is not taken as a sentence end.
    let text = "Rapat dipimpin Sekr. Daerah Kabupaten Garut pada hari Senin. \
                Laporan itu disusun oleh Budi S. Kegiatan berikutnya dimulai besok.";
    let mut project = project(text);
    assert_eq!(
        sentences(&project.versions[0]),
        [
            "Rapat dipimpin Sekr.",
            "Daerah Kabupaten Garut pada hari Senin.",
            "Laporan itu disusun oleh Budi S. Kegiatan berikutnya dimulai besok."
        ]
    );
    let mut history = History::new();
    history
        .apply(
            &mut project,
            "join",
            Edit::JoinSentences {
                version: 0,
                sentence: 0,
            },
        )
        .expect("join");
    let v = &project.versions[0];
    let at = v.text.find("Kegiatan").expect("word");
    history
        .apply(
            &mut project,
            "split",
            Edit::SplitSentence {
                version: 0,
                sentence: 1,
                at,
            },
        )
        .expect("split");
    let learned: Vec<(&str, bool)> = project
        .segmentation
        .tokens
        .iter()
        .map(|t| (t.token.as_str(), t.split))
        .collect();
    assert_eq!(learned, [("sekr.", false), ("s.", true)]);

    // Saved with the project and loaded back.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.alinea");
    alinea::project::save(&path, &project).expect("save");
    let loaded = alinea::project::load(&path).expect("load");
    assert_eq!(loaded.segmentation, project.segmentation);

    // The next Indonesian document follows the editor's decisions.
    let next = "Sambutan dibacakan Sekr. Daerah Kota Bogor. Foto diambil oleh Rina S. Acara ditutup sore hari.";
    let doc = ingest::from_pasted("next", next);
    let v = pipeline::version_from_document_learned(
        doc,
        Some(Lang::new("id")),
        SplitMode::Auto,
        &loaded.segmentation,
    );
    assert_eq!(
        sentences(&v),
        [
            "Sambutan dibacakan Sekr. Daerah Kota Bogor.",
            "Foto diambil oleh Rina S.",
            "Acara ditutup sore hari."
        ]
    );
    // Other languages are not affected.
    let mut ms = version("Dipimpin oleh Sekr. Daerah itu.");
    ms.lang = Lang::new("ms");
    pipeline::resegment_learned(&mut ms, &loaded.segmentation);
    assert_eq!(sentences(&ms), ["Dipimpin oleh Sekr.", "Daerah itu."]);
}

#[test]
fn undo_does_not_teach_and_long_words_are_not_learned_from_joins() {
    let text = "Pemerintah menyetujui anggaran. Pembangunan dimulai tahun depan.";
    let mut project = project(text);
    let mut history = History::new();
    history
        .apply(
            &mut project,
            "join",
            Edit::JoinSentences {
                version: 0,
                sentence: 0,
            },
        )
        .expect("join");
    assert!(
        project.segmentation.is_empty(),
        "{:?}",
        project.segmentation
    );
    history.undo(&mut project).expect("undo");
    assert!(project.segmentation.is_empty());
}

#[test]
fn undo_forgets_and_redo_relearns() {
    let text = "Rapat dipimpin Sekr. Daerah Kabupaten Garut pada hari Senin.";
    let mut project = project(text);
    let mut history = History::new();
    let join = Edit::JoinSentences {
        version: 0,
        sentence: 0,
    };
    history.apply(&mut project, "join", join).expect("join");
    assert_eq!(project.segmentation.tokens.len(), 1);
    history.undo(&mut project).expect("undo");
    assert!(project.segmentation.is_empty());
    history.redo(&mut project).expect("redo");
    assert_eq!(project.segmentation.tokens.len(), 1);
    assert_eq!(project.segmentation.tokens[0].token, "sekr.");
}

#[test]
fn project_files_without_learned_rules_still_load() {
    let project = project("Satu kalimat. Dua kalimat.");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.alinea");
    alinea::project::save(&path, &project).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("segmentation"), "empty list not written");
    let loaded = alinea::project::load(&path).expect("load");
    assert!(loaded.segmentation.is_empty());
}

#[test]
fn segment_cli_applies_a_projects_learned_decisions() {
    let mut project = project("Rapat dipimpin Sekr. Daerah Kabupaten Garut pada hari Senin.");
    project.segmentation.record("id", "Sekr.", false);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.alinea");
    alinea::project::save(&path, &project).expect("save");
    let doc = dir.path().join("next.txt");
    std::fs::write(
        &doc,
        "Sambutan dibacakan Sekr. Daerah Kota Bogor. Acara selesai.",
    )
    .expect("write");
    let run = |learned: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_alinea"));
        cmd.args(["segment", "--lang", "id"]);
        if learned {
            cmd.arg("--learned").arg(&path);
        }
        let out = cmd.arg(&doc).output().expect("run alinea");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).lines().count()
    };
    assert_eq!(run(false), 3);
    assert_eq!(run(true), 2);
}
