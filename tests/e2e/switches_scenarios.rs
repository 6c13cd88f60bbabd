//! A superintendent starts a "to be" from the sample's "as is" with the scenario picker: a name
//! already taken is said beside the field, the copy is renamed, the canvas changes with the
//! scenario shown, the list is reordered, deleting stops at the last scenario with the reason said,
//! undo brings the scenarios back — and after a restart the map opens on the scenario last picked.
//! Showing or presenting a scene puts its scenario on screen, and Export names the scenario.

use crate::harness::{AppWindow, Launch};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
/// WebDriver's Backspace key. (A Ctrl+A to select the field's text stays held under
/// WebKitWebDriver, and the letters typed after it become shortcuts.)
const BACKSPACE: &str = "\u{E003}";
/// In "To be: communities as home base" only.
const ONLY_TO_BE: &str = "Evidence & Street Data";

fn shown_is(name: &str) -> String {
    format!("document.querySelector(\"[data-testid='scenario-shown']\")?.textContent === {name:?}")
}

fn drawn(name: &str) -> String {
    format!("window.__murmuration.rendered().some(e => e.name === {name:?})")
}

fn scenario_names() -> &'static str {
    "JSON.stringify(window.__murmuration.snapshot().scenarios.map(s => s.name))"
}

async fn open_picker(window: &AppWindow) {
    if window
        .eval("document.querySelector(\"[data-testid='scenario-card']\") === null")
        .await
        == true
    {
        window.click("scenario-button").await;
    }
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-card']\") !== null",
            WAIT,
        )
        .await;
}

/// Replaces what the name field holds with `text` (not submitted).
async fn type_name(window: &AppWindow, text: &str) {
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-name']\") !== null",
            WAIT,
        )
        .await;
    let held = window
        .eval("document.querySelector(\"[data-testid='scenario-name']\").value.length")
        .await
        .as_u64()
        .unwrap_or(0);
    window
        .client
        .find(Locator::Css("[data-testid='scenario-name']"))
        .await
        .expect("the name field")
        .send_keys(&format!("{}{text}", BACKSPACE.repeat(held as usize)))
        .await
        .expect("type the name");
}

/// Shows the scenario `id` by picking it in the picker's list box.
async fn pick(window: &AppWindow, id: &str) {
    open_picker(window).await;
    window
        .client
        .find(Locator::Css("[data-testid='scenario-list']"))
        .await
        .expect("the list of scenarios")
        .select_by_value(id)
        .await
        .expect("pick a scenario");
    window
        .wait_until(
            &format!("window.__murmuration.snapshot().scenario === {id:?}"),
            WAIT,
        )
        .await;
}

