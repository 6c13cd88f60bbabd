//! Which scenario each map last had on screen, so reopening a map (after a restart, or from Open
//! Recent) shows the scenario the user left it on. A small JSON file in the app's config folder,
//! keyed by the map's path; the scenario is remembered by id, so a renamed scenario is still found
//! and one deleted since is forgotten (the map then opens on its first scenario).

use murmuration_core::model::{Map, ScenarioId};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The most maps remembered; the oldest entries go first.
const LIMIT: usize = 64;

pub struct ShownScenarios {
    file: PathBuf,
}

/// The record on disk: each map's path with the scenario last shown, and the order they were set.
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Record {
    /// Paths, least recently set first.
    order: Vec<String>,
    shown: BTreeMap<String, String>,
}

impl ShownScenarios {
    pub fn at(file: PathBuf) -> Self {
        Self { file }
    }

    fn read(&self) -> Record {
        std::fs::read_to_string(&self.file)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The scenario to show for `map` opened from `path`: the one remembered if it is still
    /// there, else the first.
    pub fn for_map(&self, path: &Path, map: &Map) -> ScenarioId {
        let remembered = self.read().shown.remove(&key(path));
        remembered
            .map(ScenarioId)
            .filter(|id| map.scenario(id).is_some())
            .unwrap_or_else(|| map.scenarios[0].id.clone())
    }

    /// Remembers that `path` shows `scenario`. A record that cannot be written is no loss worth
    /// a message: the map then opens on its first scenario.
    pub fn remember(&self, path: &Path, scenario: &ScenarioId) {
        let mut record = self.read();
        let key = key(path);
        if record.shown.get(&key) == Some(&scenario.0) {
            return;
        }
        record.order.retain(|p| p != &key);
        record.order.push(key.clone());
        record.shown.insert(key, scenario.0.clone());
        while record.order.len() > LIMIT {
            let oldest = record.order.remove(0);
            record.shown.remove(&oldest);
        }
        if let Ok(text) = serde_json::to_string_pretty(&record) {
            let _ = std::fs::write(&self.file, text);
        }
    }
}

/// The path as the record names it: absolute where it can be, so one map has one entry.
fn key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::ShownScenarios;
    use murmuration_core::model::ScenarioId;
    use murmuration_core::sample::riverside_unified;

    #[test]
    fn each_map_reopens_on_its_own_scenario_and_a_deleted_one_falls_back_to_the_first() {
        let dir = std::env::temp_dir().join(format!("murmuration-shown-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let record = ShownScenarios::at(dir.join("shown-scenarios.json"));
        let map = riverside_unified();
        let (first, second) = (map.scenarios[0].id.clone(), map.scenarios[1].id.clone());
        let (ours, theirs) = (dir.join("ours.murm"), dir.join("theirs.murm"));

        assert_eq!(record.for_map(&ours, &map), first, "nothing remembered yet");
        record.remember(&ours, &second);
        record.remember(&theirs, &first);
        let again = ShownScenarios::at(dir.join("shown-scenarios.json"));
        assert_eq!(again.for_map(&ours, &map), second);
        assert_eq!(again.for_map(&theirs, &map), first);

        record.remember(&ours, &ScenarioId("deleted since".into()));
        assert_eq!(record.for_map(&ours, &map), first);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
