//! A superintendent sketches a flatter district: starts "To be" as a copy of "As is" from the
//! scenario picker, moves the CTE specialist out of Linked Learning into the Environmental Sciences
//! Academy and deletes the barrier "Specialists may not work at school sites", then opens Compare and finds both changes marked — in the
//! change list and on the canvas, overlaid and side by side — with the home-base share and a silo
//! verdict changed in "What the redesign does". She adopts the move back into "As is", undoes it,
//! and after a restart finds it all as she left it. Also times opening the sample's overlay.

use crate::harness::{AppWindow, Launch};
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const MOVER: &str = "cte-specialist";
const MOVER_CHANGE: &str = "element:cte-specialist";
/// The barrier "Specialists may not work at school sites" (the science specialist, Riverside High).
const BARRIER: &str = "r052";
const BARRIER_CHANGE: &str = "relation:r052";

fn exists(test_id: &str) -> String {
    format!("document.querySelector(\"[data-testid='{test_id}']\") !== null")
}

/// The compare canvases (one overlaid, two side by side), as the test hook gives them.
const CANVASES: &str = "window.__murmuration.compare.canvases()";

async fn select(window: &AppWindow, test_id: &str, label: &str) {
    window
        .client
        .find(Locator::Css(&format!("[data-testid='{test_id}']")))
        .await
        .unwrap_or_else(|e| panic!("no {test_id}: {e}"))
        .select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("choosing {label} in {test_id}: {e}"));
}

async fn press(window: &AppWindow, keys: KeyActions) {
    window.client.perform_actions(keys).await.expect("keys");
}

fn ctrl(key: char) -> KeyActions {
    KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: '\u{E009}' })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: '\u{E009}' })
}

fn key(value: char) -> KeyActions {
    KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value })
        .then(KeyAction::Up { value })
}

#[tokio::test(flavor = "multi_thread")]
async fn compares_scenarios() {
    tokio::time::timeout(Duration::from_secs(300), journey())
        .await
        .expect("the compare journey finished in time");
}

