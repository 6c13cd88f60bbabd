//! A coach scrubs the sample district through time: before the elementary redesign team formed it
//! is not on the map; in April 2021 it is there, at work, and the brokers lens names Priya Raman,
//! who crossed into it from Teaching & Learning; a replay runs to today; presenting the scene "The
//! sprint team that crossed them" moves the scrubber to its moment and shows the team at work. The
//! team's dates are read from the map the window holds, not written here.

use crate::harness::{AppWindow, Launch};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const TEAM: &str = "es-redesign";
const HOME: &str = "\u{E011}";
const RIGHT: &str = "\u{E014}";
const PAGE_UP: &str = "\u{E00E}";

#[tokio::test(flavor = "multi_thread")]
async fn the_scrubber_shows_the_map_as_of_a_moment() {
    tokio::time::timeout(Duration::from_secs(240), scrub())
        .await
        .expect("the time journey finished in time");
}

fn team_hidden() -> String {
    format!("window.__murmuration.cy.getElementById('{TEAM}').hasClass('view-hidden')")
}

fn team_at_work() -> String {
    format!(
        "(n => n.nonempty() && !n.hasClass('view-hidden') && !n.hasClass('status-dissolved'))(window.__murmuration.cy.getElementById('{TEAM}'))"
    )
}

fn shown_at(month: &str) -> String {
    format!("document.body.dataset.timeShown === {month:?}")
}

/// The month index of `month` on the scrubber, from the timeline's first month.
fn months_from(first: &str, month: &str) -> usize {
    let ym = |m: &str| -> usize {
        let (y, mo) = m.split_once('-').expect("a month");
        y.parse::<usize>().expect("year") * 12 + mo.parse::<usize>().expect("month") - 1
    };
    ym(month) - ym(first)
}

/// The month before `from` (`2021-02` or `2021`): the last moment the team had not formed.
fn month_before(from: &str) -> String {
    let (y, m) = from.split_once('-').unwrap_or((from, "01"));
    let (y, m): (i32, i32) = (y.parse().expect("year"), m.parse().expect("month"));
    if m == 1 {
        format!("{}-12", y - 1)
    } else {
        format!("{y}-{:02}", m - 1)
    }
}

async fn slider_keys(window: &AppWindow, keys: &str) {
    window
        .client
        .find(Locator::Css("[data-testid='time-slider']"))
        .await
        .expect("the time slider")
        .send_keys(keys)
        .await
        .expect("keys on the slider");
}

/// Drags the slider's thumb from the right end to a fifth of the way along (a real pointer drag).
async fn drag_the_thumb(window: &AppWindow) {
    let track = window
        .eval("(r => ({x: r.left, y: r.top + r.height / 2, w: r.width}))(document.querySelector(\"[data-testid='time-slider']\").getBoundingClientRect())")
        .await;
    let (x, y, w) = (
        track["x"].as_f64().expect("x"),
        track["y"].as_f64().expect("y"),
        track["w"].as_f64().expect("w"),
    );
    let mut drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x + w - 8.0,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for step in 1..=12 {
        let f = f64::from(step) / 12.0;
        drag = drag.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(40)),
            x: x + w - 8.0 - (w * 0.8 - 8.0) * f,
            y,
        });
    }
    window
        .mouse(drag.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        }))
        .await;
}

