//! The canvas frame-rate benchmark: opens synthetic maps of several sizes in the real app window
//! under Xvfb and measures pan/zoom frames per second with the whole map in view and zoomed in,
//! and the time from launch to the first drawn map. Not a test: run it by hand (see
//! docs/benchmarks.md) and record the medians.
//!
//! `cargo run --release -p murmuration-e2e --bin canvas-fps -- 2000 5000 20000`

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{AppWindow, Launch};
use std::time::{Duration, Instant};

/// Pans and zooms for `seconds` on every animation frame and counts the frames drawn.
const MEASURE: &str = r#"
const [mode, seconds, done] = arguments;
const cy = window.__murmuration.cy;
cy.fit(undefined, 20);
if (mode === 'zoomed') { cy.zoom({ level: cy.zoom() * 6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
const start = performance.now();
let frames = 0;
const times = [];
function step(now) {
  frames += 1;
  times.push(now);
  const t = (now - start) / 1000;
  cy.panBy({ x: Math.sin(t * 3) * 6, y: Math.cos(t * 2) * 4 });
  cy.zoom({ level: cy.zoom() * (1 + Math.sin(t * 4) * 0.01), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  if (t < seconds) { requestAnimationFrame(step); } else {
    const gaps = times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b);
    done({ fps: frames / t, medianFrameMs: gaps[Math.floor(gaps.length / 2)] || 0, p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] || 0 });
  }
}
requestAnimationFrame(step);
"#;

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
    println!("| elements | relations | first paint | fps, whole map | fps, zoomed in | median frame (whole / zoomed) |");
    println!("|---:|---:|---:|---:|---:|---:|");
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
        let mut whole = Vec::new();
        let mut zoomed = Vec::new();
        let mut relations = 0;
        for _ in 0..runs {
            let launch = Launch {
                args: vec![file.display().to_string()],
                data_home: launch.data_home.clone(),
            };
            let started = Instant::now();
            let window = AppWindow::launch(launch).await;
            paints.push(started.elapsed());
            relations = window
                .eval("window.__murmuration.cy.edges().length")
                .await
                .as_u64()
                .unwrap_or(0);
            for (mode, into) in [("whole", &mut whole), ("zoomed", &mut zoomed)] {
                let result = window
                    .client
                    .execute_async(MEASURE, vec![mode.into(), 3.into()])
                    .await
                    .expect("frame-rate run");
                into.push((
                    result["fps"].as_f64().unwrap_or(0.0),
                    result["medianFrameMs"].as_f64().unwrap_or(0.0),
                ));
            }
            window.screenshot(&format!("canvas-fps-{size}"));
            window.quit().await;
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        let paint = median(paints.iter().map(Duration::as_secs_f64).collect());
        println!(
            "| {size} | {relations} | {paint:.2} s | {:.1} | {:.1} | {:.1} ms / {:.1} ms |",
            median(whole.iter().map(|w| w.0).collect()),
            median(zoomed.iter().map(|z| z.0).collect()),
            median(whole.iter().map(|w| w.1).collect()),
            median(zoomed.iter().map(|z| z.1).collect()),
        );
    }
}
