//! The map turned into rows and back: reading a file's rows into a [`Map`], and writing the rows
//! an applied op touched (only those: an edit costs what it changed, not what the map holds).

use crate::error::Result;
use crate::model::{
    Element, ElementId, Map, Point, Relation, RelationId, Scenario, ScenarioId, Scene, SceneId,
    View,
};
use crate::ops::Op;
use rusqlite::{params, Connection, Transaction};
use serde_json::Value;
use std::collections::BTreeMap;

/// Why a file's rows could not be read back into a map.
#[derive(Debug)]
pub(super) enum LoadError {
    Sql(rusqlite::Error),
    Row(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sql(e) => write!(f, "{e}"),
            Self::Row(s) => f.write_str(s),
        }
    }
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sql(e)
    }
}

/// Reads the whole map and the history cursor from a file's rows.
pub(super) fn load(conn: &Connection) -> std::result::Result<(Map, i64), LoadError> {
    let (title, cursor) = read_meta(conn)?;
    let mut scenarios = Scenarios::read(conn)?;
    read_elements(conn, &mut scenarios)?;
    read_relations(conn, &mut scenarios)?;
    read_positions(conn, &mut scenarios)?;
    let scenes = read_scenes(conn)?;
    Ok((
        Map {
            title,
            scenarios: scenarios.list,
            scenes,
        },
        cursor,
    ))
}

/// The map's title and the history cursor, from `meta`.
fn read_meta(conn: &Connection) -> std::result::Result<(String, i64), LoadError> {
    let mut title = None;
    let mut cursor = 0i64;
    for row in conn
        .prepare("SELECT key, value FROM meta")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
    {
        let (key, value) = row?;
        match key.as_str() {
            "title" => title = Some(value),
            "history_cursor" => {
                cursor = value
                    .parse()
                    .map_err(|_| LoadError::Row(format!("history cursor {value:?}")))?
            }
            _ => {}
        }
    }
    let title = title.ok_or_else(|| LoadError::Row("it has no title".into()))?;
    Ok((title, cursor))
}

/// The scenarios in their order, empty at first, and where each is by id.
struct Scenarios {
    list: Vec<Scenario>,
    slot: BTreeMap<String, usize>,
}

impl Scenarios {
    fn read(conn: &Connection) -> std::result::Result<Self, LoadError> {
        let mut list: Vec<Scenario> = Vec::new();
        for row in conn
            .prepare("SELECT id, name FROM scenarios ORDER BY ord")?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        {
            let (id, name) = row?;
            list.push(Scenario {
                id: ScenarioId(id),
                name,
                elements: BTreeMap::new(),
                relations: BTreeMap::new(),
                positions: BTreeMap::new(),
            });
        }
        let slot = list
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.0.clone(), i))
            .collect();
        Ok(Self { list, slot })
    }

    /// The scenario a row names.
    fn get(&mut self, scenario: &str) -> std::result::Result<&mut Scenario, LoadError> {
        let at = self.slot.get(scenario).copied().ok_or_else(|| {
            LoadError::Row(format!("a row names an unknown scenario {scenario:?}"))
        })?;
        Ok(&mut self.list[at])
    }
}

fn read_elements(
    conn: &Connection,
    scenarios: &mut Scenarios,
) -> std::result::Result<(), LoadError> {
    let mut stmt =
        conn.prepare("SELECT scenario, id, kind, name, parent, attributes FROM elements")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let parent = r.get_ref(4)?.as_str_or_null().map_err(|_| unreadable())?;
        let text = record(
            column_text(r, 5)?,
            &[
                ("id", Some(column_text(r, 1)?)),
                ("kind", Some(column_text(r, 2)?)),
                ("name", Some(column_text(r, 3)?)),
                ("parent", parent),
            ],
        )?;
        let element: Element = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("an element cannot be read ({e})")))?;
        scenarios
            .get(&scenario)?
            .elements
            .insert(element.id.clone(), element);
    }
    Ok(())
}

