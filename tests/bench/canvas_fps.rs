//! The canvas frame-rate benchmark: opens synthetic maps of several sizes in the real app window
//! under Xvfb and measures pan/zoom frames per second with the whole map in view and zoomed in,
//! the time from launch to the first drawn map, and the time one edit takes from the core's answer
//! to the canvas having it. Not a test: run it by hand (see docs/benchmarks.md) and record the
//! medians.
//!
//! `cargo run --release -p murmuration-e2e --bin canvas-fps -- 2000 5000 20000` (the app under test
//! is `MURMURATION_BIN`, else the debug build). `EDITS=n` edits per run (21 unless set);
//! `EDITS_ONLY=1` leaves out the frame rates. `SCRUB=n` steps of the time scrubber per run (20
//! unless set); `SCRUB_ONLY=1` measures only those. `scene` is scene transitions 6× closer.
//! The resident memory of the window's processes is read after the frame-rate runs; `SAMPLE=1`
//! first opens the sample map alone and reads its memory.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
mod rss;

use harness::{AppWindow, Launch};
use std::time::{Duration, Instant};

/// Moves the view for a few seconds and counts the frames drawn (modes are described in the file).
const MEASURE: &str = include_str!("frame_rate.js");

/// Times edits from the core's answer to the canvas having them (described in the file).
const EDIT: &str = include_str!("edit_time.js");

/// Times steps of the time scrubber, input to the frame drawn (described in the file).
const SCRUB: &str = include_str!("scrub_time.js");

/// The view moves measured, in the order of the table's columns.
const MODES: [&str; 7] = [
    "whole",
    "zoomed",
    "wheel",
    "drag",
    "wheel:zoomed",
    "drag:zoomed",
    "scene",
];