async fn journey() {
    let window = AppWindow::launch(Launch::fresh()).await;
    time_the_sample_overlay(&window).await;

    // 1. "To be" as a copy of "As is", from the scenario picker; it is then on screen.
    window.click("scenario-button").await;
    window.click("scenario-new").await;
    let name = window
        .client
        .find(Locator::Css("[data-testid='scenario-name']"))
        .await
        .expect("the new scenario's name field");
    name.send_keys("To be").await.expect("type the name");
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-submit']\")?.disabled === false",
            WAIT,
        )
        .await;
    window.click("scenario-submit").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='scenario-shown']\")?.textContent === 'To be'",
            WAIT,
        )
        .await;
    window
        .wait_until(
            &format!("window.__murmuration.cy.getElementById('{BARRIER}').nonempty()"),
            WAIT,
        )
        .await;
    // Close the picker (it covers the canvas's top right).
    window.click("scenario-button").await;
    window.settled().await;

    // 2. Move Marcus Hill into the academy (the inspector's Inside field) and delete the barrier.
    window.click_on_canvas("Marcus Hill", 1).await;
    window.wait_until(&exists("inspector-parent"), WAIT).await;
    select(
        &window,
        "inspector-parent",
        "Environmental Sciences Academy",
    )
    .await;
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById('{MOVER}').data('parent') === 'es-academy'"
            ),
            WAIT,
        )
        .await;
    // Click the barrier's line where it is drawn, then Delete.
    let at = window
        .eval(&format!(
            "(() => {{ const cy = window.__murmuration.cy; const m = cy.getElementById('{BARRIER}').renderedMidpoint(); const f = cy.container().getBoundingClientRect(); return [f.left + m.x, f.top + m.y]; }})()"
        ))
        .await;
    let (x, y) = (at[0].as_f64().expect("x"), at[1].as_f64().expect("y"));
    window
        .mouse(
            MouseActions::new("mouse".into())
                .then(PointerAction::MoveTo {
                    duration: None,
                    x,
                    y,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                }),
        )
        .await;
    window
        .wait_until(
            &format!("window.__murmuration.cy.getElementById('{BARRIER}').selected()"),
            WAIT,
        )
        .await;
    press(&window, key('\u{E017}')).await; // Delete
    window
        .wait_until(
            &format!("window.__murmuration.cy.getElementById('{BARRIER}').empty()"),
            WAIT,
        )
        .await;

    // 3. Compare "As is" with "To be": both changes in the list and marked on the canvas.
    press(&window, key('4')).await;
    window.wait_until(&exists("compare-view"), WAIT).await;
    select(&window, "compare-to", "To be").await;
    both_changes_shown(&window).await;
    let deltas = window
        .eval("document.querySelector(\"[data-testid='lens-deltas']\").innerText")
        .await;
    let deltas = deltas.as_str().unwrap_or_default().to_owned();
    println!("What the redesign does:\n{deltas}");
    window.wait_until(&exists("delta-home_base"), WAIT).await;
    window.wait_until(&exists("delta-silos"), WAIT).await;
    let home_base = window
        .eval("document.querySelector(\"[data-testid='delta-home_base']\").innerText")
        .await;
    let home_base = home_base.as_str().unwrap_or_default();
    assert!(
        home_base.contains("Home-base share") && home_base.contains('→'),
        "the home-base share is not shown before → after: {home_base}"
    );
    assert!(
        home_base.contains("Marcus Hill gained a home base"),
        "{home_base}"
    );
    let silos = window
        .eval("document.querySelector(\"[data-testid='delta-silos']\").innerText")
        .await;
    assert!(
        silos
            .as_str()
            .unwrap_or_default()
            .contains("Linked Learning is no longer a silo"),
        "Linked Learning's silo verdict did not change: {silos}"
    );
    // The move is also a faint arrow from Linked Learning to the academy.
    window
        .wait_until(
            &format!("{CANVASES}[0].getElementById('moved-arrow:{MOVER}').source().id() === 'linked-learning' && {CANVASES}[0].getElementById('moved-arrow:{MOVER}').target().id() === 'es-academy'"),
            WAIT,
        )
        .await;
    settled_compare(&window).await;
    window.screenshot("compare-1-overlay");

    // Side by side (M): two canvases, panned and zoomed as one.
    press(&window, key('m')).await;
    window
        .wait_until(&format!("{CANVASES}.length === 2"), WAIT)
        .await;
    window
        .wait_until(
            &format!("{CANVASES}[1].getElementById('{MOVER}').hasClass('mark-moved') && {CANVASES}[0].getElementById('{BARRIER}').hasClass('mark-removed')"),
            WAIT,
        )
        .await;
    window
        .eval(&format!(
            "({CANVASES}[0].panBy({{x: 40, y: -25}}), {CANVASES}[0].zoom({CANVASES}[0].zoom() * 1.1), true)"
        ))
        .await;
    let locked = window
        .eval(&format!(
            "(() => {{ const [a, b] = {CANVASES}; return Math.abs(a.zoom() - b.zoom()) < 1e-9 && Math.abs(a.pan().x - b.pan().x) < 1e-6 && Math.abs(a.pan().y - b.pan().y) < 1e-6; }})()"
        ))
        .await;
    assert_eq!(
        locked,
        serde_json::Value::Bool(true),
        "the two canvases did not pan and zoom together"
    );
    window.click("zoom-fit").await;
    settled_compare(&window).await;
    window.screenshot("compare-2-side-by-side");
    press(&window, key('m')).await;
    window
        .wait_until(&format!("{CANVASES}.length === 1"), WAIT)
        .await;

    // A row brings its change forward: the move is selected on the canvas.
    window.click(&format!("change-focus-{MOVER_CHANGE}")).await;
    window
        .wait_until(
            &format!("{CANVASES}[0].getElementById('{MOVER}').selected()"),
            WAIT,
        )
        .await;

    // 4. Adopt the move back into "As is" (one edit): only the barrier is left to tell apart.
    window.click(&format!("change-tick-{MOVER_CHANGE}")).await;
    window.click("adopt-button").await;
    window
        .wait_until(
            &format!(
                "{} && !{}",
                exists(&format!("change-{BARRIER_CHANGE}")),
                exists(&format!("change-{MOVER_CHANGE}"))
            ),
            WAIT,
        )
        .await;
    window.screenshot("compare-3-adopted");

    // 5. Undo (Ctrl+Z, still in Compare): the move is a difference again.
    press(&window, ctrl('z')).await;
    both_changes_shown(&window).await;

    // 6. Restart: "To be" is there with both changes, "As is" as it was.
    let window = window.restart().await;
    window.click("view-compare").await;
    window.wait_until(&exists("compare-view"), WAIT).await;
    select(&window, "compare-from", "As is 2025").await;
    select(&window, "compare-to", "To be").await;
    both_changes_shown(&window).await;
    window.screenshot("compare-4-after-restart");
    window.quit().await;
}