fn read_relations(
    conn: &Connection,
    scenarios: &mut Scenarios,
) -> std::result::Result<(), LoadError> {
    let mut stmt =
        conn.prepare("SELECT scenario, id, kind, source, target, attributes FROM relations")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let text = record(
            column_text(r, 5)?,
            &[
                ("id", Some(column_text(r, 1)?)),
                ("kind", Some(column_text(r, 2)?)),
                ("source", Some(column_text(r, 3)?)),
                ("target", Some(column_text(r, 4)?)),
            ],
        )?;
        let relation: Relation = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("a relation cannot be read ({e})")))?;
        scenarios
            .get(&scenario)?
            .relations
            .insert(relation.id.clone(), relation);
    }
    Ok(())
}

fn read_positions(
    conn: &Connection,
    scenarios: &mut Scenarios,
) -> std::result::Result<(), LoadError> {
    let mut stmt = conn.prepare("SELECT scenario, view, element, x, y FROM positions")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let scenario: String = r.get(0)?;
        let view: String = r.get(1)?;
        let view: View = serde_json::from_value(Value::String(view.clone()))
            .map_err(|_| LoadError::Row(format!("unknown view {view:?}")))?;
        scenarios
            .get(&scenario)?
            .positions
            .entry(view)
            .or_default()
            .insert(
                ElementId(r.get(2)?),
                Point {
                    x: r.get(3)?,
                    y: r.get(4)?,
                },
            );
    }
    Ok(())
}

fn read_scenes(conn: &Connection) -> std::result::Result<Vec<Scene>, LoadError> {
    let mut scenes = Vec::new();
    let mut stmt =
        conn.prepare("SELECT id, scenario, title, attributes FROM scenes ORDER BY ord")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text = record(
            column_text(r, 3)?,
            &[
                ("id", Some(column_text(r, 0)?)),
                ("scenario", Some(column_text(r, 1)?)),
                ("title", Some(column_text(r, 2)?)),
            ],
        )?;
        let scene: Scene = serde_json::from_str(&text)
            .map_err(|e| LoadError::Row(format!("a scene cannot be read ({e})")))?;
        scenes.push(scene);
    }
    Ok(scenes)
}

/// Column `i` of a loaded row as text.
fn column_text<'r>(r: &'r rusqlite::Row, i: usize) -> Result<&'r str, LoadError> {
    r.get_ref(i)?.as_str().map_err(|_| unreadable())
}

fn unreadable() -> LoadError {
    LoadError::Row("an attribute record is not readable".into())
}

/// The JSON of a whole element or relation: its attribute record with the column values added
/// last, so a column always wins over a stray key of the same name. Built as text, because
/// reading straight from text is about twice as fast as going through `serde_json::Value`.
fn record(
    attributes: &str,
    columns: &[(&str, Option<&str>)],
) -> std::result::Result<String, LoadError> {
    let inner = attributes
        .trim()
        .strip_prefix('{')
        .and_then(|a| a.strip_suffix('}'))
        .ok_or_else(unreadable)?
        .trim();
    let mut text = String::with_capacity(attributes.len() + 96);
    text.push('{');
    text.push_str(inner);
    for (key, value) in columns {
        let Some(value) = value else { continue };
        if text.len() > 1 {
            text.push(',');
        }
        text.push('"');
        text.push_str(key);
        text.push_str("\":");
        text.push_str(&serde_json::to_string(value).map_err(|_| unreadable())?);
    }
    text.push('}');
    Ok(text)
}

/// Splits an element, relation or scene into its column values and the JSON of everything else.
fn split(value: Value, columns: &[&str]) -> (BTreeMap<String, Value>, String) {
    let Value::Object(mut object) = value else {
        unreachable!("elements and relations serialize to objects")
    };
    let taken = columns
        .iter()
        .filter_map(|c| object.remove(*c).map(|v| ((*c).to_owned(), v)))
        .collect();
    (taken, Value::Object(object).to_string())
}

