//! Big-input check: how Alinea copes with a ~100 MB report and its translation.
//!
//! Generates, in a temporary folder, a ~100 MB multilingual pivot (Vietnamese, Arabic and
//! Russian paragraphs) and its translation, paragraph for paragraph (the Malay, Indonesian and
//! English counterparts, with some sentences merged), then times each stage and reads the
//! peak resident memory of that stage (`VmHWM`, reset before each stage through
//! `/proc/self/clear_refs`): load (decode + paragraphs), language detection, segmentation,
//! alignment, project save and load. Finally a sparse 1 GB file must be refused before any
//! byte is read.
//!
//! Run: `cargo run --release --no-default-features --example big_input [-- MEGABYTES]`
//! (default 100 decimal megabytes per version, just under the 100 MiB load limit). With
//! `BIG_INPUT_DIR=folder` the two generated versions are kept there.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use alinea::align::{self, AlignOptions};
use alinea::ingest::{self, IngestError, LoadOptions};
use alinea::model::{Document, Project, Version};
use alinea::progress::Progress;

/// One sentence in each language of the generated report: vi, ar, ru (pivot side) and
/// ms, id, en (translation side). Written for this check; numbers are varied on output.
const SENTENCES: [[&str; 6]; 8] = [
    [
        "Báo cáo năm {n} cho thấy tỷ lệ hộ nghèo giảm {p}% so với năm trước.",
        "يُظهر تقرير عام {n} أن نسبة الأسر الفقيرة انخفضت بنسبة {p}% مقارنة بالعام السابق.",
        "Доклад за {n} год показывает, что доля бедных семей снизилась на {p}% по сравнению с прошлым годом.",
        "Laporan tahun {n} menunjukkan kadar isi rumah miskin menurun {p}% berbanding tahun sebelumnya.",
        "Laporan tahun {n} menunjukkan tingkat rumah tangga miskin turun {p}% dibandingkan tahun sebelumnya.",
        "The {n} report shows the share of poor households fell by {p}% from the year before.",
    ],
    [
        "Ông Nguyễn Văn An, Giám đốc Sở Y tế, đã ký quyết định số {n}/QĐ-UBND.",
        "وقّع السيد نغوين فان آن، مدير إدارة الصحة، على القرار رقم {n}.",
        "Г-н Нгуен Ван Ан, директор департамента здравоохранения, подписал решение № {n}.",
        "Encik Nguyen Van An, Pengarah Jabatan Kesihatan, telah menandatangani keputusan No. {n}.",
        "Bapak Nguyen Van An, Kepala Dinas Kesehatan, telah menandatangani keputusan No. {n}.",
        "Mr Nguyen Van An, Director of the Health Department, signed decision No. {n}.",
    ],
    [
        "Tại sao chi phí vận chuyển tăng {p}% trong quý {q}?",
        "لماذا ارتفعت تكاليف النقل بنسبة {p}% في الربع {q}؟",
        "Почему транспортные расходы выросли на {p}% в {q} квартале?",
        "Mengapakah kos pengangkutan meningkat {p}% pada suku {q}?",
        "Mengapa biaya transportasi naik {p}% pada kuartal {q}?",
        "Why did transport costs rise by {p}% in quarter {q}?",
    ],
    [
        "Chương trình đã hỗ trợ {n} học sinh ở các tỉnh miền núi phía Bắc.",
        "دعم البرنامج {n} طالبًا في المقاطعات الجبلية الشمالية.",
        "Программа поддержала {n} школьников в северных горных провинциях.",
        "Program ini telah membantu {n} pelajar di wilayah pergunungan utara.",
        "Program ini telah membantu {n} siswa di provinsi pegunungan utara.",
        "The programme supported {n} pupils in the northern mountain provinces.",
    ],
    [
        "Ngân sách được phân bổ theo Điều {q} của Luật Ngân sách Nhà nước.",
        "تُوزَّع الميزانية وفقًا للمادة {q} من قانون ميزانية الدولة.",
        "Бюджет распределяется в соответствии со статьёй {q} Закона о государственном бюджете.",
        "Bajet diagihkan mengikut Perkara {q} Akta Bajet Negara.",
        "Anggaran dialokasikan sesuai Pasal {q} Undang-Undang Anggaran Negara.",
        "The budget is allocated under Article {q} of the State Budget Law.",
    ],
    [
        "Kết quả này vượt chỉ tiêu đề ra (xem Bảng {q}, tr. {n}).",
        "تجاوزت هذه النتيجة الهدف المحدد (انظر الجدول {q}، ص {n}).",
        "Этот результат превысил плановый показатель (см. табл. {q}, с. {n}).",
        "Keputusan ini melebihi sasaran yang ditetapkan (lihat Jadual {q}, ms. {n}).",
        "Hasil ini melampaui target yang ditetapkan (lihat Tabel {q}, hlm. {n}).",
        "This result exceeded the target set (see Table {q}, p. {n}).",
    ],
    [
        "Tuy nhiên, tình trạng thiếu nước sạch vẫn còn ở {q} huyện!",
        "ومع ذلك، لا يزال نقص المياه النظيفة قائمًا في {q} مقاطعات!",
        "Однако нехватка чистой воды сохраняется в {q} районах!",
        "Namun, kekurangan air bersih masih berlaku di {q} daerah!",
        "Namun, kekurangan air bersih masih terjadi di {q} kabupaten!",
        "Yet clean water is still lacking in {q} districts!",
    ],
    [
        "Đoàn công tác của Bộ đã làm việc với {q} địa phương từ ngày {d}/{m}.",
        "عمل وفد الوزارة مع {q} سلطات محلية اعتبارًا من {d}/{m}.",
        "Делегация министерства работала с {q} местными органами власти с {d}.{m}.",
        "Delegasi kementerian telah bekerja dengan {q} pihak berkuasa tempatan mulai {d}/{m}.",
        "Delegasi kementerian telah bekerja sama dengan {q} pemerintah daerah sejak {d}/{m}.",
        "The ministry's delegation worked with {q} local authorities from {d}/{m}.",
    ],
];

