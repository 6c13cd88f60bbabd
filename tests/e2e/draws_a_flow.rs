//! A new user's first steps, as they would take them: add an office (it lands clear of the
//! others) and move it, rename it in place, draw a flow from it to another office with the connect handle, drag
//! it into a group and undo that, look at the org chart — then quit, start again and find the flow
//! and the name kept.
//!
//! Each step leaves a screenshot, `first-steps-<n>-<step>.png`; the ones in `docs/screenshots/`
//! are these, cropped to the window and made small:
//! `convert <shot> -crop 1440x900+0+0 +repage -resize 1200x -strip -colors 256 PNG8:<doc>`.

use crate::harness::{AppWindow, Launch};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const FIRST_NAME: &str = "Office of Belonging";
const NEW_NAME: &str = "Office of Student Belonging";
const TARGET: &str = "Human Resources";
const GROUP: &str = "Eastside High School";

#[tokio::test(flavor = "multi_thread")]
async fn draws_a_flow_and_renames_and_both_survive_a_restart() {
    // A WebDriver call that never returns must fail the test, not hang CI.
    tokio::time::timeout(Duration::from_secs(240), first_steps())
        .await
        .expect("the journey finished in time");
}

/// The id of the element named `name`.
async fn id_of(window: &AppWindow, name: &str) -> String {
    window
        .eval(&format!(
            "window.__murmuration.rendered().find(e => e.name === {name:?})?.id ?? ''"
        ))
        .await
        .as_str()
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| panic!("no element named {name}"))
        .to_owned()
}

/// A JS expression: whether the open map has an information flow from `source` to `target`.
fn flow_between(source: &str, target: &str) -> String {
    format!(
        "window.__murmuration.cy.edges().some(e => e.data('source') === {source:?} && \
         e.data('target') === {target:?} && e.data('kind') === 'flow' && \
         e.data('medium') === 'information')"
    )
}

/// The point of the canvas (window CSS pixels) farthest from every drawn element, among the
/// points within `reach` pixels of `near` — and, with `inside`, within that group's area (the
/// group itself does not count as in the way): a free spot to move something to.
async fn free_spot(
    window: &AppWindow,
    near: (f64, f64),
    reach: f64,
    inside: Option<&str>,
) -> (f64, f64) {
    let group = inside.map_or("null".to_owned(), |name| format!("{name:?}"));
    let spot = window
        .eval(&format!(
            "(() => {{
               const frame = window.__murmuration.cy.container().getBoundingClientRect();
               const drawn = window.__murmuration.rendered().filter(e => e.inViewport);
               const group = drawn.find(e => e.name === {group});
               const boxes = drawn.filter(e => e !== group);
               const clearance = (px, py) => Math.min(...boxes.map(b =>
                 Math.hypot(Math.max(Math.abs(px - b.x) - b.w / 2, 0), Math.max(Math.abs(py - b.y) - b.h / 2, 0))));
               const within = (px, py) => !group ||
                 (Math.abs(px - group.x) < group.w / 2 - 30 && Math.abs(py - group.y) < group.h / 2 - 30);
               let best = null;
               for (let px = frame.left + 120; px < frame.right - 260; px += 10)
                 for (let py = frame.top + 140; py < frame.bottom - 160; py += 10) {{
                   if (Math.hypot(px - {x}, py - {y}) > {reach} || !within(px, py)) continue;
                   const c = clearance(px, py);
                   if (!best || c > best.c) best = {{ x: px, y: py, c }};
                 }}
               return best;
             }})()",
            x = near.0,
            y = near.1,
        ))
        .await;
    (as_f64(&spot["x"]), as_f64(&spot["y"]))
}

/// Presses the left button at `from`, moves through a few points to `to` and lets go there.
fn drag(from: (f64, f64), to: (f64, f64)) -> MouseActions {
    let mut drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: from.0,
            y: from.1,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for step in 1..=5 {
        let f = f64::from(step) / 5.0;
        drag = drag.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(60)),
            x: from.0 + (to.0 - from.0) * f,
            y: from.1 + (to.1 - from.1) * f,
        });
    }
    drag.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    })
}