async fn scrub() {
    let window = AppWindow::launch(Launch::fresh()).await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='time-slider']\") !== null",
            WAIT,
        )
        .await;
    let formed = window
        .eval(&format!(
            "window.__murmuration.snapshot().elements.find(e => e.id === '{TEAM}').span.from"
        ))
        .await;
    let formed = formed.as_str().expect("the team's start date").to_owned();
    assert!(
        !window.eval(&team_hidden()).await.as_bool().unwrap_or(true),
        "with all dates shown, the team is on the map"
    );

    // 1. Dragged back, then stepped by keyboard to the month before the team formed: it is gone.
    drag_the_thumb(&window).await;
    window
        .wait_until("document.body.dataset.timeShown !== undefined", WAIT)
        .await;
    let first_month = window
        .eval("document.querySelector(\"[data-testid='time-slider']\").getAttribute('data-first')")
        .await;
    let first_month = first_month.as_str().expect("the first month").to_owned();
    let before = month_before(&formed);
    let steps = months_from(&first_month, &before);
    slider_keys(
        &window,
        &format!(
            "{HOME}{}{}",
            PAGE_UP.repeat(steps / 12),
            RIGHT.repeat(steps % 12)
        ),
    )
    .await;
    window.wait_until(&shown_at(&before), WAIT).await;
    assert!(
        window.eval(&team_hidden()).await.as_bool().unwrap_or(false),
        "before {formed} the team is not on the map"
    );
    window.screenshot("time-1-before-the-team");

    // 2. April 2021: the team is there, at work, and the brokers lens of that moment names Priya.
    let april = months_from(&first_month, "2021-04");
    slider_keys(
        &window,
        &format!(
            "{HOME}{}{}",
            PAGE_UP.repeat(april / 12),
            RIGHT.repeat(april % 12)
        ),
    )
    .await;
    window.wait_until(&shown_at("2021-04"), WAIT).await;
    window.wait_until(&team_at_work(), WAIT).await;
    window
        .client
        .find(Locator::Css("[data-testid='lens-picker']"))
        .await
        .expect("the lens picker")
        .select_by_value("brokers")
        .await
        .expect("the brokers lens");
    window
        .wait_until(
            "document.querySelector(\"[data-testid='lens-moment']\")?.textContent.includes('April 2021') === true",
            WAIT,
        )
        .await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='metric-brokers']\")?.textContent.includes('Priya Raman') === true",
            WAIT,
        )
        .await;
    window.screenshot("time-2-april-2021-brokers");

    // 3. Play to today: the replay ends on this month, the team long dissolved and gone.
    window
        .client
        .find(Locator::Css("[data-testid='time-speed']"))
        .await
        .expect("the speed")
        .select_by_value("4")
        .await
        .expect("4×");
    window.click("time-play").await;
    window
        .wait_until("document.querySelector(\"[data-testid='time-play']\").getAttribute('aria-label') === 'Pause'", WAIT)
        .await;
    window
        .wait_until("document.querySelector(\"[data-testid='time-play']\").getAttribute('aria-label') === 'Play'", WAIT)
        .await;
    let last = window
        .eval("document.querySelector(\"[data-testid='time-slider']\").getAttribute('data-last')")
        .await;
    window
        .wait_until(&shown_at(last.as_str().expect("the last month")), WAIT)
        .await;
    window.wait_until(&team_hidden(), WAIT).await;
    window.screenshot("time-3-played-to-today");

    // The timeline view: the team is a bar; clicking it moves the scrubber to when it formed.
    window.click("view-timeline").await;
    window
        .wait_until(
            &format!("document.querySelector(\"[data-testid='timeline-bar-{TEAM}']\") !== null"),
            WAIT,
        )
        .await;
    window.screenshot("time-4-timeline-view");
    window.click(&format!("timeline-bar-{TEAM}")).await;
    let formed_month = if formed.len() == 4 {
        format!("{formed}-01")
    } else {
        formed[..7].to_owned()
    };
    window.wait_until(&shown_at(&formed_month), WAIT).await;
    window.show_view("network").await;

    // 4. Present scene 4: the scrubber moves to its moment and the team is at work.
    window.click("scene-present-3").await;
    window
        .wait_until(
            "document.querySelector(\"[data-testid='present-title']\")?.textContent.includes('The sprint team that crossed them') === true",
            WAIT,
        )
        .await;
    window
        .wait_until("document.body.dataset.sceneShown !== undefined", WAIT)
        .await;
    let scene_moment = window
        .eval("window.__murmuration.snapshot().scenes[3].time")
        .await;
    let scene_moment = scene_moment
        .as_str()
        .expect("scene 4 has a moment")
        .to_owned();
    window
        .wait_until(
            &format!("document.querySelector(\"[data-testid='time-label']\").textContent !== 'All dates' && document.querySelector(\"[data-testid='time-slider']\").dataset.moment === {scene_moment:?}"),
            WAIT,
        )
        .await;
    window.wait_until(&team_at_work(), WAIT).await;
    window.screenshot("time-5-scene-4-presented");
    window.click("present-exit").await;
    window.quit().await;
}
