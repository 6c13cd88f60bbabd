//! The commands the window may call, by name: the one list `build.rs` turns into the app's
//! permission manifest (an `allow-<command>` permission each). Without that manifest Tauri lets
//! the page call every command; with it, only what `capabilities/default.json` grants. Tests keep
//! this list equal to the commands in `specta_builder()` and to the grants in the capability.

pub const COMMANDS: &[&str] = &[
    "map_snapshot",
    "apply",
    "check_edit",
    "undo",
    "redo",
    "visual_vocabulary",
    "lenses",
    "lens_view",
    "show_view",
    "timeline",
    "cascade_trace",
    "export_preview",
    "org_chart_places",
    "export_map",
    "pick_org_chart",
    "import_org_chart",
    "import_list",
    "compare_scenarios",
    "adopt_changes",
];
