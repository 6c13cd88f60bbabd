//! Lenses on big maps without freezing the window: the `lens_view` command answers at once (exact
//! betweenness when it is cheap, a sampled estimate when it is not), and when it had to estimate,
//! a background thread computes the exact figures with progress events and then sends the refined
//! view. A newer request cancels the older refinement.
//!
//! Figures are worked out only when asked for (a lens or the metrics panel open), and kept for the
//! map as it is: asking again before the next change — another lens, a scene — analyses nothing.

use crate::events::{AnalysisProgress, LensRefined, LensView};
use murmuration_core::analysis::{self, betweenness_exact_leaving_a_core, Analysis, FlowGraph};
use murmuration_core::lens_paint::{lens_paint, LensPaint};
use murmuration_core::model::{Date, Map, ScenarioId};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use tauri::AppHandle;
use tauri_specta::Event;

/// What the figures are of: the map (its document and generation, see `Session::version`), the
/// scenario and the moment it is seen as of (`None`: whatever the dates).
pub type Version = (u32, u32, ScenarioId, Option<Date>);

/// The refinement under way, if any, and the last figures worked out.
#[derive(Default)]
pub struct Refinement {
    cancel: Mutex<Option<Arc<AtomicBool>>>,
    generation: AtomicU32,
    kept: Arc<Mutex<Option<(Version, Analysis)>>>,
    /// How many times a map was analysed (tests count it).
    analysed: AtomicU32,
}

impl Refinement {
    /// The figures of `version` if they were worked out already (exact once refined).
    fn kept(&self, version: &Version) -> Option<Analysis> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.as_ref()
            .filter(|(v, _)| v == version)
            .map(|(_, a)| a.clone())
    }

    #[cfg(test)]
    pub fn times_analysed(&self) -> u32 {
        self.analysed.load(Ordering::SeqCst)
    }

    /// The paint of `lens` on the map as it is at `version`, analysing it only if not done yet.
    pub fn paint(&self, version: Version, map: &Map, lens: &str) -> Option<LensPaint> {
        let scenario = version.2.clone();
        let analysis = self.kept(&version).unwrap_or_else(|| {
            self.analysed.fetch_add(1, Ordering::SeqCst);
            let analysis = analysis::analyze_at(map, &scenario, version.3.as_ref());
            *self.kept.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((version, analysis.clone()));
            analysis
        });
        lens_paint(map, &scenario, lens, &analysis)
    }

    /// Every lens's figures on `version` of the map and the paint of `lens`; analyses now only if
    /// they are not kept, and then refines betweenness in the background if needed.
    pub fn view(
        &self,
        app: &AppHandle,
        version: Version,
        map: Map,
        lens: Option<String>,
    ) -> LensView {
        let scenario = version.2.clone();
        if let Some(analysis) = self.kept(&version) {
            let paint = lens
                .as_deref()
                .and_then(|lens| lens_paint(&map, &scenario, lens, &analysis));
            return LensView {
                generation: self.generation.load(Ordering::SeqCst),
                analysis,
                paint,
            };
        }
        self.analysed.fetch_add(1, Ordering::SeqCst);
        let analysis = analysis::analyze_at(&map, &scenario, version.3.as_ref());
        *self.kept.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((version.clone(), analysis.clone()));
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
            let kept = self.kept.clone();
            std::thread::spawn(move || {
                let work = Work {
                    map: &map,
                    version: &version,
                    lens,
                    generation,
                };
                refine(&app, work, &cancel, &kept)
            });
        }
        LensView {
            generation,
            analysis,
            paint,
        }
    }
}

/// What a background refinement works on.
struct Work<'a> {
    map: &'a Map,
    version: &'a Version,
    lens: Option<String>,
    generation: u32,
}

fn refine(
    app: &AppHandle,
    work: Work,
    cancel: &AtomicBool,
    kept: &Mutex<Option<(Version, Analysis)>>,
) {
    let Work {
        map,
        version,
        lens,
        generation,
    } = work;
    let scenario = &version.2;
    let moment = version.3.as_ref();
    let graph = FlowGraph::of(&analysis::scenario_at(map, scenario, moment));
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
            let analysis = analysis::analyze_at_with(map, scenario, moment, Some(exact));
            let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
            if kept.as_ref().is_some_and(|(v, _)| v == version) {
                *kept = Some((version.clone(), analysis.clone()));
            }
            drop(kept);
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

#[cfg(test)]
mod tests {
    use super::Refinement;
    use murmuration_core::sample::{riverside_unified, AS_IS};

    /// Figures are worked out once per version of the map: another lens, or a scene asking again,
    /// analyses nothing; a change (a new generation) does.
    #[test]
    fn the_map_is_analysed_once_per_version() {
        let map = riverside_unified();
        let refinement = Refinement::default();
        let version = |generation| (1, generation, AS_IS.into(), None);
        assert_eq!(
            refinement.times_analysed(),
            0,
            "nothing asked, nothing analysed"
        );
        assert!(refinement.paint(version(0), &map, "silos").is_some());
        assert!(refinement.paint(version(0), &map, "brokers").is_some());
        assert_eq!(refinement.times_analysed(), 1);
        refinement.paint(version(1), &map, "silos");
        assert_eq!(refinement.times_analysed(), 2);
        // As of a moment the map is another map: its figures are worked out, then kept.
        let then = (1, 1, AS_IS.into(), Some("2021-04".into()));
        refinement.paint(then.clone(), &map, "silos");
        refinement.paint(then, &map, "brokers");
        assert_eq!(refinement.times_analysed(), 3);
    }
}