fn text(columns: &BTreeMap<String, Value>, key: &str) -> Option<String> {
    columns.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn view_name(view: View) -> String {
    match serde_json::to_value(view) {
        Ok(Value::String(s)) => s,
        _ => unreachable!("views serialize to strings"),
    }
}

pub(super) fn set_meta(tx: &Transaction, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
        .execute([key, value])?;
    Ok(())
}

pub(super) fn insert_scenario(tx: &Transaction, scenario: &Scenario, ord: usize) -> Result<()> {
    tx.prepare_cached("INSERT INTO scenarios (id, ord, name) VALUES (?1, ?2, ?3)")?
        .execute(params![scenario.id.0, ord as i64, scenario.name])?;
    for element in scenario.elements.values() {
        put_element(tx, &scenario.id, element)?;
    }
    for relation in scenario.relations.values() {
        put_relation(tx, &scenario.id, relation)?;
    }
    for (view, points) in &scenario.positions {
        for (element, point) in points {
            put_position(tx, &scenario.id, *view, element, Some(point))?;
        }
    }
    Ok(())
}

fn put_element(tx: &Transaction, scenario: &ScenarioId, element: &Element) -> Result<()> {
    let value = serde_json::to_value(element).expect("elements always serialize");
    let (columns, rest) = split(value, &["id", "kind", "name", "parent"]);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO elements (scenario, id, kind, name, parent, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        scenario.0,
        element.id.0,
        text(&columns, "kind"),
        element.name,
        element.parent.as_ref().map(|p| &p.0),
        rest
    ])?;
    Ok(())
}

fn put_relation(tx: &Transaction, scenario: &ScenarioId, relation: &Relation) -> Result<()> {
    let value = serde_json::to_value(relation).expect("relations always serialize");
    let (columns, rest) = split(value, &["id", "kind", "source", "target"]);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO relations (scenario, id, kind, source, target, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        scenario.0,
        relation.id.0,
        text(&columns, "kind"),
        relation.source.0,
        relation.target.0,
        rest
    ])?;
    Ok(())
}

