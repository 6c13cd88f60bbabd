//! Edits through the file as people make them: names are trimmed by the core, and an edit that
//! changes nothing (a rename to the same name, give or take surrounding spaces) records no undo
//! step and writes nothing.

use crate::fixture::*;
use crate::store::temp;
use murmuration_core::model::*;
use murmuration_core::ops::Op;
use murmuration_core::store::Document;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// The bytes of a map file and its write-ahead log, as they are on the disk now.
fn on_disk(path: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
    let mut wal = PathBuf::from(path).into_os_string();
    wal.push("-wal");
    (
        std::fs::read(path).expect("map file"),
        std::fs::read(&wal).ok(),
    )
}

/// An open map with one edit done (so there is an undo step) and one undone (a redo tail).
fn edited(dir: &Path) -> (Document, PathBuf) {
    let path = dir.join("edits.murm");
    let mut doc = Document::create(&path, &district()).expect("create");
    for title in ["First title", "Second title"] {
        doc.apply(
            &sc(),
            &Op::SetTitle {
                title: title.into(),
            },
        )
        .expect("title");
    }
    doc.undo().expect("undo");
    (doc, path)
}

/// Applies `op` and checks that it changed nothing anywhere: not the map, not the undo and redo
/// state, not a byte on the disk.
fn is_no_edit(doc: &mut Document, path: &Path, op: &Op) {
    let map = doc.map().clone();
    let (can_undo, can_redo) = (doc.can_undo(), doc.can_redo());
    let disk = on_disk(path);
    let change = doc.apply(&sc(), op).expect("a repeated value is accepted");
    assert_eq!(doc.map(), &map, "{op:?} changes nothing in the map");
    assert_eq!(
        (change.can_undo, change.can_redo),
        (can_undo, can_redo),
        "{op:?}"
    );
    assert_eq!((doc.can_undo(), doc.can_redo()), (can_undo, can_redo));
    assert!(on_disk(path) == disk, "{op:?} writes nothing to the file");
}

#[test]
fn renaming_to_the_same_name_give_or_take_spaces_is_no_edit() {
    let dir = temp();
    let (mut doc, path) = edited(dir.path());
    let office = scenario(doc.map()).elements[&ElementId::from("tl")].clone();
    for name in [
        office.name.clone(),
        format!("{} ", office.name),
        format!("\t {}\n", office.name),
    ] {
        let mut renamed = office.clone();
        renamed.name = name;
        is_no_edit(&mut doc, &path, &Op::UpdateElement { element: renamed });
    }
    let relation = scenario(doc.map()).relations[&RelationId::from("r-tl")].clone();
    is_no_edit(&mut doc, &path, &Op::UpdateRelation { relation });
    let title = format!("  {}  ", doc.map().title);
    is_no_edit(&mut doc, &path, &Op::SetTitle { title });
    let name = format!("{} ", doc.map().scenarios[0].name);
    is_no_edit(&mut doc, &path, &Op::RenameScenario { id: sc(), name });

    // A scene: adding it is an edit, repeating it with spaces round its title is not.
    let mut scene = Scene::new("Where we are", sc(), View::Network);
    scene.id = SceneId("now".into());
    doc.apply(
        &sc(),
        &Op::AddScene {
            scene: scene.clone(),
            at: None,
        },
    )
    .expect("add scene");
    scene.title = " Where we are ".into();
    is_no_edit(&mut doc, &path, &Op::UpdateScene { scene });
    assert_eq!(doc.map().scenes[0].title, "Where we are");
}

#[test]
fn names_are_stored_trimmed_and_a_real_rename_is_one_undo_step() {
    let dir = temp();
    let (mut doc, path) = edited(dir.path());
    let mut office = scenario(doc.map()).elements[&ElementId::from("tl")].clone();
    let before = office.name.clone();
    office.name = "  Office of Learning ".into();
    doc.apply(&sc(), &Op::UpdateElement { element: office })
        .expect("rename");
    let stored = |doc: &Document| {
        scenario(doc.map()).elements[&ElementId::from("tl")]
            .name
            .clone()
    };
    assert_eq!(stored(&doc), "Office of Learning");
    assert!(!doc.can_redo(), "a real edit drops the redo tail");
    drop(doc);
    let mut doc = Document::open(&path).expect("reopen");
    assert_eq!(
        stored(&doc),
        "Office of Learning",
        "the file holds the trimmed name"
    );
    doc.redo().expect_err("nothing to redo");
    doc.undo().expect("the rename is one step");
    assert_eq!(stored(&doc), before);
    doc.redo().expect("redo");
    assert_eq!(stored(&doc), "Office of Learning");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Any element given back with its own name padded by any white space is no edit.
    #[test]
    fn an_element_repeated_with_padded_name_is_no_edit(
        pick in any::<prop::sample::Index>(),
        before in "[ \t\n]{0,3}",
        after in "[ \t\n]{0,3}",
    ) {
        let dir = temp();
        let (mut doc, path) = edited(dir.path());
        let elements: Vec<Element> = scenario(doc.map()).elements.values().cloned().collect();
        let mut element = pick.get(&elements).clone();
        element.name = format!("{before}{}{after}", element.name);
        is_no_edit(&mut doc, &path, &Op::UpdateElement { element });
    }
}

#[test]
fn only_ops_that_set_things_to_what_they_were_change_nothing() {
    use murmuration_core::ops::{self, Placement};
    let map = district();
    let does_nothing = |op: Op| {
        let mut edited = map.clone();
        let applied = ops::apply(&mut edited, &sc(), &op).expect("applies");
        (applied.changes_nothing(), edited == map)
    };
    let dir = scenario(&map).elements[&ElementId::from("dir")].clone();
    let at = scenario(&map).positions[&View::Network][&ElementId::from("dir")];
    let moved = |point| Op::Move {
        view: View::Network,
        positions: vec![Placement {
            element: "dir".into(),
            point: Some(point),
        }],
    };
    let nest = |parent: &str| Op::Nest {
        child: "dir".into(),
        parent: Some(parent.into()),
    };
    assert_eq!(does_nothing(moved(at)), (true, true));
    assert_eq!(does_nothing(nest("ll")), (true, true));
    assert_eq!(
        does_nothing(Op::UpdateElement {
            element: dir.clone()
        }),
        (true, true)
    );
    assert_eq!(does_nothing(Op::Batch { ops: vec![] }), (true, true));
    assert_eq!(
        does_nothing(moved(Point {
            x: at.x + 1.0,
            y: at.y
        })),
        (false, false)
    );
    assert_eq!(does_nothing(nest("super")), (false, false));
    // Put somewhere and back: the map ends as it was, but two real steps were taken.
    let there_and_back = Op::Batch {
        ops: vec![nest("super"), nest("ll")],
    };
    assert_eq!(does_nothing(there_and_back), (false, true));
    let mut renamed = dir;
    renamed.name = "Director".into();
    assert_eq!(
        does_nothing(Op::UpdateElement { element: renamed }),
        (false, false)
    );
}
