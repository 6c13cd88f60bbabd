//! The map this window has open: a `.murm` file, its scenario on screen, and the window title.
//!
//! With no file named on the command line the window reopens the last map it had; the first time,
//! it writes the built-in sample to the app's data folder and opens that, so even the sample is a
//! real file and every edit to it is kept. A map opens on the scenario it last showed
//! (`shown.rs`); when the scenario on screen goes (deleted, or its adding undone) the first one
//! takes its place.

use murmuration_core::change::MapChange;
use murmuration_core::error::{CoreError, ErrorKind};
use murmuration_core::model::{Map, ScenarioId};
use murmuration_core::ops::Op;
use murmuration_core::snapshot::MapSnapshot;
use murmuration_core::store::{Change, Document};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use crate::shown::ShownScenarios;

/// Numbers each map opened into the window, so a change is never applied to another map.
static DOCUMENTS: AtomicU32 = AtomicU32::new(0);

pub struct Session {
    open: Mutex<Option<Open>>,
    /// Why the last map could not be opened, shown in place of a map.
    problem: Mutex<Option<CoreError>>,
    /// Where the app keeps the built-in sample: the open map is the sample when it is this file.
    sample_file: PathBuf,
    /// Which scenario each map last showed.
    shown: ShownScenarios,
}

struct Open {
    document: Document,
    scenario: ScenarioId,
    /// Which map this is (see [`DOCUMENTS`]) and how many changes the window has been sent.
    id: u32,
    generation: u32,
}

impl Open {
    fn snapshot(&self, sample_file: &Path) -> MapSnapshot {
        MapSnapshot {
            is_sample: self.document.path() == sample_file,
            document: self.id,
            generation: self.generation,
            ..MapSnapshot::of(
                self.document.map(),
                &self.scenario,
                file_name(self.document.path()),
                self.document.can_undo(),
                self.document.can_redo(),
            )
        }
    }
}

impl Open {
    /// The change as the window applies it, numbered after the last one sent. When the change
    /// took away the scenario on screen, the first one is put on screen instead: the change then
    /// names another scenario than the window shows, and the window asks for it whole.
    fn sent(&mut self, change: &Change, shown: &ShownScenarios) -> MapChange {
        let map = self.document.map();
        if map.scenario(&self.scenario).is_none() {
            self.scenario = map.scenarios[0].id.clone();
            shown.remember(self.document.path(), &self.scenario);
        }
        self.generation += 1;
        MapChange::of(
            self.document.map(),
            &self.scenario,
            change,
            self.id,
            self.generation,
        )
    }
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

fn no_map() -> CoreError {
    CoreError::new(
        ErrorKind::NotAMap,
        "No map is open. Open one from the File menu.",
    )
}

impl Session {
    /// No map open yet; `sample_file` is where the app keeps (or will write) the built-in sample,
    /// `shown` which scenario each map last showed.
    pub fn closed(sample_file: PathBuf, shown: ShownScenarios) -> Self {
        Self {
            open: Mutex::new(None),
            problem: Mutex::new(None),
            sample_file,
            shown,
        }
    }

    /// Runs `f` on the open map, with where the sample lives (to tell whether this is it).
    fn with<T>(
        &self,
        f: impl FnOnce(&mut Open, &Path) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        match open.as_mut() {
            Some(open) => f(open, &self.sample_file),
            None => Err(self
                .problem
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone()
                .unwrap_or_else(no_map)),
        }
    }

    /// Opens `path` in place of the current map. On failure the current map stays open.
    pub fn open(&self, path: &Path) -> Result<MapSnapshot, CoreError> {
        let document = Document::open(path)?;
        Ok(self.replace(document))
    }

    /// Creates a new map file at `path` holding `map`, and opens it.
    pub fn create(&self, path: &Path, map: &Map) -> Result<MapSnapshot, CoreError> {
        let document = Document::create(path, map)?;
        Ok(self.replace(document))
    }

    /// [`Session::create`] where the save dialog already asked to replace an existing file (never
    /// the open one).
    pub fn create_replacing(&self, path: &Path, map: &Map) -> Result<MapSnapshot, CoreError> {
        if self.path().as_deref() != Some(path) {
            let _ = std::fs::remove_file(path);
        }
        self.create(path, map)
    }

    fn replace(&self, document: Document) -> MapSnapshot {
        let scenario = self.shown.for_map(document.path(), document.map());
        let open = Open {
            document,
            scenario,
            id: DOCUMENTS.fetch_add(1, Ordering::Relaxed) + 1,
            generation: 0,
        };
        let snapshot = open.snapshot(&self.sample_file);
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = Some(open);
        *self.problem.lock().unwrap_or_else(|e| e.into_inner()) = None;
        snapshot
    }