pub(super) fn put_scene(tx: &Transaction, scene: &Scene) -> Result<()> {
    let value = serde_json::to_value(scene).expect("scenes always serialize");
    let (_, rest) = split(value, &["id", "scenario", "title"]);
    // `ord` is set by `renumber_scenes`; a new row starts at the end.
    tx.prepare_cached(
        "INSERT INTO scenes (id, ord, scenario, title, attributes)
         VALUES (?1, (SELECT COUNT(*) FROM scenes), ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET scenario = ?2, title = ?3, attributes = ?4",
    )?
    .execute(params![scene.id.0, scene.scenario.0, scene.title, rest])?;
    Ok(())
}

/// Writes the row of one scene as it now is in `map` (none if it was deleted).
fn sync_scene(tx: &Transaction, map: &Map, id: &SceneId) -> Result<()> {
    match map.scene(id) {
        Some(scene) => put_scene(tx, scene),
        None => {
            tx.prepare_cached("DELETE FROM scenes WHERE id = ?1")?
                .execute([&id.0])?;
            Ok(())
        }
    }
}

/// Sets every scene's `ord` to its place in the story. A story is a handful of scenes.
pub(super) fn renumber_scenes(tx: &Transaction, map: &Map) -> Result<()> {
    for (ord, scene) in map.scenes.iter().enumerate() {
        tx.prepare_cached("UPDATE scenes SET ord = ?2 WHERE id = ?1")?
            .execute(params![scene.id.0, ord as i64])?;
    }
    Ok(())
}

fn put_position(
    tx: &Transaction,
    scenario: &ScenarioId,
    view: View,
    element: &ElementId,
    point: Option<&Point>,
) -> Result<()> {
    match point {
        Some(p) => tx
            .prepare_cached(
                "INSERT OR REPLACE INTO positions (scenario, view, element, x, y)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![scenario.0, view_name(view), element.0, p.x, p.y])?,
        None => tx
            .prepare_cached(
                "DELETE FROM positions WHERE scenario = ?1 AND view = ?2 AND element = ?3",
            )?
            .execute(params![scenario.0, view_name(view), element.0])?,
    };
    Ok(())
}

/// Writes the rows an applied op touched, as they now are in `map`: only those rows.
pub(super) fn write_effect(
    tx: &Transaction,
    map: &Map,
    scenario: &ScenarioId,
    effect: &Op,
) -> Result<()> {
    let current = map.scenario(scenario);
    let sync_element = |id: &ElementId| -> Result<()> {
        match current.and_then(|s| s.elements.get(id)) {
            Some(element) => put_element(tx, scenario, element),
            None => {
                tx.prepare_cached("DELETE FROM elements WHERE scenario = ?1 AND id = ?2")?
                    .execute([&scenario.0, &id.0])?;
                Ok(())
            }
        }
    };
    let sync_relation = |id: &RelationId| -> Result<()> {
        match current.and_then(|s| s.relations.get(id)) {
            Some(relation) => put_relation(tx, scenario, relation),
            None => {
                tx.prepare_cached("DELETE FROM relations WHERE scenario = ?1 AND id = ?2")?
                    .execute([&scenario.0, &id.0])?;
                Ok(())
            }
        }
    };
    match effect {
        Op::CreateElement { element } | Op::UpdateElement { element } => sync_element(&element.id),
        Op::DeleteElement { id } => sync_element(id),
        Op::Nest { child, .. } => sync_element(child),
        Op::Connect { relation } | Op::UpdateRelation { relation } => sync_relation(&relation.id),
        Op::DeleteRelation { id } => sync_relation(id),
        Op::Move { view, positions } => {
            for p in positions {
                let point = current
                    .and_then(|s| s.positions.get(view))
                    .and_then(|points| points.get(&p.element));
                put_position(tx, scenario, *view, &p.element, point)?;
            }
            Ok(())
        }
        Op::Batch { ops } => {
            for op in ops {
                write_effect(tx, map, scenario, op)?;
            }
            Ok(())
        }
        Op::SetTitle { .. } => Ok(set_meta(tx, "title", &map.title)?),
        Op::RenameScenario { id, .. } => {
            if let Some(s) = map.scenario(id) {
                tx.prepare_cached("UPDATE scenarios SET name = ?2 WHERE id = ?1")?
                    .execute([&id.0, &s.name])?;
            }
            Ok(())
        }
        Op::AddScenario { scenario: s, .. } => rewrite_scenario(tx, map, &s.id),
        Op::DeleteScenario { id } => rewrite_scenario(tx, map, id),
        Op::MoveScenario { .. } => renumber_scenarios(tx, map),
        Op::UpdateScene { scene } => sync_scene(tx, map, &scene.id),
        Op::AddScene {
            scene: Scene { id, .. },
            ..
        }
        | Op::MoveScene { id, .. }
        | Op::DeleteScene { id } => {
            sync_scene(tx, map, id)?;
            renumber_scenes(tx, map)
        }
    }
}

/// Replaces all rows of one scenario with what `map` holds (none if it was deleted), and renumbers
/// the scenarios' order. Only scenario ops come here; they are rare and whole by nature.
fn rewrite_scenario(tx: &Transaction, map: &Map, id: &ScenarioId) -> Result<()> {
    for table in ["elements", "relations", "positions"] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE scenario = ?1"))?
            .execute([&id.0])?;
    }
    tx.prepare_cached("DELETE FROM scenarios WHERE id = ?1")?
        .execute([&id.0])?;
    if let Some((ord, s)) = map.scenarios.iter().enumerate().find(|(_, s)| &s.id == id) {
        insert_scenario(tx, s, ord)?;
    }
    renumber_scenarios(tx, map)
}

/// Sets every scenario's `ord` to its place in the map's list. A map has a handful of scenarios.
fn renumber_scenarios(tx: &Transaction, map: &Map) -> Result<()> {
    for (ord, s) in map.scenarios.iter().enumerate() {
        tx.prepare_cached("UPDATE scenarios SET ord = ?2 WHERE id = ?1")?
            .execute(params![s.id.0, ord as i64])?;
    }
    Ok(())
}
