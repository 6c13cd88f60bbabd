//! Where the core may write files, and how: whole or not at all, and never over a map.
//!
//! Every job that writes (exports of every format, the sample, imports, the JSON form, the CSV
//! pair, new maps) writes through here, so one rule holds for all of them: an output never
//! replaces a Murmuration map (or the journal beside one) — a map is months of someone's work,
//! and an export named like it must be refused, not written over it. New maps are created
//! without replacing anything at all. Each file is written to a hidden sibling, flushed to the
//! disk and only then given its name, so a failure or a kill never leaves half a file under the
//! user's name; the hidden siblings are removed on every failure, and ones left by a process
//! that was killed are removed by the next write beside them.
//!
//! This module sits below everything that writes (`store`, `render`, `exchange`, `jobs`).

use crate::error::{CoreError, ErrorKind, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every `.murm` file, at byte 68 of its header: "MURM" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D55_524D;

/// The first 16 bytes of every SQLite file.
pub(crate) const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The hidden siblings a job builds beside its target; a killed job's ones are cleaned up.
const IN_PROGRESS: [&str; 3] = ["partial", "creating", "saving"];

/// Writes `bytes` to `path` whole or not at all, replacing a file that is there unless it is a
/// map (see the module header).
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_or_none(&[(path, bytes)])
}

/// Writes several files (the CSV pair) so that either all of them take their names or none
/// does: all are written and flushed first (where a full disk shows), then all are renamed.
pub fn write_all_or_none(files: &[(&Path, &[u8])]) -> Result<()> {
    for (path, _) in files {
        check_output(path, None)?;
    }
    let mut written: Vec<PathBuf> = Vec::new();
    let cleanup = |written: &[PathBuf]| {
        for partial in written {
            let _ = std::fs::remove_file(partial);
        }
    };
    for (path, bytes) in files {
        let partial = sibling(path, "partial")?;
        remove_stale_siblings(path);
        written.push(partial.clone());
        if let Err(e) = write_synced(&partial, bytes) {
            cleanup(&written);
            return Err(CoreError::io("write", path, e));
        }
    }
    for (i, ((path, _), partial)) in files.iter().zip(&written).enumerate() {
        if let Err(e) = std::fs::rename(partial, path) {
            cleanup(&written[i..]);
            // Take back the ones already in place, so no file stands without its pair.
            for (done, _) in &files[..i] {
                let _ = std::fs::remove_file(done);
            }
            return Err(CoreError::io("write", path, e));
        }
    }
    sync_folder(files.first().map(|(p, _)| *p));
    Ok(())
}

/// Writes a new file at `path` whole or not at all, never replacing one that is there (a new map).
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(file_exists(path));
    }
    let building = sibling(path, "creating")?;
    remove_stale_siblings(path);
    let placed = write_synced(&building, bytes)
        .map_err(|e| CoreError::io("create", path, e))
        .and_then(|()| {
            // A hard link never replaces an existing file, unlike rename.
            match std::fs::hard_link(&building, path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(file_exists(path)),
                // A file system without hard links: rename, having checked above.
                Err(_) => {
                    std::fs::rename(&building, path).map_err(|e| CoreError::io("create", path, e))
                }
            }
        });
    let _ = std::fs::remove_file(&building);
    placed?;
    sync_folder(Some(path));
    Ok(())
}

/// The rule for where an output may go: never over a Murmuration map or its journal, and never
/// over `reading`, the map a job reads. Called by every writer; a job that knows its input calls
/// it first too, to refuse before doing any work, with the clearer message.
pub fn check_output(out: &Path, reading: Option<&Path>) -> Result<()> {
    if let Some(input) = reading {
        if same_file(out, input) {
            return Err(CoreError::new(
                ErrorKind::FileExists,
                format!(
                    "The output {} is the map being read; choose another file name, so the map is not replaced.",
                    quoted(out)
                ),
            ));
        }
    }
    let journal_of = ["-wal", "-shm", "-journal"].iter().find_map(|suffix| {
        let name = out.file_name()?.to_str()?;
        Some(out.with_file_name(name.strip_suffix(suffix)?))
    });
    if is_map(out) || journal_of.as_deref().is_some_and(is_map) {
        return Err(CoreError::new(
            ErrorKind::FileExists,
            format!(
                "{} is a Murmuration map, and an export never replaces a map; choose another file name.",
                quoted(out)
            ),
        ));
    }
    Ok(())
}

/// Whether `path` is a Murmuration map: an SQLite file whose application id is "MURM".
pub fn is_map(path: &Path) -> bool {
    let mut header = [0u8; 72];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok()
        && &header[..16] == SQLITE_MAGIC
        && i32::from_be_bytes([header[68], header[69], header[70], header[71]]) == APPLICATION_ID
}

/// Whether two paths name one file: the same path once links are followed, or (on Unix) the same
/// file under two names (a hard link).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (a.canonicalize(), b.canonicalize()) {
        if a == b {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// A hidden file beside `path` for building a file before it takes `path`'s name:
/// `.NAME.PID.WHAT`, so a killed job's leftovers can be told from a running one's.
pub(crate) fn sibling(path: &Path, what: &str) -> Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        CoreError::new(
            ErrorKind::Io,
            format!("{} is not a file name.", path.display()),
        )
    })?;
    Ok(path.with_file_name(format!(
        ".{}.{}.{what}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// `path` with `suffix` added to its name (`map.murm` → `map.murm-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes `path` and the journals SQLite may have left beside it; a missing file is fine.
pub(crate) fn remove_with_journals(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Removes the hidden siblings of `path` (and their journals) left by a job that was killed:
/// those whose process is gone. Best effort: a sibling that cannot be removed is left.
pub(crate) fn remove_stale_siblings(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let Some((pid, what)) = rest.split_once('.') else {
            continue;
        };
        let what = ["-wal", "-shm", "-journal"]
            .iter()
            .find_map(|s| what.strip_suffix(s))
            .unwrap_or(what);
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if IN_PROGRESS.contains(&what) && pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id is running. Where that cannot be told, it is taken as running,
/// so nothing a live job is writing is ever removed.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // Signal 0 checks that the process exists without touching it.
        // SAFETY: kill with signal 0 sends nothing; it only looks the process up.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Writes `bytes` to a new file at `path` and flushes it to the disk; on failure removes it.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let written = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Flushes the folder holding `path`, so a new name survives a power cut (Unix; best effort).
fn sync_folder(path: Option<&Path>) {
    #[cfg(unix)]
    if let Some(folder) = path.and_then(Path::parent) {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn quoted(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| format!("\"{}\"", n.to_string_lossy()),
    )
}

pub(crate) fn file_exists(path: &Path) -> CoreError {
    CoreError::new(
        ErrorKind::FileExists,
        format!("There is already a file at {}.", path.display()),
    )
}
