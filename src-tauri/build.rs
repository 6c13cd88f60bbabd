//! Tauri's build step, with the app's own permission manifest: each window command gets an
//! `allow-<command>` permission, and a command the capability does not grant cannot be called.

#[path = "src/permitted.rs"]
mod permitted;

fn main() {
    println!("cargo:rerun-if-changed=src/permitted.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(permitted::COMMANDS)),
    )
    .unwrap_or_else(|error| panic!("{error:#}"));
}