    /// Remembers why no map could be opened.
    pub fn failed(&self, problem: CoreError) {
        *self.problem.lock().unwrap_or_else(|e| e.into_inner()) = Some(problem);
    }

    pub fn snapshot(&self) -> Result<MapSnapshot, CoreError> {
        self.with(|open, sample| Ok(open.snapshot(sample)))
    }

    /// A copy of the open map and the scenario on screen, for work done off the window's thread.
    pub fn current(&self) -> Result<(Map, ScenarioId), CoreError> {
        self.with(|open, _| Ok((open.document.map().clone(), open.scenario.clone())))
    }

    /// Which map is open and how far it has changed: `(document, generation)`. Anything worked out
    /// from the map (the lens figures) holds while this stays the same.
    pub fn version(&self) -> Result<(u32, u32), CoreError> {
        self.with(|open, _| Ok((open.id, open.generation)))
    }

    /// Puts `scenario` on screen: the window is sent it whole. An unknown scenario is an error
    /// naming the map's scenarios, and the one on screen stays.
    pub fn show_scenario(&self, scenario: &ScenarioId) -> Result<MapSnapshot, CoreError> {
        self.with(|open, sample| {
            let map = open.document.map();
            murmuration_core::view::scenario_of(map, scenario)?;
            if &open.scenario != scenario {
                open.scenario = scenario.clone();
                open.generation += 1;
                self.shown.remember(open.document.path(), scenario);
            }
            Ok(open.snapshot(sample))
        })
    }

    pub fn path(&self) -> Option<PathBuf> {
        self.with(|open, _| Ok(open.document.path().to_owned()))
            .ok()
    }

    /// "Riverside Unified · To be — Murmuration": the map, the scenario on screen when it has
    /// several, and the file's name when it is one the user chose.
    pub fn window_title(&self) -> String {
        self.with(|open, sample_file| {
            let map = open.document.map();
            let mut title = map.title.clone();
            if map.scenarios.len() > 1 {
                if let Some(scenario) = map.scenario(&open.scenario) {
                    title = format!("{title} · {}", scenario.name);
                }
            }
            Ok(match file_name(open.document.path()) {
                Some(name) if open.document.path() != sample_file => {
                    format!("{title} ({name}) — Murmuration")
                }
                _ => format!("{title} — Murmuration"),
            })
        })
        .unwrap_or_else(|_| "Murmuration".to_owned())
    }

    /// Applies `op` to the scenario on screen; the window is sent only what changed.
    pub fn apply(&self, op: &Op) -> Result<MapChange, CoreError> {
        self.with(|open, _| {
            let change = open.document.apply(&open.scenario.clone(), op)?;
            Ok(open.sent(&change, &self.shown))
        })
    }

    /// Applies the changes `changes` of the comparison `from` → `to` to scenario `into` (on screen
    /// or not) as one edit; undo undoes it in `into`. See `murmuration_core::compare::adopt`.
    pub fn adopt(
        &self,
        from: &ScenarioId,
        to: &ScenarioId,
        changes: &[String],
        into: &ScenarioId,
    ) -> Result<MapChange, CoreError> {
        self.with(|open, _| {
            let op =
                murmuration_core::compare::adopt(open.document.map(), from, to, changes, into)?;
            let change = open.document.apply(into, &op)?;
            Ok(open.sent(&change, &self.shown))
        })
    }

    /// Whether `op` would be accepted on the scenario on screen, changing nothing.
    pub fn check(&self, op: &Op) -> Result<(), CoreError> {
        self.with(|open, _| murmuration_core::ops::check(open.document.map(), &open.scenario, op))
    }

    pub fn undo(&self) -> Result<MapChange, CoreError> {
        self.with(|open, _| {
            let change = open.document.undo()?;
            Ok(open.sent(&change, &self.shown))
        })
    }

    pub fn redo(&self) -> Result<MapChange, CoreError> {
        self.with(|open, _| {
            let change = open.document.redo()?;
            Ok(open.sent(&change, &self.shown))
        })
    }

    /// Copies the map to `path` and continues editing the copy.
    pub fn save_as(&self, path: &Path) -> Result<MapSnapshot, CoreError> {
        self.with(|open, sample| {
            open.document.save_as(path)?;
            Ok(open.snapshot(sample))
        })
    }