/// Types `text` into the name field that is open, takes the screenshot `shot` with the field
/// still open, then presses Enter.
async fn type_into_name_field(window: &AppWindow, text: &str, shot: &str) {
    window
        .wait_until(
            "document.activeElement?.dataset.testid === 'rename-field'",
            WAIT,
        )
        .await;
    let field = window
        .client
        .find(Locator::Css("[data-testid='rename-field']"))
        .await
        .expect("the name field");
    field.send_keys(text).await.expect("type the name");
    window.screenshot(shot);
    field.send_keys("\u{E007}").await.expect("Enter");
    window
        .wait_until(
            "document.querySelector(\"[data-testid='rename-field']\") === null",
            WAIT,
        )
        .await;
}

async fn first_steps() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window.screenshot("first-steps-0-sample");
    // The first-run hint takes a strip of its own: nothing of the map is drawn under it.
    assert_eq!(
        window
            .eval(
                "document.querySelector(\"[data-testid='first-run-hint']\").getBoundingClientRect().bottom <= \
                 window.__murmuration.cy.container().getBoundingClientRect().top"
            )
            .await,
        Value::Bool(true),
        "the first-run hint lies over the canvas"
    );
    // Closer than the whole district, so that names can be read in the screenshots.
    window.click("zoom-in").await;
    window.click("zoom-in").await;
    window.settled().await;

    // 1. Add an office from the palette; it asks for its name at once.
    window.click("palette-office").await;
    type_into_name_field(&window, FIRST_NAME, "first-steps-1-add").await;
    window
        .wait_until(
            &format!("window.__murmuration.rendered().some(e => e.name === {FIRST_NAME:?})"),
            WAIT,
        )
        .await;
    let office = id_of(&window, FIRST_NAME).await;

    // It lands in a free spot near the middle of the view, on top of nothing.
    let under = window
        .eval(&format!(
            "(() => {{
               const drawn = window.__murmuration.rendered();
               const me = drawn.find(e => e.id === {office:?});
               return drawn.filter(e => e !== me && Math.abs(e.x - me.x) < (e.w + me.w) / 2 &&
                 Math.abs(e.y - me.y) < (e.h + me.h) / 2).map(e => e.name);
             }})()"
        ))
        .await;
    assert_eq!(
        under,
        Value::Array(Vec::new()),
        "the new office is drawn over other elements"
    );

    // Drag it somewhere roomier.
    let (ox, oy) = window.centre_of(FIRST_NAME).await;
    let spot = free_spot(&window, (ox, oy), 450.0, None).await;
    window.mouse(drag((ox, oy), spot)).await;
    window.settled().await;
    let (mx, my) = window.centre_of(FIRST_NAME).await;
    assert!(
        (mx - spot.0).abs() < 30.0 && (my - spot.1).abs() < 30.0,
        "the office was dragged to {spot:?} but is drawn at ({mx}, {my})"
    );
    window.screenshot("first-steps-1b-moved");

    // 2. Rename it in place: double-click, type, Enter.
    window.click_on_canvas(FIRST_NAME, 2).await;
    type_into_name_field(&window, NEW_NAME, "first-steps-2-rename").await;
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById({office:?}).data('name') === {NEW_NAME:?}"
            ),
            WAIT,
        )
        .await;

    // 3. Connect: hover the office (coming from outside it, so the canvas sees the pointer
    // enter), drag its handle onto another office, choose the kind.
    let target = id_of(&window, TARGET).await;
    let (ox, oy) = window.centre_of(NEW_NAME).await;
    let away = free_spot(&window, (ox, oy), 300.0, None).await;
    window
        .mouse(
            MouseActions::new("mouse".into())
                .then(PointerAction::MoveTo {
                    duration: None,
                    x: away.0,
                    y: away.1,
                })
                .then(PointerAction::MoveTo {
                    duration: None,
                    x: ox,
                    y: oy,
                }),
        )
        .await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='connect-handle']\") !== null",
            WAIT,
        )
        .await;
    let handle = window
        .eval(
            "(r => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }))\
             (document.querySelector(\"[data-testid='connect-handle']\").getBoundingClientRect())",
        )
        .await;
    let (hx, hy) = (as_f64(&handle["x"]), as_f64(&handle["y"]));
    let to = window.centre_of(TARGET).await;
    window.mouse(drag((hx, hy), to)).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='relation-chooser']\") !== null",
            WAIT,
        )
        .await;
    window.screenshot("first-steps-3-connect-choose");
    // The chooser leaves both ends in sight.
    let covered = window
        .eval(&format!(
            "(() => {{
               const card = document.querySelector(\"[data-testid='relation-chooser']\").getBoundingClientRect();
               return window.__murmuration.rendered()
                 .filter(e => [{office:?}, {target:?}].includes(e.id) &&
                   Math.abs(e.x - (card.left + card.width / 2)) < (e.w + card.width) / 2 &&
                   Math.abs(e.y - (card.top + card.height / 2)) < (e.h + card.height) / 2)
                 .map(e => e.name);
             }})()"
        ))
        .await;
    assert_eq!(
        covered,
        Value::Array(Vec::new()),
        "the relation chooser covers an end of the new relation"
    );
    window.click("relation-information").await;
    window
        .wait_until(&flow_between(&office, &target), WAIT)
        .await;
    window.screenshot("first-steps-4-connected");

    // 4. Nest it: drag it into Eastside High School (dropping on a group puts it inside), then
    // undo that. Both in the middle of the canvas first, clear of its edges and the panels.
    window
        .eval(&format!(
            "(cy => {{ cy.center(cy.$id('eastside-high').union(cy.$id({office:?}))); return true; }})(window.__murmuration.cy)"
        ))
        .await;
    window.settled().await;
    let (ox, oy) = window.centre_of(NEW_NAME).await;
    let (gx, gy) = window.centre_of(GROUP).await;
    let inside = free_spot(&window, (gx, gy), 400.0, Some(GROUP)).await;
    window.mouse(drag((ox, oy), inside)).await;
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById({office:?}).data('parent') === 'eastside-high'"
            ),
            WAIT,
        )
        .await;
    // The moved office is selected, so the inspector confirms where it went.
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById({office:?}).selected() && \
                 document.querySelector(\"[data-testid='inspector-parent']\")?.value === 'eastside-high'"
            ),
            WAIT,
        )
        .await;
    window.settled().await;
    window.screenshot("first-steps-5-nest");
    window.click("undo").await;
    window
        .wait_until(
            &format!("!window.__murmuration.cy.getElementById({office:?}).data('parent')"),
            WAIT,
        )
        .await;
    window.settled().await;
    window.screenshot("first-steps-6-undo");

    // 5. The org chart is another drawing of the same map.
    window.show_view("org_chart").await;
    window.settled().await;
    window.screenshot("first-steps-7-org-chart");
    window.show_view("network").await;

    // Quit and start again: the renamed office and its flow are there, the nesting is not.
    let window = window.restart().await;
    window
        .wait_until(
            &format!(
                "window.__murmuration.cy.getElementById({office:?}).data('name') === {NEW_NAME:?}"
            ),
            WAIT,
        )
        .await;
    assert_eq!(
        window.eval(&flow_between(&office, &target)).await,
        Value::Bool(true),
        "the flow is kept after a restart"
    );
    assert_eq!(
        window
            .eval(&format!(
                "window.__murmuration.cy.getElementById({office:?}).data('parent') ?? null"
            ))
            .await,
        Value::Null,
        "the undone nesting stays undone"
    );
    window.settled().await;
    window.screenshot("first-steps-8-after-restart");

    // At the narrowest the window allows, the top bar's controls do not overlap, and the minimap
    // leaves the small canvas to the map.
    window
        .client
        .set_window_rect(0, 0, 900, 700)
        .await
        .expect("resize the window");
    window.wait_until("window.innerWidth === 900", WAIT).await;
    let overlaps = window
        .eval(
            "(() => {
               const boxes = [...document.querySelectorAll('.top-bar-title, .view-switch button, .top-bar-tools > *')]
                 .map(e => [e.className || e.tagName, e.getBoundingClientRect()]);
               const hits = [];
               for (const [i, [a, p]] of boxes.entries())
                 for (const [b, q] of boxes.slice(i + 1))
                   if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
                     hits.push(a + ' / ' + b);
               return hits;
             })()",
        )
        .await;
    assert_eq!(
        overlaps,
        Value::Array(Vec::new()),
        "top bar controls overlap at 900 px"
    );
    assert_eq!(
        window
            .eval("getComputedStyle(document.querySelector('.minimap')).display")
            .await,
        Value::String("none".into()),
        "the minimap still takes a corner of a narrow canvas"
    );
    window.show_view("org_chart").await;
    window.settled().await;
    window.screenshot("first-steps-9-narrow");
    window.quit().await;
}

fn as_f64(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}