/// Fills the `{n}`, `{p}`, `{q}`, `{d}`, `{m}` slots of a sentence from a running counter.
fn vary(template: &str, k: u64) -> String {
    template
        .replace("{n}", &(1990 + k % 37).to_string())
        .replace("{p}", &format!("{}.{}", k % 23, k % 10))
        .replace("{q}", &(1 + k % 12).to_string())
        .replace("{d}", &(1 + k % 28).to_string())
        .replace("{m}", &(1 + k % 12).to_string())
}

/// Writes the pivot (`side` 0: vi/ar/ru paragraphs) until `target` bytes, or the translation
/// of its first `paragraphs` paragraphs (`side` 1: ms/id/en, every 17th sentence merged with
/// the next one). Returns bytes, sentences and paragraphs written.
fn generate(
    path: &Path,
    side: usize,
    target: u64,
    paragraphs: u64,
) -> std::io::Result<(u64, u64, u64)> {
    let mut out = BufWriter::new(File::create(path)?);
    let (mut written, mut sentences, mut k, mut written_paragraphs) = (0u64, 0u64, 0u64, 0u64);
    while written < target && written_paragraphs < paragraphs {
        let lang = 3 * side + (k / 5 % 3) as usize;
        let in_paragraph = 2 + k % 5;
        let mut paragraph = String::new();
        for i in 0..in_paragraph {
            let s = vary(SENTENCES[((k + i) % 8) as usize][lang], k + i);
            if !paragraph.is_empty() {
                let merged = side == 1 && (k + i) % 17 == 0;
                paragraph.push_str(if merged { "; " } else { " " });
            }
            paragraph.push_str(&s);
            sentences += 1;
        }
        paragraph.push_str("\n\n");
        out.write_all(paragraph.as_bytes())?;
        written += paragraph.len() as u64;
        written_paragraphs += 1;
        k += in_paragraph;
    }
    out.flush()?;
    Ok((written, sentences, written_paragraphs))
}