    pub fn close(&self) {
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::Session;
    use crate::shown::ShownScenarios;
    use murmuration_core::model::Scenario;
    use murmuration_core::ops::Op;
    use murmuration_core::sample::riverside_unified;
    use std::path::PathBuf;

    fn scratch_folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("murmuration-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    #[test]
    fn only_the_app_s_own_sample_file_is_the_sample() {
        let data = scratch_folder("data");
        let elsewhere = scratch_folder("elsewhere");
        let sample_file = data.join("Riverside Unified.murm");
        let session = Session::closed(
            sample_file.clone(),
            ShownScenarios::at(data.join("shown-scenarios.json")),
        );

        let first_start = session
            .create(&sample_file, &riverside_unified())
            .expect("sample written");
        assert!(first_start.is_sample);
        assert_eq!(
            session.window_title(),
            "Riverside Unified · As is 2025 — Murmuration"
        );

        let copy = session
            .save_as(&elsewhere.join("Our district.murm"))
            .expect("saved as");
        assert!(
            !copy.is_sample,
            "a copy of the sample is the user's own map"
        );

        assert!(
            session
                .open(&sample_file)
                .expect("sample reopened")
                .is_sample
        );

        // The file name alone does not make a map the sample.
        let same_name = elsewhere.join("Riverside Unified.murm");
        assert!(
            !session
                .create(&same_name, &riverside_unified())
                .expect("created")
                .is_sample
        );

        session.close();
        let _ = std::fs::remove_dir_all(&data);
        let _ = std::fs::remove_dir_all(&elsewhere);
    }

    #[test]
    fn a_change_adopted_into_a_scenario_off_screen_is_one_edit_that_undo_takes_back_there() {
        use murmuration_core::model::{RelationId, ScenarioId};
        use murmuration_core::sample::{AS_IS, TO_BE};
        let data = scratch_folder("adopt");
        let session = Session::closed(
            data.join("sample.murm"),
            ShownScenarios::at(data.join("shown-scenarios.json")),
        );
        session
            .create(&data.join("mine.murm"), &riverside_unified())
            .expect("created");
        let (as_is, to_be) = (ScenarioId::from(AS_IS), ScenarioId::from(TO_BE));
        let barrier = RelationId::from("r053");
        let has_barrier = |scenario: &ScenarioId| {
            let (map, _) = session.current().expect("open");
            map.scenario(scenario)
                .expect("scenario")
                .relations
                .contains_key(&barrier)
        };
        assert!(has_barrier(&as_is) && !has_barrier(&to_be));

        // On screen: As is. Put the barrier back into To be, from the comparison To be → As is.
        let change = session
            .adopt(&to_be, &as_is, &["relation:r053".to_owned()], &to_be)
            .expect("adopted");
        assert!(change.can_undo);
        assert!(has_barrier(&to_be), "adopted into To be");

        session.undo().expect("undo");
        assert!(!has_barrier(&to_be), "undo takes it out of To be");
        assert!(has_barrier(&as_is), "As is untouched");
        assert!(!session.snapshot().expect("snapshot").can_undo, "one edit");

        session.close();
        let _ = std::fs::remove_dir_all(&data);
    }

    #[test]
    fn a_map_reopens_on_its_last_scenario_and_losing_the_one_on_screen_shows_the_first() {
        let data = scratch_folder("shown");
        let path = data.join("District.murm");
        let session = || {
            Session::closed(
                data.join("sample.murm"),
                ShownScenarios::at(data.join("shown-scenarios.json")),
            )
        };
        let first = session();
        let opened = first.create(&path, &riverside_unified()).expect("created");
        let (as_is, to_be) = (
            opened.scenarios[0].id.clone(),
            opened.scenarios[1].id.clone(),
        );
        first.show_scenario(&to_be).expect("shown");
        assert!(first.window_title().contains("· To be"));
        first.close();

        // Restarted: the map opens on "To be".
        let second = session();
        assert_eq!(second.open(&path).expect("reopened").scenario, to_be);

        // Deleting it (with its scenes) puts "As is" on screen; undo brings "To be" back.
        let change = second
            .apply(&Op::DeleteScenario { id: to_be.clone() })
            .expect("deleted");
        assert_eq!(change.scenario, as_is);
        assert_eq!(second.snapshot().expect("snapshot").scenario, as_is);
        second.undo().expect("undone");
        let mut copy = Scenario::empty("Copy");
        copy.id = "copy".into();
        second
            .apply(&Op::AddScenario {
                scenario: copy,
                copy_from: Some(as_is.clone()),
                at: None,
            })
            .expect("added");
        second.close();
        assert_eq!(
            session().open(&path).expect("reopened").scenario,
            as_is,
            "the scenario last on screen, not the last one added"
        );
        let _ = std::fs::remove_dir_all(&data);
    }
}
