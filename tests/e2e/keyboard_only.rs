//! The first steps with the keyboard alone: open the sample, find Priya Raman in the outline, put
//! her into the Pathway Coaches circle, connect her to Research & Accountability with an
//! information flow, undo, redo. After the window opens, nothing is clicked; every step is
//! WebDriver key input, and the live region says each edit in words.

use crate::harness::{AppWindow, Launch};
use fantoccini::key::Key;
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

const PRIYA: &str = "science-specialist";
const FLOW_TO_RESEARCH: &str = "window.__murmuration.snapshot().relations.filter((r) => r.source === 'science-specialist' && r.target === 'research' && r.kind === 'flow' && r.medium === 'information').length";

fn said(words: &str) -> String {
    format!(
        "document.querySelector(\"[data-testid='announcement']\").textContent.trim() === {words:?}"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_person_is_nested_and_connected_from_the_outline_with_the_keyboard_alone() {
    tokio::time::timeout(Duration::from_secs(180), journey())
        .await
        .expect("the keyboard journey finished in time");
}

async fn journey() {
    let window = AppWindow::launch(Launch::fresh()).await;
    let shift: char = Key::Shift.into();
    let control: char = Key::Control.into();

    // Shift+O opens the outline and puts the focus in its filter.
    window.press(&[shift, 'o']).await;
    window
        .wait_until(
            "document.activeElement?.dataset.testid === 'outline-filter'",
            WAIT,
        )
        .await;
    window.type_text("Priya").await;
    window.press(&[Key::Down.into()]).await;
    window
        .wait_until(
            &format!("document.activeElement?.dataset.outlineId === {PRIYA:?}"),
            WAIT,
        )
        .await;
    window
        .wait_until(
            "document.activeElement.getAttribute('aria-selected') === 'true'",
            WAIT,
        )
        .await;
    window.screenshot("keyboard-outline-found");

    // Shift+N: into which group? Typed, then Enter.
    window.press(&[shift, 'n']).await;
    window
        .wait_until(
            "document.activeElement?.getAttribute('role') === 'combobox'",
            WAIT,
        )
        .await;
    window.type_text("Pathway Coaches").await;
    window.press(&[Key::Enter.into()]).await;
    window
        .wait_until(
            &format!("window.__murmuration.snapshot().elements.find((e) => e.id === {PRIYA:?}).parent === 'coaches-circle'"),
            WAIT,
        )
        .await;
    window
        .wait_until(&said("Moved Priya Raman into Pathway Coaches circle"), WAIT)
        .await;

    // Shift+C: connect to what? Typed, then the relation chooser's number for an information flow.
    window
        .wait_until(
            &format!("document.activeElement?.dataset.outlineId === {PRIYA:?}"),
            WAIT,
        )
        .await;
    window.press(&[shift, 'c']).await;
    window
        .wait_until(
            "document.activeElement?.getAttribute('role') === 'combobox'",
            WAIT,
        )
        .await;
    window.type_text("Research").await;
    window.press(&[Key::Enter.into()]).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='relation-information']\") !== null",
            WAIT,
        )
        .await;
    let number = window
        .eval("[...document.querySelectorAll(\"[data-testid='relation-chooser'] .menu-item\")].findIndex((b) => b.dataset.testid === 'relation-information') + 1")
        .await;
    let digit = char::from_digit(number.as_u64().expect("a number") as u32, 10).expect("a digit");
    window.press(&[digit]).await;
    window
        .wait_until(&format!("({FLOW_TO_RESEARCH}) === 1"), WAIT)
        .await;
    window
        .wait_until(
            &said("Connected Priya Raman to Research & Accountability with an information flow"),
            WAIT,
        )
        .await;
    window.settled().await;
    window.screenshot("keyboard-connected");

    // Ctrl+Z and Ctrl+Shift+Z, with the focus still in the outline.
    assert_eq!(
        window.eval("document.querySelector(\"[data-testid='outline']\").contains(document.activeElement)").await,
        Value::Bool(true),
        "the focus is back in the outline after the connection"
    );
    window.press(&[control, 'z']).await;
    window
        .wait_until(&format!("({FLOW_TO_RESEARCH}) === 0"), WAIT)
        .await;
    window
        .wait_until(
            &said(
                "Undid: deleted an information flow from Priya Raman to Research & Accountability",
            ),
            WAIT,
        )
        .await;
    window.press(&[control, shift, 'z']).await;
    window
        .wait_until(&format!("({FLOW_TO_RESEARCH}) === 1"), WAIT)
        .await;
    window
        .wait_until(
            &format!("window.__murmuration.snapshot().elements.find((e) => e.id === {PRIYA:?}).parent === 'coaches-circle'"),
            WAIT,
        )
        .await;
    window.quit().await;
}

const SELECTED: &str = "(window.__murmuration.cy.$('node:selected').map((n) => n.id())[0] ?? null)";

/// Where the selected node is drawn, in model coordinates.
async fn selected_at(window: &AppWindow) -> (f64, f64) {
    let at = window
        .eval("window.__murmuration.cy.$('node:selected').first().position()")
        .await;
    (at["x"].as_f64().expect("x"), at["y"].as_f64().expect("y"))
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_and_the_arrows_move_through_the_canvas_and_enter_opens_the_inspector() {
    tokio::time::timeout(Duration::from_secs(120), canvas_by_keyboard())
        .await
        .expect("the canvas journey finished in time");
}

async fn canvas_by_keyboard() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window.settled().await;
    window
        .eval("document.querySelector('.map-canvas').focus()")
        .await;
    window.press(&[Key::Tab.into()]).await;
    window
        .wait_until(&format!("{SELECTED} !== null"), WAIT)
        .await;
    let first = window.eval(SELECTED).await;
    let top = selected_at(&window).await.1;
    let highest = window
        .eval("Math.min(...window.__murmuration.cy.nodes().map((n) => n.position('y')))")
        .await
        .as_f64()
        .expect("y");
    assert!(top - highest <= 30.0, "Tab starts at the top of the map");
    assert_eq!(
        window
            .eval("document.activeElement.classList.contains('map-canvas')")
            .await,
        Value::Bool(true),
        "Tab stays on the canvas while it has elements to go to"
    );

    window.press(&[Key::Tab.into()]).await;
    window
        .wait_until(&format!("{SELECTED} !== {first}"), WAIT)
        .await;
    let shift: char = Key::Shift.into();
    window.press(&[shift, Key::Tab.into()]).await;
    window
        .wait_until(&format!("{SELECTED} === {first}"), WAIT)
        .await;

    let (x, y) = selected_at(&window).await;
    window.press(&[Key::Down.into()]).await;
    window
        .wait_until(&format!("{SELECTED} !== {first}"), WAIT)
        .await;
    assert!(
        selected_at(&window).await.1 > y,
        "Down goes to an element below"
    );
    let _ = x;
    window.screenshot("keyboard-canvas-focus");

    window.press(&[Key::Enter.into()]).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='inspector']\").contains(document.activeElement)",
            WAIT,
        )
        .await;
    window.quit().await;
}
