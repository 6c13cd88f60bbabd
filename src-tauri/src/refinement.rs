//! Lenses on big maps without freezing the window: the `lens_view` command answers at once (exact
//! betweenness when it is cheap, a sampled estimate when it is not), and when it had to estimate,
//! a background thread computes the exact figures with progress events and then sends the refined
//! view. A newer request cancels the older refinement.

use crate::events::{AnalysisProgress, LensRefined, LensView};
use murmuration_core::analysis::{self, betweenness_exact_leaving_a_core, FlowGraph};
use murmuration_core::lens_paint::lens_paint;
use murmuration_core::model::{Map, ScenarioId};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use tauri::AppHandle;
use tauri_specta::Event;

/// The refinement under way, if any.
#[derive(Default)]
pub struct Refinement {
    cancel: Mutex<Option<Arc<AtomicBool>>>,
    generation: AtomicU32,
}

impl Refinement {
    /// Analyses `scenario` of `map` now, and refines betweenness in the background if needed.
    pub fn view(
        &self,
        app: &AppHandle,
        map: Map,
        scenario: ScenarioId,
        lens: Option<String>,
    ) -> LensView {
        let analysis = analysis::analyze(&map, &scenario);
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let cancel = Arc::new(AtomicBool::new(false));
        if let Some(older) = self
            .cancel
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .replace(cancel.clone())
        {
            older.store(true, Ordering::SeqCst);
        }
        let paint = lens
            .as_deref()
            .and_then(|lens| lens_paint(&map, &scenario, lens, &analysis));
        if !analysis.brokers.betweenness.exact {
            let app = app.clone();
            std::thread::spawn(move || refine(&app, &map, &scenario, lens, generation, &cancel));
        }
        LensView {
            generation,
            analysis,
            paint,
        }
    }
}

fn refine(
    app: &AppHandle,
    map: &Map,
    scenario: &ScenarioId,
    lens: Option<String>,
    generation: u32,
    cancel: &AtomicBool,
) {
    let Some(shown) = map.scenario(scenario).or(map.scenarios.first()) else {
        return;
    };
    let graph = FlowGraph::of(shown);
    let last_sent = AtomicU32::new(0);
    let progress = |done: u32, total: u32| {
        // About a hundred events for the whole run, not one per source.
        let step = (total / 100).max(1);
        if done / step != last_sent.swap(done / step, Ordering::Relaxed) || done == total {
            let _ = AnalysisProgress {
                generation,
                done,
                total,
            }
            .emit(app);
        }
    };
    if let Some(exact) = betweenness_exact_leaving_a_core(&graph, progress, cancel) {
        if !cancel.load(Ordering::SeqCst) {
            let analysis = analysis::analyze_with(map, scenario, Some(exact));
            let paint = lens
                .as_deref()
                .and_then(|lens| lens_paint(map, scenario, lens, &analysis));
            let _ = LensRefined {
                view: LensView {
                    generation,
                    analysis,
                    paint,
                },
            }
            .emit(app);
        }
    }
}
