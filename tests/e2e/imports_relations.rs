//! A coach adds a relationship survey to the open map from File ▸ Import Relations: the new flows
//! are on the canvas at once, without reopening anything, and Undo takes them off again. The
//! native menu and the GTK file chooser are not part of the page, so they are driven at the X
//! level with xdotool (the chooser's Ctrl+L location field takes the file's path).

use crate::harness::AppWindow;
use crate::harness::Launch;
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

/// Runs xdotool on the window's display; its output, trimmed.
fn xdotool(window: &AppWindow, args: &[&str]) -> Option<String> {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", &window.display)
        .output()
        .expect("xdotool (the README's test setup installs it)");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The first visible X window whose title matches `pattern`, waited for.
fn window_named(window: &AppWindow, pattern: &str) -> String {
    let start = Instant::now();
    loop {
        if let Some(found) = xdotool(window, &["search", "--onlyvisible", "--name", pattern]) {
            if let Some(id) = found.lines().next() {
                return id.to_owned();
            }
        }
        assert!(
            start.elapsed() < WAIT,
            "no window titled like {pattern:?} appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Opens File ▸ Import Relations into This Map… from the native menu bar with the keyboard.
fn choose_import_relations(window: &AppWindow) {
    // New Map, Open, Open Recent, Open the Sample District, (a line), Import Org Chart, Import Relations.
    choose_from_file_menu(window, 6);
}

/// Opens the File menu's item `downs` presses of Down from its top, with the keyboard.
pub(crate) fn choose_from_file_menu(window: &AppWindow, downs: usize) {
    let app = window_named(window, "Murmuration");
    xdotool(window, &["windowfocus", "--sync", &app]).expect("focus the app");
    let geometry = xdotool(window, &["getwindowgeometry", "--shell", &app]).expect("geometry");
    let value = |key: &str| -> i64 {
        geometry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    // "File" is the menu bar's only menu, at its left end.
    let (x, y) = (value("X") + 24, value("Y") + 12);
    xdotool(
        window,
        &["mousemove", &x.to_string(), &y.to_string(), "click", "1"],
    )
    .expect("File");
    std::thread::sleep(Duration::from_millis(400));
    for _ in 0..downs {
        xdotool(window, &["key", "Down"]).expect("Down");
    }
    xdotool(window, &["key", "Return"]).expect("Return");
}

/// Types `path` into the GTK file chooser titled like `title` and opens it.
pub(crate) fn pick_in_file_chooser(window: &AppWindow, title: &str, path: &str) {
    let chooser = window_named(window, title);
    xdotool(window, &["windowfocus", "--sync", &chooser]).expect("focus the chooser");
    std::thread::sleep(Duration::from_millis(500));
    xdotool(window, &["key", "ctrl+l"]).expect("Ctrl+L");
    std::thread::sleep(Duration::from_millis(300));
    xdotool(window, &["type", "--delay", "20", path]).expect("type the path");
    std::thread::sleep(Duration::from_millis(300));
    xdotool(window, &["key", "Return"]).expect("Return");
}

const FLOWS_BETWEEN: &str = "(a, b) => window.__murmuration.cy.edges().filter((e) => e.data('kind') === 'flow' && e.source().id() === a && e.target().id() === b).length";

fn count(window_expr: &str, a: &str, b: &str) -> String {
    format!("({FLOWS_BETWEEN})({a:?}, {b:?}) {window_expr}")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_imported_relation_list_is_on_the_canvas_at_once_and_undo_takes_it_off() {
    tokio::time::timeout(Duration::from_secs(180), journey())
        .await
        .expect("the import journey finished in time");
}

async fn journey() {
    let folder = std::env::temp_dir().join(format!("murmuration-e2e-list-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let list = folder.join("survey.csv");
    std::fs::write(
        &list,
        "source,target,medium,volume,direction\n\
         hr,state-university,ideas,2,one way\n\
         math-specialist,families-network,feedback,3,one way\n",
    )
    .expect("write the survey");
    let window = AppWindow::launch(Launch::fresh()).await;
    let before = window.eval("window.__murmuration.cy.edges().length").await;
    let before = before.as_u64().expect("a count");
    window
        .wait_until(&count("=== 0", "hr", "state-university"), WAIT)
        .await;

    choose_import_relations(&window);
    window
        .wait_until(
            "document.querySelector(\"[data-testid='import-run']\") !== null",
            WAIT,
        )
        .await;
    window.click("import-run").await;
    pick_in_file_chooser(&window, "Import relations", &list.display().to_string());
    window
        .wait_until(
            "document.querySelector(\"[data-testid='import-summary']\") !== null",
            WAIT,
        )
        .await;
    // On the canvas at once: no reload, no reopening.
    window
        .wait_until(&count("=== 1", "hr", "state-university"), WAIT)
        .await;
    window
        .wait_until(&count("=== 1", "math-specialist", "families-network"), WAIT)
        .await;
    window
        .wait_until(
            &format!("window.__murmuration.cy.edges().length === {}", before + 2),
            WAIT,
        )
        .await;
    window.screenshot("import-relations-drawn");

    window.click("import-close").await;
    window.click("undo").await;
    window
        .wait_until(
            &format!("window.__murmuration.cy.edges().length === {before}"),
            WAIT,
        )
        .await;
    window
        .wait_until(&count("=== 0", "math-specialist", "families-network"), WAIT)
        .await;
    window.quit().await;
    let _ = std::fs::remove_dir_all(&folder);
}
