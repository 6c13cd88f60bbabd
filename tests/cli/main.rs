//! The command line, run as a user would: the real `murmuration` binary, no display.

use std::path::PathBuf;
use std::process::{Command, Output};

mod stories;
mod system;
mod time;

fn murmuration(args: &[&str]) -> Output {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    let bin = std::env::var_os("MURMURATION_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("debug/murmuration"));
    assert!(
        bin.exists(),
        "build the app first: {} is missing",
        bin.display()
    );
    Command::new(bin)
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run murmuration")
}

#[test]
fn help_works_without_a_display() {
    let out = murmuration(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("school district"), "{text}");
    assert!(text.contains("Usage: murmuration"), "{text}");
}

#[test]
fn version_works_without_a_display() {
    let out = murmuration(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("murmuration {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_option_fails_with_a_clear_message() {
    let out = murmuration(&["--frobnicate"]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("unexpected argument '--frobnicate' found"),
        "{text}"
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("murmuration-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn arg(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn sample_then_json_export_then_import_round_trips() {
    let dir = scratch("round-trip");
    let (murm, json, again, json_again) = (
        dir.join("s.murm"),
        dir.join("s.json"),
        dir.join("t.murm"),
        dir.join("t.json"),
    );
    assert!(murmuration(&["sample", "--out", arg(&murm)])
        .status
        .success());
    assert!(murmuration(&[
        "export",
        arg(&murm),
        "--format",
        "json",
        "--out",
        arg(&json)
    ])
    .status
    .success());
    let text = std::fs::read_to_string(&json).expect("json written");
    assert!(text.contains("\"format\": \"murmuration-map\"") && text.contains("Riverside Unified"));
    assert!(
        murmuration(&["import", "json", arg(&json), "--out", arg(&again)])
            .status
            .success()
    );
    assert!(murmuration(&[
        "export",
        arg(&again),
        "--format",
        "json",
        "--out",
        arg(&json_again)
    ])
    .status
    .success());
    assert_eq!(
        text,
        std::fs::read_to_string(&json_again).expect("second json"),
        "JSON → map → JSON changed the map"
    );
}

#[test]
fn failures_print_one_line_and_leave_no_file() {
    let dir = scratch("failures");
    let junk = dir.join("junk.json");
    std::fs::write(&junk, "{\"hello\": 1}").expect("write junk");
    let out = dir.join("new.murm");
    let run = murmuration(&["import", "json", arg(&junk), "--out", arg(&out)]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a Murmuration map"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("junk.json")],
        "a failed import left files behind"
    );

    let not_a_map = dir.join("notes.murm");
    std::fs::write(&not_a_map, "these are my meeting notes").expect("write");
    let json = dir.join("out.json");
    let run = murmuration(&[
        "export",
        arg(&not_a_map),
        "--format",
        "json",
        "--out",
        arg(&json),
    ]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("not a Murmuration map"));
    assert!(!json.exists());
    assert_eq!(
        std::fs::read(&not_a_map).expect("read"),
        b"these are my meeting notes"
    );
}

#[test]
fn synthetic_refuses_sizes_it_cannot_make_in_one_line_and_writes_nothing() {
    let dir = scratch("synthetic-sizes");
    let out = dir.join("big.murm");
    for asked in [
        "1000000000000",
        "200001",
        "0",
        "-5",
        "many",
        "18446744073709551616",
    ] {
        let run = murmuration(&["synthetic", "--elements", asked, "--out", arg(&out)]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "--elements {asked}: {stderr}");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "--elements {asked}: {stderr}"
        );
        assert!(
            stderr.contains("--elements must be a whole number between 1 and 200,000"),
            "--elements {asked}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "--elements {asked}: {stderr}");
        let left = std::fs::read_dir(&dir).expect("dir").count();
        assert_eq!(left, 0, "--elements {asked} left a file behind");
    }
    let run = murmuration(&["synthetic", "--elements", "50", "--out", arg(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.exists());
}

#[test]
fn sample_refuses_to_overwrite_an_existing_file() {
    let dir = scratch("overwrite");
    let precious = dir.join("district.murm");
    std::fs::write(&precious, "precious").expect("write");
    let run = murmuration(&["sample", "--out", arg(&precious)]);
    assert!(!run.status.success());
    assert_eq!(std::fs::read(&precious).expect("read"), b"precious");
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../core/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn an_org_chart_csv_becomes_a_map_with_warnings_by_row() {
    let dir = scratch("org-chart");
    let map = dir.join("district.murm");
    let run = murmuration(&[
        "import",
        "org-chart",
        &fixture("org_chart_district.csv"),
        "--out",
        arg(&map),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("Imported 40 people"));
    assert!(String::from_utf8_lossy(&run.stderr).contains("Row 42 names the manager"));
    let analysis = murmuration(&["analyze", arg(&map), "--json"]);
    assert!(analysis.status.success());
    let json: serde_json::Value =
        serde_json::from_slice(&analysis.stdout).expect("analyze prints JSON");
    assert!(
        json["silos"]["groups"]
            .as_array()
            .is_some_and(|g| !g.is_empty()),
        "no groups in the silos lens"
    );
    assert!(
        json["moves"].as_array().is_some_and(|m| !m.is_empty()),
        "no leader moves"
    );
}

#[test]
fn a_reporting_cycle_writes_nothing_and_names_the_rows() {
    let dir = scratch("cycle");
    let map = dir.join("cycle.murm");
    let run = murmuration(&[
        "import",
        "org-chart",
        &fixture("org_chart_cycle.csv"),
        "--out",
        arg(&map),
    ]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("row 3") && stderr.contains("row 4"),
        "{stderr}"
    );
    assert!(!map.exists());
}

#[test]
fn a_bad_survey_row_leaves_the_map_byte_identical() {
    let dir = scratch("bad-survey");
    let map = dir.join("s.murm");
    assert!(murmuration(&["sample", "--out", arg(&map)])
        .status
        .success());
    let before = std::fs::read(&map).expect("read");
    let run = murmuration(&[
        "import",
        "relations",
        &fixture("survey_bad_volume.csv"),
        "--into",
        arg(&map),
    ]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("Row 4, column “volume”"));
    assert_eq!(
        before,
        std::fs::read(&map).expect("read"),
        "a refused import changed the file"
    );
}

#[test]
fn drawings_export_as_pdf_svg_and_png() {
    let dir = scratch("drawings");
    let map = dir.join("s.murm");
    assert!(murmuration(&["sample", "--out", arg(&map)])
        .status
        .success());
    for (format, name, magic) in [
        ("pdf", "s.pdf", &b"%PDF"[..]),
        ("svg", "s.svg", b"<svg"),
        ("png", "s.png", b"\x89PNG"),
    ] {
        let out = dir.join(name);
        let run = murmuration(&[
            "export",
            arg(&map),
            "--format",
            format,
            "--view",
            "org-chart",
            "--page",
            "a4",
            "--out",
            arg(&out),
        ]);
        assert!(
            run.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&out).expect("export written");
        assert!(
            bytes.windows(magic.len()).take(200).any(|w| w == magic),
            "{format} output does not look like {format}"
        );
    }
    let run = murmuration(&[
        "export",
        arg(&map),
        "--format",
        "pdf",
        "--page",
        "a3",
        "--out",
        arg(&dir.join("x.pdf")),
    ]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("not a page size"));
}

fn bin() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    std::env::var_os("MURMURATION_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join("debug/murmuration"))
}

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_export_never_replaces_a_map() {
    let dir = scratch("out-is-in");
    let map = dir.join("m.murm");
    let other = dir.join("other.murm");
    for m in [&map, &other] {
        assert!(murmuration(&["sample", "--out", arg(m)]).status.success());
    }
    let before = (std::fs::read(&map).unwrap(), std::fs::read(&other).unwrap());
    for format in ["pdf", "json", "csv", "graphml"] {
        for out in [&map, &other] {
            let run = murmuration(&["export", arg(&map), "--format", format, "--out", arg(out)]);
            assert!(!run.status.success(), "{format} over {}", out.display());
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
            assert!(stderr.contains("choose another file name"), "{stderr}");
        }
    }
    assert_eq!(
        (std::fs::read(&map).unwrap(), std::fs::read(&other).unwrap()),
        before
    );
    assert_eq!(listing(&dir), ["m.murm", "other.murm"]);
}

#[test]
fn analyze_leaves_no_copy_of_the_map_in_the_temporary_folder() {
    let dir = scratch("analyze-tmp");
    let map = dir.join("big.murm");
    let made = murmuration(&["synthetic", "--elements", "20000", "--out", arg(&map)]);
    assert!(made.status.success());
    let tmp = dir.join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // Killed while it reads and analyses: nothing of the map is left in the temporary folder.
    for wait in [100, 400, 1500] {
        let mut child = Command::new(bin())
            .args(["analyze", arg(&map)])
            .env("TMPDIR", &tmp)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start analyze");
        std::thread::sleep(std::time::Duration::from_millis(wait));
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            listing(&tmp).is_empty(),
            "after {wait} ms: {:?}",
            listing(&tmp)
        );
    }
    // It does not need a temporary folder at all.
    let run = Command::new(bin())
        .args(["analyze", arg(&map)])
        .env("TMPDIR", dir.join("no such folder"))
        .output()
        .expect("run analyze");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(listing(&dir), ["big.murm", "tmp"]);
}

#[test]
fn a_killed_import_leaves_no_hidden_files() {
    let dir = scratch("killed-import");
    let source = dir.join("source.murm");
    let json = dir.join("big.json");
    assert!(
        murmuration(&["synthetic", "--elements", "20000", "--out", arg(&source)])
            .status
            .success()
    );
    assert!(murmuration(&[
        "export",
        arg(&source),
        "--format",
        "json",
        "--out",
        arg(&json)
    ])
    .status
    .success());
    let out = dir.join("new.murm");
    // Killed while its hidden file is being written (or, if it never shows, when it ends).
    let mut child = Command::new(bin())
        .args(["import", "json", arg(&json), "--out", arg(&out)])
        .spawn()
        .expect("start import");
    let started = std::time::Instant::now();
    while child.try_wait().expect("import").is_none()
        && started.elapsed() < std::time::Duration::from_secs(60)
        && !listing(&dir).iter().any(|f| f.starts_with(".new.murm."))
    {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_file(&out);
    // The next import beside them cleans up whatever a killed one may have left.
    let run = murmuration(&["import", "json", arg(&json), "--out", arg(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(listing(&dir), ["big.json", "new.murm", "source.murm"]);
    // Its 20,000-element files are tens of megabytes: not left behind in the temp folder.
    let _ = std::fs::remove_dir_all(&dir);
}

/// A tmpfs of `kilobytes` mounted on a fresh folder, unmounted when dropped; `None` (the test
/// skips, saying so) where mounting is not allowed.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(name: &str, kilobytes: u32) -> Option<SmallDisk> {
        let dir = scratch(name);
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs"])
            .arg(&dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
            return None;
        }
        Some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_full_disk_read_only_map_and_missing_folder_are_said_plainly() {
    let Some(disk) = SmallDisk::mount("full-disk", 512) else {
        return;
    };
    let big = disk.0.join("big.murm");
    let run = murmuration(&["synthetic", "--elements", "20000", "--out", arg(&big)]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("The disk is full"), "{stderr}");
    assert!(listing(&disk.0).is_empty(), "{:?}", listing(&disk.0));

    let run = murmuration(&["sample", "--out", arg(&disk.0.join("no/such/folder.murm"))]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("Cannot write in the folder"), "{stderr}");

    let map = disk.0.join("m.murm");
    assert!(murmuration(&["sample", "--out", arg(&map)])
        .status
        .success());
    let list = disk.0.join("survey.csv");
    std::fs::write(&list, "source,target\nPriya Raman,Marcus Lee\n").unwrap();
    assert!(Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&disk.0)
        .status()
        .is_ok_and(|s| s.success()));
    let run = murmuration(&["import", "relations", arg(&list), "--into", arg(&map)]);
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("\"m.murm\" is read-only"), "{stderr}");
    assert!(!stderr.contains("I/O"), "{stderr}");
}

/// The sample written to a scratch folder, for the scenario commands.
fn sample_map(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let map = dir.join("riverside.murm");
    assert!(murmuration(&["sample", "--out", arg(&map)])
        .status
        .success());
    (dir, map)
}

#[test]
fn diff_lists_the_changes_and_what_they_do_to_the_network() {
    let (dir, map) = sample_map("diff-words");
    let out = murmuration(&[
        "diff",
        arg(&map),
        "--from",
        "As is 2025",
        "--to",
        "To be: communities as home base",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "Flows and barriers",
        "  \u{2212} Barrier from Linked Learning to Teaching & Learning removed",
        "Memberships and home bases",
        "  Δ Priya Raman's home base is now Environmental Sciences Academy (was none)",
        "What it does to the network",
        "  Groups that are silos: 2 \u{2192} 0",
        "  Teaching & Learning is no longer a silo: walled off (E-I 1.00) \u{2192} outward (E-I 0.71)",
        "  Home-base share: 44% (7 of 16) \u{2192} 100% (16 of 16)",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} missing from:\n{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_as_json_lists_ids_added_removed_and_changed_then_the_lenses() {
    let (dir, map) = sample_map("diff-json");
    let out = murmuration(&[
        "diff",
        arg(&map),
        "--from",
        "as is 2025",
        "--to",
        "to-be",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    // The top level opens with the id lists, then the lenses.
    let at = |key: &str| text.find(&format!("\n  \"{key}\": ")).unwrap_or(usize::MAX);
    assert!(text.starts_with("{\n  \"elements\": "), "{text}");
    assert!(at("elements") < at("relations") && at("relations") < at("lenses"));
    assert!(at("lenses") != usize::MAX);
    let ids = |side: &str, kind: &str| -> Vec<String> {
        json[side][kind]
            .as_array()
            .unwrap_or_else(|| panic!("{side}.{kind}"))
            .iter()
            .map(|v| v.as_str().expect("an id").to_owned())
            .collect()
    };
    assert_eq!(ids("elements", "added"), ["evidence-street-data"]);
    assert!(ids("elements", "changed").contains(&"teaching-learning".to_owned()));
    assert!(!ids("relations", "removed").is_empty(), "the barriers went");
    let silos = &json["lenses"][0];
    assert_eq!(silos["lens"], "silos");
    assert_eq!(silos["rows"][0]["before"], "2");
    assert_eq!(silos["rows"][0]["after"], "0");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_scenario_name_is_one_line_listing_the_names_there_are() {
    let (dir, map) = sample_map("unknown-scenario");
    let out_png = dir.join("to-be.svg");
    for args in [
        vec!["diff", arg(&map), "--from", "As is", "--to", "to-be"],
        vec!["analyze", arg(&map), "--scenario", "As is"],
        vec![
            "export",
            arg(&map),
            "--format",
            "svg",
            "--scenario",
            "As is",
            "--out",
            arg(&out_png),
        ],
    ] {
        let out = murmuration(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.trim_end(),
            "murmuration: This map has no scenario \u{201c}As is\u{201d}. Its scenarios are: \u{201c}As is 2025\u{201d}, \u{201c}To be: communities as home base\u{201d}.",
            "{args:?}"
        );
        assert!(!out_png.exists(), "no file from a failed export");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn analyze_and_export_take_the_scenario_named() {
    let (dir, map) = sample_map("scenario-named");
    let share = |args: &[&str]| {
        let out = murmuration(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        json["home_base"]["with_home_base"]
            .as_u64()
            .expect("a count")
    };
    assert_eq!(share(&["analyze", arg(&map), "--json"]), 7);
    assert_eq!(
        share(&[
            "analyze",
            arg(&map),
            "--json",
            "--scenario",
            "To be: communities as home base"
        ]),
        16
    );
    let svg = dir.join("to-be.svg");
    let out = murmuration(&[
        "export",
        arg(&map),
        "--format",
        "svg",
        "--scenario",
        "To be: communities as home base",
        "--out",
        arg(&svg),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg written");
    assert!(
        text.contains("data-id=\"evidence-street-data\""),
        "the to-be's new community is drawn"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
