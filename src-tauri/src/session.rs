//! The map this window has open, its undo history, and the window title that names it.

use murmuration_core::error::{CoreError, ErrorKind};
use murmuration_core::model::{Map, ScenarioId};
use murmuration_core::ops::{self, Index, Op};
use murmuration_core::snapshot::MapSnapshot;
use std::sync::Mutex;
use tauri::{AppHandle, Manager};

pub struct Session {
    open: Mutex<Open>,
}

struct Open {
    map: Map,
    index: Index,
    scenario: ScenarioId,
    undo: Vec<Op>,
    redo: Vec<Op>,
}

impl Open {
    fn snapshot(&self) -> MapSnapshot {
        MapSnapshot::of(
            &self.map,
            &self.scenario,
            None,
            !self.undo.is_empty(),
            !self.redo.is_empty(),
        )
    }
}

impl Session {
    pub fn sample() -> Self {
        let map = murmuration_core::sample::riverside_unified();
        let scenario = map.scenarios[0].id.clone();
        let index = Index::build(&map);
        Self {
            open: Mutex::new(Open {
                map,
                index,
                scenario,
                undo: Vec::new(),
                redo: Vec::new(),
            }),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Open) -> T) -> T {
        f(&mut self.open.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn snapshot(&self) -> MapSnapshot {
        self.with(|open| open.snapshot())
    }

    pub fn title(&self) -> String {
        self.with(|open| open.map.title.clone())
    }

    pub fn apply(&self, op: &Op) -> Result<MapSnapshot, CoreError> {
        self.with(|open| {
            let applied = ops::apply_indexed(&mut open.map, &mut open.index, &open.scenario, op)?;
            open.undo.push(applied.inverse);
            open.redo.clear();
            Ok(open.snapshot())
        })
    }

    pub fn undo(&self) -> Result<MapSnapshot, CoreError> {
        self.step(true)
    }

    pub fn redo(&self) -> Result<MapSnapshot, CoreError> {
        self.step(false)
    }

    fn step(&self, back: bool) -> Result<MapSnapshot, CoreError> {
        self.with(|open| {
            let (from, to) = if back {
                (&mut open.undo, &mut open.redo)
            } else {
                (&mut open.redo, &mut open.undo)
            };
            let Some(op) = from.pop() else {
                return Err(if back {
                    CoreError::new(ErrorKind::NothingToUndo, "There is nothing to undo.")
                } else {
                    CoreError::new(ErrorKind::NothingToRedo, "There is nothing to redo.")
                });
            };
            match ops::apply_indexed(&mut open.map, &mut open.index, &open.scenario, &op) {
                Ok(applied) => {
                    to.push(applied.inverse);
                    Ok(open.snapshot())
                }
                Err(error) => {
                    from.push(op);
                    Err(error)
                }
            }
        })
    }
}

/// "Riverside Unified — Murmuration".
pub fn window_title(map_title: &str) -> String {
    format!("{map_title} — Murmuration")
}

pub fn show_title(app: &AppHandle) {
    let title = window_title(&app.state::<Session>().title());
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}
