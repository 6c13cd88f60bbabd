//! What the window receives after an edit (`murmuration_core::change`): applied to the snapshot
//! before, it gives the snapshot after — for any sequence of edits, undos included.

use crate::fixture::{district, sc};
use crate::ops::random_op;
use murmuration_core::change::MapChange;
use murmuration_core::model::{Map, ScenarioId};
use murmuration_core::ops;
use murmuration_core::snapshot::MapSnapshot;
use murmuration_core::store::Change;
use proptest::prelude::*;

/// What the window's store does with a change (ui/src/state/mapStore.ts), written plainly.
fn applied(mut snapshot: MapSnapshot, change: &MapChange) -> MapSnapshot {
    let gone = |id: &murmuration_core::model::ElementId| change.removed_elements.contains(id);
    snapshot.elements.retain(|e| !gone(&e.id));
    snapshot
        .elements
        .retain(|e| !change.elements.iter().any(|c| c.id == e.id));
    snapshot.elements.extend(change.elements.iter().cloned());
    snapshot
        .labels
        .retain(|l| !gone(&l.id) && !change.labels.iter().any(|c| c.id == l.id));
    snapshot.labels.extend(change.labels.iter().cloned());
    snapshot
        .relations
        .retain(|r| !change.removed_relations.contains(&r.id));
    snapshot
        .relations
        .retain(|r| !change.relations.iter().any(|c| c.id == r.id));
    snapshot.relations.extend(change.relations.iter().cloned());
    snapshot.positions.retain(|p| {
        !gone(&p.id)
            && !change
                .positions
                .iter()
                .any(|c| c.view == p.view && c.id == p.id)
            && !change
                .unplaced
                .iter()
                .any(|c| c.view == p.view && c.id == p.id)
    });
    snapshot.positions.extend(change.positions.iter().cloned());
    if let Some(title) = &change.title {
        snapshot.title = title.clone();
    }
    if let Some(scenarios) = &change.scenarios {
        snapshot.scenarios = scenarios.clone();
    }
    if let Some(scenes) = &change.scenes {
        snapshot.scenes = scenes.clone();
    }
    snapshot.can_undo = change.can_undo;
    snapshot.can_redo = change.can_redo;
    snapshot
}

/// Snapshots compared as sets: the store keeps no order of its own.
fn canonical(mut s: MapSnapshot) -> String {
    s.elements.sort_by(|a, b| a.id.cmp(&b.id));
    s.labels.sort_by(|a, b| a.id.cmp(&b.id));
    s.relations.sort_by(|a, b| a.id.cmp(&b.id));
    s.positions
        .sort_by(|a, b| (a.view, &a.id).cmp(&(b.view, &b.id)));
    serde_json::to_string(&s).expect("snapshot as JSON")
}

fn snapshot(map: &Map, shown: &ScenarioId, undo: bool) -> MapSnapshot {
    MapSnapshot::of(map, shown, None, undo, false)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Every op that applies, and then every inverse: the change sent for it turns the window's
    /// snapshot into the one the core now holds.
    #[test]
    fn a_change_turns_the_old_snapshot_into_the_new(seeds in proptest::collection::vec(any::<u64>(), 1..30)) {
        let mut map = district();
        let shown = sc();
        let mut window = snapshot(&map, &shown, false);
        let mut inverses = Vec::new();
        let mut counter = 0;
        let mut generation = 0;
        let mut step = |map: &mut Map, op: &ops::Op, window: &mut MapSnapshot| -> Option<ops::Op> {
            let applied = ops::apply(map, &shown, op).ok()?;
            generation += 1;
            let change = Change { scenario: shown.clone(), effect: applied.effect, can_undo: true, can_redo: false };
            let sent = MapChange::of(map, &shown, &change, 1, generation);
            *window = applied_to(window, &sent);
            Some(applied.inverse)
        };
        for seed in seeds {
            let op = random_op(&map, &shown, seed, &mut counter);
            if let Some(inverse) = step(&mut map, &op, &mut window) {
                inverses.push(inverse);
            }
            prop_assert_eq!(canonical(window.clone()), canonical(snapshot(&map, &shown, window.can_undo)));
        }
        for inverse in inverses.into_iter().rev() {
            step(&mut map, &inverse, &mut window).expect("inverse applies");
            prop_assert_eq!(canonical(window.clone()), canonical(snapshot(&map, &shown, window.can_undo)));
        }
    }
}

fn applied_to(window: &MapSnapshot, change: &MapChange) -> MapSnapshot {
    applied(window.clone(), change)
}

#[test]
fn an_edit_to_another_scenario_draws_nothing_on_screen() {
    let mut map = district();
    let op = ops::Op::AddScenario {
        scenario: murmuration_core::model::Scenario::empty("To be"),
        copy_from: Some(sc()),
        at: None,
    };
    let applied = ops::apply(&mut map, &sc(), &op).expect("added");
    let change = Change {
        scenario: sc(),
        effect: applied.effect,
        can_undo: true,
        can_redo: false,
    };
    let sent = MapChange::of(&map, &sc(), &change, 1, 1);
    assert!(sent.draws_nothing(), "a copied scenario is not on screen");
    assert_eq!(
        sent.scenarios.as_ref().map(Vec::len),
        Some(2),
        "the list of scenarios is sent"
    );
}
