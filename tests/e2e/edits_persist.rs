//! A superintendent's first edits: add an office and name it, nest a person in a community and undo
//! it, switch to the org chart and back, quit — and find the work there after a restart.

use crate::harness::{AppWindow, Launch};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

async fn parent_of(window: &AppWindow, id: &str) -> String {
    window
        .eval(&format!(
            "window.__murmuration.cy.getElementById({id:?}).data('parent') || ''"
        ))
        .await
        .as_str()
        .unwrap_or("")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn edits_survive_a_restart() {
    // A WebDriver call that never returns must fail the test, not hang CI.
    tokio::time::timeout(std::time::Duration::from_secs(180), edit_and_restart())
        .await
        .expect("the journey finished in time");
}

async fn edit_and_restart() {
    let window = AppWindow::launch(Launch::fresh()).await;

    // Add an office from the palette and name it in place.
    let offices_before = window
        .eval("window.__murmuration.rendered().filter(e => e.kind === 'office').length")
        .await;
    window.click("palette-office").await;
    window
        .wait_until(
            &format!("window.__murmuration.rendered().filter(e => e.kind === 'office').length > {offices_before}"),
            WAIT,
        )
        .await;
    // The name field opens a frame after the new office is drawn.
    window
        .wait_until(
            "document.querySelector(\"[data-testid='rename-field']\") !== null",
            WAIT,
        )
        .await;
    let rename = window
        .client
        .find(Locator::Css("[data-testid='rename-field']"))
        .await
        .expect("the new office asks for its name");
    rename
        .send_keys("Office of Belonging\u{E007}")
        .await
        .expect("type the name");
    window
        .wait_until(
            "window.__murmuration.rendered().some(e => e.name === 'Office of Belonging')",
            WAIT,
        )
        .await;
    window.screenshot("edits-1-office-added");

    // Nest the science specialist in the Graduate Capstone community, then undo it.
    window.click_on_canvas("Priya Raman", 1).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='inspector-name']\")?.value === 'Priya Raman'",
            WAIT,
        )
        .await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='inspector-parent']\") !== null",
            WAIT,
        )
        .await;
    window
        .client
        .find(Locator::Css("[data-testid='inspector-parent']"))
        .await
        .expect("the inspector's Inside field")
        .select_by_value("capstone")
        .await
        .expect("choose Graduate Capstone");
    window.wait_until("window.__murmuration.cy.getElementById('science-specialist').data('parent') === 'capstone'", WAIT).await;
    window.screenshot("edits-2-nested");
    window.click("undo").await;
    window
        .wait_until("window.__murmuration.cy.getElementById('science-specialist').data('parent') === 'teaching-learning'", WAIT)
        .await;
    assert_eq!(
        parent_of(&window, "science-specialist").await,
        "teaching-learning"
    );

    // The org chart is another drawing of the same map.
    window.show_view("org_chart").await;
    window.settled().await;
    window.screenshot("edits-3-org-chart");
    window.show_view("network").await;

    // Quit and start again on the same machine: the office is there, the undone nesting is not.
    let window = window.restart().await;
    window
        .wait_until(
            "window.__murmuration.rendered().some(e => e.name === 'Office of Belonging')",
            WAIT,
        )
        .await;
    assert_eq!(
        parent_of(&window, "science-specialist").await,
        "teaching-learning"
    );
    window.screenshot("edits-4-after-restart");
    window.quit().await;
}