/// A field of `/proc/self/status` in kB (`VmHWM`, `VmRSS`); 0 where unavailable.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets the peak resident set to the current one, so the next `VmHWM` is the stage's own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Runs one stage, printing its wall time, its peak RSS and the RSS after it.
fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    reset_peak();
    let start = Instant::now();
    let out = f();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "| {name:<34} | {secs:>9.2} | {:>10.0} | {:>10.0} |",
        status_kb("VmHWM") as f64 / 1024.0,
        status_kb("VmRSS") as f64 / 1024.0
    );
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let megabytes: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100);
    let dir = tempfile::tempdir()?;
    // BIG_INPUT_DIR keeps the two generated versions there (to open them in the app).
    let keep = std::env::var_os("BIG_INPUT_DIR").map(std::path::PathBuf::from);
    let texts = keep.as_deref().unwrap_or(dir.path());
    let pivot_path = texts.join("report.vi.txt");
    let other_path = texts.join("report.ms.txt");
    let (pivot_bytes, pivot_sentences, paragraphs) =
        generate(&pivot_path, 0, megabytes * 1_000_000, u64::MAX)?;
    let (other_bytes, other_sentences, _) = generate(&other_path, 1, u64::MAX, paragraphs)?;
    println!(
        "pivot: {pivot_bytes} bytes, {pivot_sentences} sentences written; \
         translation: {other_bytes} bytes, {other_sentences} sentences written"
    );
    println!(
        "| {:<34} | {:>9} | {:>10} | {:>10} |",
        "stage", "wall s", "peak MiB", "RSS MiB"
    );
    println!("|{:-<36}|{:-<11}|{:-<12}|{:-<12}|", "", "", "", "");
    let opts = LoadOptions::default();
    let load = |path: &Path| -> Result<Document, IngestError> { ingest::load_path(path, &opts) };
    let pivot_doc = stage("load pivot (decode + paragraphs)", || load(&pivot_path))?;
    let other_doc = stage("load translation", || load(&other_path))?;
    let pivot_lang = stage("detect language (pivot)", || {
        ingest::language::detect(&pivot_doc.text).lang
    });
    let other_lang = stage("detect language (translation)", || {
        ingest::language::detect(&other_doc.text).lang
    });
    let segment = |doc: &Document, lang| alinea::segment::segment(&doc.text, &doc.paragraphs, lang);
    let pivot_sents = stage("segment pivot", || segment(&pivot_doc, &pivot_lang));
    let other_sents = stage("segment translation", || segment(&other_doc, &other_lang));
    let into_version = |doc: Document, lang, sentences| Version {
        name: doc.name,
        source_path: None,
        lang,
        encoding: doc.encoding,
        direction: Default::default(),
        split: Default::default(),
        text: doc.text,
        paragraphs: doc.paragraphs,
        sentences,
    };
    let versions = vec![
        into_version(pivot_doc, pivot_lang, pivot_sents),
        into_version(other_doc, other_lang, other_sents),
    ];
    let counts: Vec<usize> = versions.iter().map(|v| v.sentences.len()).collect();
    let alignment = stage("align pivot × translation", || {
        align::align(&versions, 0, &AlignOptions::default(), &Progress::new())
    })?;
    let rows = alignment.rows.len();
    let mut project = Project::new(versions);
    project.alignment = alignment;
    let project_path = dir.path().join("big.alinea");
    stage("save project", || {
        alinea::project::save(&project_path, &project)
    })?;
    let project_bytes = std::fs::metadata(&project_path)?.len();
    drop(project);
    let loaded = stage("load project", || {
        alinea::project::load_without_glossary(&project_path)
    })?;
    drop(loaded);
    let huge = dir.path().join("huge.txt");
    File::create(&huge)?.set_len(1 << 30)?;
    let refused = stage("1 GiB sparse file (must be refused)", || load(&huge));
    println!(
        "\nsentences: {} pivot, {} translation; {rows} rows; project file {project_bytes} bytes",
        counts[0], counts[1]
    );
    match refused {
        Err(err @ IngestError::TooLarge { .. }) => println!("1 GiB file refused: {err}"),
        Err(err) => return Err(format!("1 GiB file refused for another reason: {err}").into()),
        Ok(_) => return Err("a 1 GiB file was loaded; the size limit does not work".into()),
    }
    Ok(())
}
