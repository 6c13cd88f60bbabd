//! A coach arranges the map in rings around the Graduate Capstone community from its context menu:
//! the practice-ring communities it exchanges ideas with come closest, plain ties (a university, a
//! director) outermost, nothing lands on anything, and one undo puts the map back. Then the same
//! around the Pathway Coaches circle from the keyboard (Shift+R), which the `?` overlay lists.

use crate::harness::{AppWindow, Launch};
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
    MOUSE_BUTTON_RIGHT,
};
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

/// Presses `button` on the element named `name` where the canvas draws it, as a mouse would.
async fn press_on_canvas(window: &AppWindow, name: &str, button: u64) {
    // In the middle of the canvas first: at its edge the element may sit under the hint strip.
    window
        .eval(&format!(
            "(cy => {{ cy.center(cy.nodes().filter(n => n.data('name') === {name:?})); return true; }})(window.__murmuration.cy)"
        ))
        .await;
    window.settled().await;
    // A point of the element that nothing else covers (a group's members sit inside its box).
    let at = window
        .eval(&format!(
            "(cy => {{ \
               const node = cy.nodes().filter(n => n.data('name') === {name:?})[0]; \
               const box = node.renderedBoundingBox({{ includeLabels: false }}); \
               const others = cy.nodes(':visible').filter(n => n.id() !== node.id() && !node.ancestors().contains(n)) \
                 .map(n => n.renderedBoundingBox({{ includeLabels: true }})); \
               const page = cy.container().getBoundingClientRect(); \
               for (let fy = 0.5; fy > 0.02; fy -= 0.04) for (let fx = 0.5; fx < 0.95; fx += 0.05) {{ \
                 const x = box.x1 + box.w * fx, y = box.y1 + box.h * fy; \
                 if (!others.some(b => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2)) return {{ x: page.left + x, y: page.top + y }}; \
               }} \
               return null; }})(window.__murmuration.cy)"
        ))
        .await;
    let (x, y) = (
        at["x"].as_f64().expect("a free point of the element"),
        at["y"].as_f64().expect("a free point of the element"),
    );
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down { button })
        .then(PointerAction::Up { button });
    window
        .client
        .perform_actions(mouse)
        .await
        .expect("press on the canvas");
}

/// Model positions of every childless node, as `{id: [x, y]}`.
async fn positions(window: &AppWindow) -> Value {
    window
        .eval("Object.fromEntries(window.__murmuration.cy.nodes().filter(n => n.isChildless()).map(n => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]]))")
        .await
}

/// Waits until the canvas has stopped moving and framing.
async fn settled(window: &AppWindow) {
    window
        .wait_until(
            "!window.__murmuration.cy.nodes().some(n => n.animated()) && !window.__murmuration.cy.animated()",
            WAIT,
        )
        .await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    window
        .wait_until("!window.__murmuration.cy.animated()", WAIT)
        .await;
}

/// Distance of each element's centre from `centre`'s, in model units.
async fn distances(window: &AppWindow, centre: &str, ids: &[&str]) -> Vec<f64> {
    let value = window
        .eval(&format!(
            "(() => {{ const cy = window.__murmuration.cy; const c = cy.getElementById({centre:?}).position(); \
             return {ids:?}.map(id => {{ const p = cy.getElementById(id).position(); return Math.hypot(p.x - c.x, p.y - c.y); }}); }})()"
        ))
        .await;
    serde_json::from_value(value).expect("distances")
}

/// Pairs of top-level blocks (groups with their insides, drawn boxes) that overlap, involving a moved one.
const OVERLAPS: &str = "(() => { const cy = window.__murmuration.cy; const tops = cy.nodes().orphans(); const out = []; \
  tops.forEach((a, i) => tops.forEach((b, j) => { if (j <= i) return; \
    const p = a.boundingBox({ includeLabels: false }), q = b.boundingBox({ includeLabels: false }); \
    if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) out.push(a.id() + ' / ' + b.id()); })); return out; })()";

#[tokio::test(flavor = "multi_thread")]
async fn arranges_the_map_in_rings_around_a_community() {
    // A WebDriver call that never returns must fail the test, not hang CI.
    tokio::time::timeout(Duration::from_secs(240), arrange_in_rings())
        .await
        .expect("the journey finished in time");
}

