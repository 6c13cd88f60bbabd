//! The map this window has open, and the window title that names it.

use murmuration_core::model::{Map, ScenarioId};
use std::sync::Mutex;
use tauri::{AppHandle, Manager};

pub struct Session {
    pub map: Mutex<Map>,
    pub scenario: Mutex<ScenarioId>,
}

impl Session {
    pub fn sample() -> Self {
        let map = murmuration_core::sample::riverside_unified();
        let scenario = map.scenarios[0].id.clone();
        Self {
            map: Mutex::new(map),
            scenario: Mutex::new(scenario),
        }
    }
}

/// "Riverside Unified — Murmuration".
pub fn window_title(map_title: &str) -> String {
    format!("{map_title} — Murmuration")
}

pub fn show_title(app: &AppHandle) {
    let session = app.state::<Session>();
    let title = window_title(&session.map.lock().expect("map lock").title);
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}
