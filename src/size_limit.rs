//! The size limits, in one place: how large a file may be before it is read into memory. A
//! 1 GB file dropped on the window by mistake gets a clear message instead of minutes of work
//! and gigabytes of memory; the CLI refuses documents over [`MAX_LOAD`] the same way.

use std::path::Path;

/// Largest document (or uncompressed DOCX text) the loader reads by default:
/// `LoadOptions::default().max_bytes`, the CLI's limit.
pub const MAX_LOAD: u64 = 100 * 1024 * 1024;

/// Largest document the app accepts before handing it to the loader (text, HTML, DOCX).
pub const MAX_DOCUMENT: u64 = 512 * 1024 * 1024;

/// Largest project file the app opens. A project holds its versions' text plus one line per
/// sentence and per row: two 100 MB versions make a ~460 MB file, five make over 1 GB.
pub const MAX_PROJECT: u64 = 2 * 1024 * 1024 * 1024;

/// `Err` with a one-line message naming the file if it is larger than `limit` bytes (or
/// cannot be inspected); a missing file passes, its reader gives the better message.
pub fn check(path: &Path, limit: u64) -> Result<(), String> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(format!("{}: is a folder, not a file", path.display()));
    }
    if meta.len() > limit {
        return Err(format!(
            "{}: the file is too large to open ({}; the limit is {})",
            path.display(),
            size_text(meta.len()),
            size_text(limit)
        ));
    }
    Ok(())
}

/// A byte count for people: "812 KB", "1.5 GB".
fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB * KB {
        format!("{:.1} GB", b / (KB * KB * KB))
    } else if b >= KB * KB {
        format!("{:.0} MB", b / (KB * KB))
    } else {
        format!("{:.0} KB", (b / KB).ceil())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_files_and_folders_are_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("big.txt");
        std::fs::write(&file, vec![b'a'; 2048]).expect("write");
        assert_eq!(check(&file, 4096), Ok(()));
        let err = check(&file, 1024).expect_err("too large");
        assert!(err.contains("big.txt: the file is too large to open (2 KB; the limit is 1 KB)"));
        let err = check(dir.path(), 1024).expect_err("folder");
        assert!(err.ends_with("is a folder, not a file"), "{err}");
        assert_eq!(check(&dir.path().join("missing"), 1), Ok(()));
        assert_eq!(size_text(3 * 1024 * 1024 * 1024 / 2), "1.5 GB");
    }
}