async fn arrange_in_rings() {
    let window = AppWindow::launch(Launch::fresh()).await;
    let overlapping_before: Vec<String> =
        serde_json::from_value(window.eval(OVERLAPS).await).expect("overlaps");
    let before = positions(&window).await;

    // Right-click the Graduate Capstone and choose the rings.
    press_on_canvas(&window, "Graduate Capstone", MOUSE_BUTTON_RIGHT).await;
    let item = window
        .client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid='menu-arrange-rings']"))
        .await
        .expect("the context menu offers the rings");
    assert_eq!(
        item.text()
            .await
            .expect("menu text")
            .trim_end_matches("Shift+R")
            .trim(),
        "Arrange in rings around Graduate Capstone"
    );
    item.click().await.expect("choose the rings");
    window
        .wait_until(
            "window.__murmuration.cy.nodes().some(n => n.animated()) || document.querySelector(\"[data-testid='undo']\").disabled === false",
            WAIT,
        )
        .await;
    settled(&window).await;
    window.screenshot("rings-1-around-capstone");
    let after = positions(&window).await;
    assert_ne!(before, after, "nothing moved");
    // The Capstone nest (interest ⊃ engagement ⊃ practice) stays where it was.
    assert_eq!(before["capstone-teacher-1"], after["capstone-teacher-1"]);

    // Practice-ring communities inside the plain ties (a university partner, a director).
    let inner = distances(&window, "capstone", &["health-pathway", "es-academy"]).await;
    let outer = distances(&window, "capstone", &["state-university", "ll-director"]).await;
    let widest_inner = inner.iter().cloned().fold(0.0, f64::max);
    let nearest_outer = outer.iter().cloned().fold(f64::INFINITY, f64::min);
    assert!(
        widest_inner < nearest_outer,
        "practice ring {inner:?} is not inside the outer ring {outer:?}"
    );

    // Nothing moved lands on anything that was clear before.
    let overlapping: Vec<String> =
        serde_json::from_value(window.eval(OVERLAPS).await).expect("overlaps");
    let new: Vec<&String> = overlapping
        .iter()
        .filter(|o| !overlapping_before.contains(o))
        .collect();
    assert!(new.is_empty(), "blocks now overlapping: {new:?}");

    // One undo puts everything back.
    window
        .client
        .find(Locator::Css("[data-testid='undo']"))
        .await
        .expect("undo button")
        .click()
        .await
        .expect("undo");
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById('state-university').position('x') === {}",
                before["state-university"][0]
            ),
            WAIT,
        )
        .await;
    settled(&window).await;
    assert_eq!(
        before,
        positions(&window).await,
        "undo left something moved"
    );

    // From the keyboard: select the Pathway Coaches circle, Shift+R.
    press_on_canvas(&window, "Pathway Coaches circle", MOUSE_BUTTON_LEFT).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='inspector-name']\")?.value === 'Pathway Coaches circle'",
            WAIT,
        )
        .await;
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: '\u{E008}' })
        .then(KeyAction::Down { value: 'R' })
        .then(KeyAction::Up { value: 'R' })
        .then(KeyAction::Up { value: '\u{E008}' });
    window.client.perform_actions(keys).await.expect("Shift+R");
    window
        .wait_until(
            "document.querySelector(\"[data-testid='undo']\").disabled === false",
            WAIT,
        )
        .await;
    settled(&window).await;
    window.screenshot("rings-2-around-coaches-circle");
    let moved = positions(&window).await;
    assert_ne!(before, moved, "Shift+R moved nothing");

    // The `?` overlay lists the shortcut.
    window
        .client
        .find(Locator::Css("[data-testid='help-button']"))
        .await
        .expect("help button")
        .click()
        .await
        .expect("open the shortcuts");
    let help = window
        .client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("[data-testid='help-overlay']"))
        .await
        .expect("the shortcuts overlay")
        .text()
        .await
        .expect("overlay text");
    assert!(
        help.contains("Arrange in rings around the selected community"),
        "the overlay does not list the rings: {help}"
    );
    window.screenshot("rings-3-shortcuts");
    window.quit().await;
}
