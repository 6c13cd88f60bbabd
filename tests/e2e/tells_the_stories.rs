//! A coach tells one of the essays' stories from the sample: the scenes list heads each story by
//! name; "present this story" plays the purchasing bottleneck alone, from the 47-day cascade to
//! the 10-day redesign; then, back on the map, the habit behind Procurement's "forbidden by
//! contract" is selected and its cascade view says it is habit and names the barrier claiming it.

use crate::harness::{AppWindow, Launch};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const PAGE_DOWN: &str = "\u{E00F}";

fn text_of(test_id: &str) -> String {
    format!("document.querySelector(\"[data-testid='{test_id}']\")?.textContent ?? ''")
}

fn contains(test_id: &str, text: &str) -> String {
    format!("({}).includes({text:?})", text_of(test_id))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_is_presented_alone_and_its_habit_is_traced() {
    tokio::time::timeout(Duration::from_secs(240), journey())
        .await
        .expect("the stories journey finished in time");
}

async fn journey() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window
        .wait_until(&contains("story-2", "The purchasing bottleneck"), WAIT)
        .await;
    window
        .wait_until(&contains("story-1", "The graduate capstone"), WAIT)
        .await;
    window.screenshot("stories-1-scenes-by-story");

    window.click("story-present-2").await;
    window
        .wait_until(
            &contains("present-title", "The cascade behind the 47-day purchase"),
            WAIT,
        )
        .await;
    window
        .wait_until(
            &contains("present-title", "The purchasing bottleneck · 1 / 3"),
            WAIT,
        )
        .await;
    window
        .wait_until(&contains("present-caption", "47 days"), WAIT)
        .await;
    window.settled().await;
    window.screenshot("stories-2-the-47-day-purchase");
    for _ in 0..2 {
        window
            .client
            .active_element()
            .await
            .expect("focus")
            .send_keys(PAGE_DOWN)
            .await
            .expect("keys");
    }
    window
        .wait_until(
            &contains("present-title", "The service redesign: 10 days"),
            WAIT,
        )
        .await;
    window
        .wait_until(&contains("present-title", "3 / 3"), WAIT)
        .await;
    window
        .wait_until(&contains("present-caption", "10 days"), WAIT)
        .await;
    window.settled().await;
    window.screenshot("stories-3-the-10-day-redesign");
    window.leave_presentation().await;

    // Back on the map: the habit, selected on the canvas.
    window.settled().await;
    window
        .eval("(window.__murmuration.cy.fit(window.__murmuration.cy.getElementById('no-direct-orders'), 200), null)")
        .await;
    window.settled().await;
    window
        .click_on_canvas("Schools may not order from a vendor directly", 1)
        .await;
    window
        .wait_until(
            &contains(
                "cascade-mark-no-direct-orders",
                "habit — no policy above it",
            ),
            WAIT,
        )
        .await;
    window
        .wait_until(&contains("cascade-claimed", "forbidden by contract"), WAIT)
        .await;
    window.screenshot("stories-4-the-habit-traced");
    window.quit().await;
}
