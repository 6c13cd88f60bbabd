//! The command line, run as a user would: the real `murmuration` binary, no display.

use std::path::PathBuf;
use std::process::{Command, Output};

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
