//! A new user starts the app with no file: Riverside Unified is drawn and the window says so.

use crate::harness::{AppWindow, Launch};

#[tokio::test(flavor = "multi_thread")]
async fn opens_riverside_unified_on_the_canvas() {
    // A WebDriver call that never returns must fail the test, not hang CI.
    tokio::time::timeout(std::time::Duration::from_secs(180), open_sample())
        .await
        .expect("the journey finished in time");
}

async fn open_sample() {
    let window = AppWindow::launch(Launch::fresh()).await;

    let titles = window.window_titles();
    assert!(
        titles
            .iter()
            .any(|t| t == "Riverside Unified · As is 2025 — Murmuration"),
        "window titles on the display: {titles:?}"
    );

    // The shell says this is its own sample (not a guess from the file name): the hint shows.
    assert_eq!(
        window
            .eval("document.querySelector(\"[data-testid='first-run-hint']\") !== null")
            .await,
        serde_json::Value::Bool(true),
        "the first-run hint is over the sample"
    );

    let names = window.names_in_view().await;
    for expected in [
        "Teaching & Learning",
        "Linked Learning",
        "Procurement & Contracting",
        "Legal (General Counsel)",
        "ES program-of-study redesign",
        "Graduate Capstone",
        "Riverside High School",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} is not in view; in view: {names:?}"
        );
    }

    // Every person's circle carries a picture of their initials (a build once shipped them blank).
    let blank = window
        .eval(
            "window.__murmuration.cy.nodes('[kind = \"person\"]')\
               .filter(p => !String(p.style('background-image')).startsWith('data:image/'))\
               .map(p => p.data('name'))",
        )
        .await;
    assert_eq!(
        blank,
        serde_json::json!([]),
        "people drawn without initials"
    );

    // The page may listen to the shell's events but not speak for it: emitting one is refused
    // by the window's capability (it once granted `core:event:default`, emitting included).
    let emitted = window
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI_INTERNALS__\
               .invoke('plugin:event|emit', { event: 'import-requested', payload: { what: 'members' } })\
               .then(() => done('allowed'), (e) => done('refused: ' + e));",
            vec![],
        )
        .await
        .expect("the emit attempt answers");
    assert!(
        emitted.as_str().is_some_and(|a| a.starts_with("refused")),
        "the page could emit an event: {emitted}"
    );

    let shot = window.screenshot("opens-sample");
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "screenshot is empty"
    );
    window.quit().await;
}