/// Waits until nothing on the compare canvases moves any more, for a screenshot.
async fn settled_compare(window: &AppWindow) {
    let places = format!(
        "JSON.stringify({CANVASES}.map(c => [c.zoom(), c.pan(), c.nodes().map(n => n.position())]))"
    );
    let mut before = window.eval(&places).await;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let now = window.eval(&places).await;
        if now == before {
            return;
        }
        before = now;
    }
    panic!("the compare canvases kept moving");
}

/// Both changes are rows of the change list and marked on the overlay, each with its badge.
async fn both_changes_shown(window: &AppWindow) {
    window
        .wait_until(
            &format!(
                "{} && {}",
                exists(&format!("change-{MOVER_CHANGE}")),
                exists(&format!("change-{BARRIER_CHANGE}"))
            ),
            WAIT,
        )
        .await;
    window
        .wait_until(
            &format!(
                "{CANVASES}.length === 1 && {CANVASES}[0].getElementById('{MOVER}').hasClass('mark-moved') && {CANVASES}[0].getElementById('{BARRIER}').hasClass('mark-removed')"
            ),
            WAIT,
        )
        .await;
    window
        .wait_until(
            &format!("document.querySelector(\".mark-badges [data-subject='{MOVER}'][data-mark='moved']\") !== null"),
            WAIT,
        )
        .await;
    window
        .wait_until(
            &format!("document.querySelector(\".mark-badges [data-subject='{BARRIER}'][data-mark='removed']\") !== null"),
            WAIT,
        )
        .await;
}

/// Opens Compare on the sample ("As is 2025" to "To be: communities as home base", the first two
/// scenarios) and prints how long from the click to the overlay drawn; then back to the network.
async fn time_the_sample_overlay(window: &AppWindow) {
    window
        .eval("(window.__compareClicked = performance.now(), document.querySelector(\"[data-testid='view-compare']\").click(), true)")
        .await;
    window
        .wait_until("Number(document.body.dataset.compareDrawn ?? 0) >= 1", WAIT)
        .await;
    let steps = window
        .eval("performance.getEntriesByType('mark').filter(m => m.name.startsWith('murmuration:compare')).map(m => m.name.slice(12) + ' ' + Math.round(m.startTime - window.__compareClicked)).join(', ')")
        .await;
    println!("Opening the sample's compare overlay, ms after the click: {steps}");
    settled_compare(window).await;
    window.screenshot("compare-0-sample-overlay");
    window.click("compare-mode-side_by_side").await;
    window
        .wait_until(&format!("{CANVASES}.length === 2"), WAIT)
        .await;
    settled_compare(window).await;
    window.screenshot("compare-0-sample-side-by-side");
    window.click("compare-mode-overlay").await;
    window.show_view("network").await;
}