async fn shown_id(window: &AppWindow) -> String {
    window
        .eval("window.__murmuration.snapshot().scenario")
        .await
        .as_str()
        .expect("a scenario on screen")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn scenarios_are_picked_edited_and_remembered() {
    tokio::time::timeout(Duration::from_secs(240), journey())
        .await
        .expect("the scenario journey finished in time");
}

async fn journey() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window.wait_until(&shown_is("As is 2025"), WAIT).await;
    assert_eq!(window.eval(&drawn(ONLY_TO_BE)).await, false);

    // The picker, open, with a new scenario's name that is already taken (ignoring case).
    open_picker(&window).await;
    window.click("scenario-new").await;
    type_name(&window, "to be: COMMUNITIES as home base").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-name-problem']\")?.textContent.includes('There is already a scenario named \"To be: communities as home base\"')",
            WAIT,
        )
        .await;
    assert_eq!(
        window
            .eval("document.querySelector(\"[data-testid='scenario-submit']\").disabled")
            .await,
        true,
        "a name the core refuses is not sent"
    );
    window.screenshot("scenarios-1-picker-name-taken");

    // "To be 2" as a copy of the scenario shown: shown at once, drawn like "as is".
    type_name(&window, "To be 2").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-name-problem']\")?.textContent === '' && !document.querySelector(\"[data-testid='scenario-submit']\").disabled",
            WAIT,
        )
        .await;
    window.click("scenario-submit").await;
    window.wait_until(&shown_is("To be 2"), WAIT).await;
    let copy = shown_id(&window).await;
    window.wait_until(&drawn("Sam Okafor"), WAIT).await;
    assert_eq!(window.eval(&drawn(ONLY_TO_BE)).await, false);

    // Renamed.
    open_picker(&window).await;
    window.click("scenario-rename").await;
    type_name(&window, "Flatter\u{E007}").await;
    window.wait_until(&shown_is("Flatter"), WAIT).await;
    assert!(
        window
            .window_titles()
            .iter()
            .any(|t| t.contains("Riverside Unified · Flatter")),
        "the window title names the scenario: {:?}",
        window.window_titles()
    );

    // Switching changes the canvas: "to be" has an element "as is" has not.
    pick(&window, "to-be").await;
    window.wait_until(&drawn(ONLY_TO_BE), WAIT).await;
    pick(&window, "as-is").await;
    window
        .wait_until(&format!("!{}", drawn(ONLY_TO_BE)), WAIT)
        .await;

    // Reordered: "Flatter" moves up above "to be".
    pick(&window, &copy).await;
    window.click("scenario-up").await;
    window
        .wait_until(
            &format!(
                "{} === JSON.stringify(['As is 2025', 'Flatter', 'To be: communities as home base'])",
                scenario_names()
            ),
            WAIT,
        )
        .await;
    window.settled().await;
    window.screenshot("scenarios-2-picker-open");

    // Deleted down to the last one: the first takes the place of a deleted scenario on screen.
    window.click("scenario-delete").await;
    window.wait_until(&shown_is("As is 2025"), WAIT).await;
    open_picker(&window).await;
    window.click("scenario-delete").await;
    window
        .wait_until(&shown_is("To be: communities as home base"), WAIT)
        .await;
    open_picker(&window).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-delete-reason']\")?.textContent.includes('a map keeps at least one scenario')",
            WAIT,
        )
        .await;
    assert_eq!(
        window
            .eval("document.querySelector(\"[data-testid='scenario-delete']\").disabled")
            .await,
        true
    );
    window.screenshot("scenarios-3-last-one-kept");

    // Undo brings back "as is" with its scenes, then "Flatter" in its place.
    window.click("undo").await;
    let scenes = murmuration_core::sample::riverside_unified().scenes.len();
    window
        .wait_until(
            &format!("window.__murmuration.snapshot().scenarios.length === 2 && window.__murmuration.snapshot().scenes.length === {scenes}"),
            WAIT,
        )
        .await;
    window.click("undo").await;
    window
        .wait_until(
            &format!(
                "{} === JSON.stringify(['As is 2025', 'Flatter', 'To be: communities as home base'])",
                scenario_names()
            ),
            WAIT,
        )
        .await;

    // The scenario picked last is the one the map reopens on.
    pick(&window, "to-be").await;
    window.wait_until(&drawn(ONLY_TO_BE), WAIT).await;
    let window = window.restart().await;
    window
        .wait_until(&shown_is("To be: communities as home base"), WAIT)
        .await;
    window.wait_until(&drawn(ONLY_TO_BE), WAIT).await;
    window.screenshot("scenarios-4-after-restart");

    // A scene shows its own scenario, and the scenes list says which.
    pick(&window, "as-is").await;
    window
        .wait_until(&format!("!{}", drawn(ONLY_TO_BE)), WAIT)
        .await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scene-meta-4']\")?.textContent.startsWith('To be: communities as home base')",
            WAIT,
        )
        .await;
    window.click("scene-show-4").await;
    window
        .wait_until(&shown_is("To be: communities as home base"), WAIT)
        .await;
    window.wait_until(&drawn(ONLY_TO_BE), WAIT).await;

    // The Export dialog says which scenario it exports.
    window.settled().await;
    window.click("export-button").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='export-scenario']\")?.textContent.includes('“To be: communities as home base”')",
            WAIT,
        )
        .await;
    // The dialog's first frame on the display, not just in the page.
    tokio::time::sleep(Duration::from_millis(500)).await;
    window.screenshot("scenarios-5-export-names-the-scenario");
    window.click("export-close").await;

    // Presenting from that scene shows its scenario too; leaving puts "as is" back.
    pick(&window, "as-is").await;
    window.click("scene-present-4").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='present-title']\")?.textContent.includes('Communities as home base') === true",
            WAIT,
        )
        .await;
    window
        .wait_until("window.__murmuration.snapshot().scenario === 'to-be'", WAIT)
        .await;
    window.wait_until(&drawn(ONLY_TO_BE), WAIT).await;
    window.click("present-exit").await;
    window
        .wait_until("window.__murmuration.snapshot().scenario === 'as-is'", WAIT)
        .await;
    window.quit().await;
}
