//! axe-core, the accessibility checker, run inside the real window on the main window, the
//! outline, the keyboard-shortcuts overlay, the Export dialog (with a PNG's alternative text), the
//! Import dialog (a list, and an org chart's column roles), presentation mode and the projector
//! theme: no serious or critical violation; the others are printed. axe is read from
//! `ui/node_modules/axe-core/axe.min.js` (or `AXE_CORE_JS`) by this test and handed to the page
//! through WebDriver's execute script; the app's CSP is not loosened for it.

use crate::harness::{AppWindow, Launch};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is not at {} ({e}): run `npm ci` in ui/",
            path.display()
        )
    })
}

/// Runs axe on the page as it is now; prints every violation and returns the serious and
/// critical ones as "rule: help (where)".
async fn audit(window: &AppWindow, axe: &str, what: &str) -> Vec<String> {
    if window.eval("typeof window.axe === 'undefined'").await == Value::Bool(true) {
        window
            .client
            .execute(axe, vec![])
            .await
            .expect("axe-core loads in the page (a CSP that blocked it would fail here)");
    }
    let found = window
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }))))
               .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .expect("axe ran");
    let mut serious = Vec::new();
    for v in found.as_array().expect("violations") {
        let line = format!("{}: {} ({})", v["id"], v["help"], v["nodes"]);
        println!("axe, {what}: [{}] {line}", v["impact"]);
        if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
            serious.push(format!("{what}: {line}"));
        }
    }
    serious
}

fn present(selector: &str) -> String {
    format!("document.querySelector({selector:?}) !== null")
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_serious_in_the_window_its_dialogs_the_outline_and_presentation() {
    tokio::time::timeout(Duration::from_secs(360), check_everything())
        .await
        .expect("the accessibility checks finished in time");
}

async fn check_everything() {
    let axe = axe_source();
    let window = AppWindow::launch(Launch::fresh()).await;
    let mut serious = audit(&window, &axe, "main window").await;

    window.click("outline-button").await;
    window
        .wait_until(&present("[role='tree'] [role='treeitem']"), WAIT)
        .await;
    serious.extend(audit(&window, &axe, "outline").await);

    window.click("help-button").await;
    window
        .wait_until(&present("[data-testid='help-overlay']"), WAIT)
        .await;
    serious.extend(audit(&window, &axe, "shortcuts overlay").await);
    window.click("help-close").await;

    window.click("export-button").await;
    window
        .wait_until(&present("[data-testid='export-dialog']"), WAIT)
        .await;
    serious.extend(audit(&window, &axe, "export dialog").await);
    // A PNG has no text of its own: the core's alternative text is offered beside it to copy.
    window.click("export-format-png").await;
    window
        .wait_until(&present("[data-testid='export-alt-copy']"), WAIT)
        .await;
    let alt = window
        .eval("document.querySelector(\"[data-testid='export-alt-text']\").value")
        .await;
    assert!(
        alt.as_str()
            .is_some_and(|a| a.starts_with("A network map of")),
        "the PNG's alternative text says what the page shows: {alt}"
    );
    serious.extend(audit(&window, &axe, "export dialog, PNG").await);
    window.click("export-close").await;

    serious.extend(audit_import_dialog(&window, &axe).await);

    window.click("display-button").await;
    window.click("display-projector").await;
    window
        .wait_until(
            "document.documentElement.dataset.theme === 'projector'",
            WAIT,
        )
        .await;
    window.click("display-large-text").await;
    window.settled().await;
    window.screenshot("accessible-projector-theme");
    serious.extend(audit(&window, &axe, "projector theme, larger text").await);

    window.click("present-button").await;
    window
        .wait_until(&present("[data-testid='presentation']"), WAIT)
        .await;
    window.settled().await;
    serious.extend(audit(&window, &axe, "presentation").await);
    window.click("present-exit").await;

    // The theme is the window's preference: it is still there after a restart.
    let window = window.restart().await;
    assert_eq!(
        window.eval("document.documentElement.dataset.theme").await,
        Value::from("projector"),
        "the projector theme is remembered across sessions"
    );
    window.quit().await;
    assert!(
        serious.is_empty(),
        "serious or critical accessibility violations:\n{}",
        serious.join("\n")
    );
}

/// The Import dialog, opened from the native File menu: a relation list's step, then an org
/// chart's column roles with its first rows (the district fixture picked in the file chooser).
async fn audit_import_dialog(window: &AppWindow, axe: &str) -> Vec<String> {
    use crate::imports_relations::{choose_from_file_menu, pick_in_file_chooser};
    let open = present("[data-testid='import-dialog']");
    let closed = format!("!({open})");
    // New Map, Open, Open Recent, Open the Sample District, (a line), Import Org Chart, Import Relations.
    choose_from_file_menu(window, 6);
    window.wait_until(&open, WAIT).await;
    let mut serious = audit(window, axe, "import dialog, relations").await;
    window.click("import-close").await;
    window.wait_until(&closed, WAIT).await;

    choose_from_file_menu(window, 5);
    let csv = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/import/org_chart_district.csv");
    pick_in_file_chooser(window, "Import an org chart", &csv.display().to_string());
    window
        .wait_until(&present("[data-testid='import-role-name']"), WAIT)
        .await;
    serious.extend(audit(window, axe, "import dialog, org chart columns").await);
    window.click("import-close").await;
    window.wait_until(&closed, WAIT).await;
    serious
}