/// The phases of opening a map, from the marks the UI leaves (ms since the page started).
const PHASES: &str = "performance.getEntriesByType('mark').filter(m => m.name.startsWith('murmuration:')).map(m => m.name.slice(12) + ' ' + Math.round(m.startTime)).join(', ')";

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![2000, 5000, 20000]
    } else {
        sizes
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let edits: usize = std::env::var("EDITS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(21);
    let scrub_only = std::env::var_os("SCRUB_ONLY").is_some();
    let scrubs: usize = std::env::var("SCRUB")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let edits = if scrub_only { 0 } else { edits };
    let modes: &[&str] = if std::env::var_os("EDITS_ONLY").is_some() || scrub_only {
        &[]
    } else {
        &MODES
    };
    if std::env::var_os("SAMPLE").is_some() || std::env::var_os("SAMPLE_ONLY").is_some() {
        sample_memory().await;
    }
    if std::env::var_os("SAMPLE_ONLY").is_some() {
        return;
    }
    println!("| elements | relations | launch to first paint (app start → drawn) | first paint as the harness waits (X server, WebDriver, app) | all in | fps: {} | settle after a gesture (wheel / drag / scene) | zooming in 6× (new level of detail) | one edit, answer → canvas (median: all / rename / move) | time scrubber step (median / slowest; of which the core's answer) | RSS, all processes (PSS) |", MODES.join(" | "));
    println!(
        "|---:|---:|---:|---:|---:|{}---:|---:|---:|---:|---:|",
        "---:|".repeat(MODES.len())
    );
    for size in sizes {
        let launch = Launch::fresh();
        let file = launch.data_home.join(format!("synthetic-{size}.murm"));
        let status = std::process::Command::new(harness::app_binary())
            .args(["synthetic", "--elements", &size.to_string(), "--out"])
            .arg(&file)
            .status()
            .expect("murmuration synthetic");
        assert!(status.success());
        let mut paints = Vec::new();
        let mut launches = Vec::new();
        let mut completes = Vec::new();
        let mut fps: Vec<Vec<f64>> = vec![Vec::new(); MODES.len()];
        let mut settle: Vec<Vec<f64>> = vec![Vec::new(); 3];
        let mut resident: [Vec<f64>; 2] = Default::default();
        let mut switches = Vec::new();
        let mut edit_times: [Vec<f64>; 3] = Default::default();
        let mut steps: [Vec<f64>; 4] = Default::default();
        let mut relations = 0;
        for _ in 0..runs {
            let launch = Launch {
                args: vec![file.display().to_string()],
                data_home: launch.data_home.clone(),
            };
            let started = Instant::now();
            let window = AppWindow::launch(launch).await;
            paints.push(started.elapsed());
            // From the app's process start to the map drawn (the page's `drawn` mark, as an epoch time).
            let drawn_ms = window
                .eval("performance.timeOrigin + performance.getEntriesByName('murmuration:drawn')[0].startTime")
                .await
                .as_f64();
            if let (Some(drawn), Some(start)) = (drawn_ms, rss::app_started_ms()) {
                launches.push((drawn - start) / 1000.0);
            }
            // A big map's hidden relations arrive after the first drawing; measure once all are in.
            window
                .wait_until(
                    "document.body.dataset.mapComplete === 'true'",
                    Duration::from_secs(120),
                )
                .await;
            completes.push(started.elapsed());
            eprintln!(
                "{size}: all in after {:.2} s; in the page: {}",
                started.elapsed().as_secs_f64(),
                window.eval(PHASES).await.as_str().unwrap_or("")
            );
            // PROBE: a JS expression printed after opening and at the end of each run, for looking into a slow map by hand.
            if let Ok(probe) = std::env::var("PROBE") {
                eprintln!("{size} probe: {}", window.eval(&probe).await);
            }
            relations = window
                .eval("window.__murmuration.cy.edges().length")
                .await
                .as_u64()
                .unwrap_or(0);
            let before = edit_times[0].len();
            let mut renders = Vec::new();
            for i in 0..edits {
                let result = window
                    .client
                    .execute_async(EDIT, vec![i.into()])
                    .await
                    .expect("edit run");
                let ms = result["ms"]
                    .as_f64()
                    .unwrap_or_else(|| panic!("edit {i}: {result}"));
                let kind = usize::from(result["kind"] == "move");
                renders.extend(result["renderMs"].as_f64());
                edit_times[0].push(ms);
                edit_times[1 + kind].push(ms);
            }
            if edits > 0 {
                eprintln!(
                    "{size} edits (ms): {:?}; of which the window rendering before the canvas: {renders:?}",
                    &edit_times[0][before..]
                );
            }
            for (mode, into) in modes.iter().zip(fps.iter_mut()) {
                // ONLY_MODES=zoomed,scene: a look into some columns by hand (the others stay empty).
                if let Ok(only) = std::env::var("ONLY_MODES") {
                    if !only.split(',').any(|m| m == *mode) {
                        continue;
                    }
                }
                let result = window
                    .client
                    .execute_async(MEASURE, vec![(*mode).into(), 3.into()])
                    .await
                    .expect("frame-rate run");
                eprintln!("{size} {mode}: {result}");
                into.push(result["fps"].as_f64().unwrap_or(0.0));
                let settled = result["settleMs"].as_f64().unwrap_or(0.0);
                match *mode {
                    "wheel" => settle[0].push(settled),
                    "drag" => settle[1].push(settled),
                    "scene" => settle[2].push(settled),
                    "zoomed" => switches.push(result["switchMs"].as_f64().unwrap_or(0.0)),
                    _ => {}
                }
            }
            let processes = rss::window_processes();
            eprintln!("{size} memory: {}", rss::describe(&processes));

            resident[0].push(processes.iter().map(|p| p.rss_mib).sum());
            resident[1].push(processes.iter().map(|p| p.pss_mib).sum());
            if scrubs > 0 {
                let result = window
                    .client
                    .execute_async(SCRUB, vec![scrubs.into()])
                    .await
                    .expect("scrubber run");
                eprintln!("{size} scrubber steps: {result}");
                steps[0].extend(result["medianMs"].as_f64());
                steps[1].extend(result["slowestMs"].as_f64());
                steps[2].extend(result["commandMs"].as_f64());
                steps[3].extend(result["drawAnswerMs"].as_f64());
            }
            if let Ok(probe) = std::env::var("PROBE") {
                eprintln!("{size} probe at the end: {}", window.eval(&probe).await);
            }
            if std::env::var_os("SHOTS").is_some() {
                scene_shots(&window, size).await;
            }
            window.screenshot(&format!("canvas-fps-{size}"));
            window.quit().await;
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(|a, b| a.total_cmp(b));
            v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
        };
        let paint = median(paints.iter().map(Duration::as_secs_f64).collect());
        let launch = median(launches);
        let complete = median(completes.iter().map(Duration::as_secs_f64).collect());
        let rates: Vec<String> = fps
            .into_iter()
            .map(|v| format!("{:.1}", median(v)))
            .collect();
        let [wheel, drag, scene] =
            [settle[0].clone(), settle[1].clone(), settle[2].clone()].map(median);
        let [rss, pss] = resident.map(median);
        let switch = median(switches);
        let [edit, rename, moved] = edit_times.map(median);
        let [step, slowest, command, classes] = steps.map(median);
        println!(
            "| {size} | {relations} | {launch:.2} s | {paint:.2} s | {complete:.2} s | {} | {wheel:.0} / {drag:.0} / {scene:.0} ms | {switch:.0} ms | {edit:.1} / {rename:.1} / {moved:.1} ms | {step:.0} / {slowest:.0} ms (core's answer {command:.0} ms, classes set {classes:.0} ms) | {rss:.0} MiB ({pss:.0}) |",
            rates.join(" | ")
        );
    }
}

/// Opens the sample map (what a first start shows), lets it settle, and prints the memory of the
/// window's processes, three times.
async fn sample_memory() {
    for _ in 0..3 {
        let window = AppWindow::launch(Launch::fresh()).await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        eprintln!("sample memory: {}", rss::describe(&rss::window_processes()));
        window.quit().await;
    }
}

/// `SHOTS=1`: screenshots of a scene transition 6× closer, one while it moves (a slow one, 3 s)
/// and one after it has settled, for looking at by eye (no blank frames, labels back).
async fn scene_shots(window: &AppWindow, size: usize) {
    window
        .eval(
            "(() => { const cy = window.__murmuration.cy; cy.stop(true, false); cy.fit(undefined, 20); \
             const c = { x: cy.width() / 2, y: cy.height() / 2 }; \
             cy.zoom({ level: cy.zoom() * 6, renderedPosition: c }); \
             setTimeout(() => cy.animate({ zoom: cy.zoom() * 0.8, pan: { x: cy.pan().x - cy.width() * 0.3, y: cy.pan().y - cy.height() * 0.2 } }, { duration: 3000, easing: 'ease-in-out-cubic' }), 2500); \
             return true; })()",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(3800)).await;
    window.screenshot(&format!("canvas-fps-{size}-scene-moving"));
    tokio::time::sleep(Duration::from_secs(5)).await;
    window.screenshot(&format!("canvas-fps-{size}-scene-settled"));
}
