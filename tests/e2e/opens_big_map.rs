//! A district office opens the sample, then its own 1,800-element district from File ▸ Open, then
//! the sample again: the big district is drawn the big-map way (a picture moves while the view
//! moves, relations left out meanwhile), not redrawn in full at every frame as the sample is, and
//! the sample opened after it draws in full again. The canvas picks these when it is made, so
//! each map opened must get a canvas of its own.

use crate::harness::{AppWindow, Launch};
use crate::imports_relations::{choose_from_file_menu, pick_in_file_chooser};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const ELEMENTS: usize = 1800;

/// The canvas's renderer moves a picture of the map while the view moves (bigMap.ts).
const MOVES_A_PICTURE: &str = "window.__murmuration.cy.renderer().textureOnViewport === true \
     && window.__murmuration.cy.renderer().hideEdgesOnViewport === true";

/// The map the window holds is drawn: the canvas reports it ready and has all its elements.
fn drawn(elements: &str) -> String {
    format!(
        "document.body.dataset.mapReady === 'true' \
         && window.__murmuration.snapshot().elements.length {elements} \
         && window.__murmuration.cy.nodes().length === window.__murmuration.snapshot().elements.length"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_map_opened_after_a_small_one_is_drawn_the_big_map_way_and_back() {
    tokio::time::timeout(Duration::from_secs(150), journey())
        .await
        .expect("the journey finished in time");
}

async fn journey() {
    let launch = Launch::fresh();
    let big = launch.data_home.join("Lakeshore District.murm");
    let status = std::process::Command::new(crate::harness::app_binary())
        .args(["synthetic", "--elements", &ELEMENTS.to_string(), "--out"])
        .arg(&big)
        .status()
        .expect("murmuration synthetic");
    assert!(status.success(), "the big district was written");

    let window = AppWindow::launch(launch).await;
    window.wait_until(&drawn("< 1500"), WAIT).await;
    assert_eq!(
        window.eval(MOVES_A_PICTURE).await,
        false,
        "the sample is drawn in full at every frame"
    );

    // New Map, Open…
    choose_from_file_menu(&window, 2);
    pick_in_file_chooser(&window, "Open a map", &big.display().to_string());
    window
        .wait_until(&drawn(&format!("=== {ELEMENTS}")), WAIT)
        .await;
    window.wait_until(MOVES_A_PICTURE, WAIT).await;
    let in_view = window
        .eval("window.__murmuration.rendered().filter(e => e.inViewport).length")
        .await;
    assert!(
        in_view.as_u64().unwrap_or(0) > 100,
        "the big district is drawn in view, not {in_view} elements"
    );
    window.settled().await;
    window.screenshot("big-map-after-sample");

    // New Map, Open…, Open Recent, Open the Sample District.
    choose_from_file_menu(&window, 4);
    window.wait_until(&drawn("< 1500"), WAIT).await;
    assert_eq!(
        window.eval(MOVES_A_PICTURE).await,
        false,
        "the sample opened after the big district is drawn in full at every frame again"
    );
    window.settled().await;
    window.screenshot("sample-after-big-map");
    window.quit().await;
}
