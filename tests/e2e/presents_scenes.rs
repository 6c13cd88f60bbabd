//! A coach presents the sample's scenes from the keyboard: the first scene (the org chart),
//! PageDown to how work really flows, N for the notes, then leaves. (Esc is not sent: under
//! WebKitWebDriver a key press while the page is full screen never returns.)

use crate::harness::{AppWindow, Launch};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const PAGE_DOWN: &str = "\u{E00F}";

async fn press(window: &AppWindow, keys: &str) {
    window
        .client
        .active_element()
        .await
        .expect("focus")
        .send_keys(keys)
        .await
        .expect("keys");
}

fn title_is(title: &str) -> String {
    format!("document.querySelector(\"[data-testid='present-title']\")?.textContent.includes({title:?}) === true")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_scenes_step_by_keyboard() {
    tokio::time::timeout(Duration::from_secs(150), present())
        .await
        .expect("the presentation journey finished in time");
}

async fn present() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window
        .client
        .find(Locator::Css("[data-testid='present-button']"))
        .await
        .expect("the Present button")
        .click()
        .await
        .expect("present");
    window
        .wait_until(&title_is("The org chart we draw"), WAIT)
        .await;
    window
        .wait_until("window.__murmuration.view() === 'org_chart'", WAIT)
        .await;
    window.screenshot("present-1-org-chart");

    press(&window, PAGE_DOWN).await;
    window
        .wait_until(&title_is("How work really flows"), WAIT)
        .await;
    window
        .wait_until("window.__murmuration.view() === 'network'", WAIT)
        .await;

    press(&window, "n").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='present-notes']\") !== null",
            WAIT,
        )
        .await;
    window.screenshot("present-2-flows-with-notes");

    window
        .client
        .find(Locator::Css("[data-testid='present-exit']"))
        .await
        .expect("the Esc button")
        .click()
        .await
        .expect("leave");
    window
        .wait_until(
            "document.querySelector(\"[data-testid='presentation']\") === null",
            WAIT,
        )
        .await;
    window.quit().await;
}
