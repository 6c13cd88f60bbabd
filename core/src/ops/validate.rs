//! The map's invariants, checked: an element, a relation or a scene against the map it is in (for
//! each edit), and a whole scenario or map at once (for what arrives whole: a file, JSON, an
//! undone delete). See the module header of `ops` for the list; each failure is its own
//! [`ErrorKind`].

use super::dates::check_span;
use super::missing::{name_of, unknown_element};
use super::ScenarioIndex;
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Map, Point, Relation, RelationDetails,
    RelationKind, Scenario, ScenarioId, Scene, Span, SprintStatus, Viewport,
};
use std::collections::{HashMap, HashSet};

/// Checks an element on its own and against the elements it names (not its place in the nesting).
/// `element` may be new or replace the element with its id; lookups of its own id see the new one.
pub(super) fn validate_element(sc: &Scenario, element: &Element) -> Result<()> {
    check_span(&element.annotations.span, &element.id.0, || {
        element.name.clone()
    })?;
    let get = |id: &ElementId| -> Option<&Element> {
        if id == &element.id {
            Some(element)
        } else {
            sc.elements.get(id)
        }
    };
    if let Some(parent) = &element.parent {
        let p = get(parent).ok_or_else(|| unknown_element(parent))?;
        if !p.kind().is_group() {
            return Err(CoreError::new(
                ErrorKind::ParentNotGroup,
                format!(
                    "\"{}\" cannot be put inside \"{}\": only offices, sites, communities and sprint teams can contain others.",
                    element.name, p.name
                ),
            )
            .about(&element.id.0)
            .about(&parent.0));
        }
    }
    match &element.details {
        ElementDetails::Person {
            position,
            home_base,
            ..
        } => {
            if let Some(office) = position {
                let o = get(office).ok_or_else(|| unknown_element(office))?;
                if o.kind() != ElementKind::Office {
                    return Err(CoreError::new(
                        ErrorKind::PositionNotOffice,
                        format!(
                            "{}'s position must be held in an office, and \"{}\" is a {}.",
                            element.name,
                            o.name,
                            o.kind().label().to_lowercase()
                        ),
                    )
                    .about(&element.id.0)
                    .about(&office.0));
                }
            }
            if let Some(community) = home_base {
                let c = get(community).ok_or_else(|| unknown_element(community))?;
                if c.kind() != ElementKind::Community {
                    return Err(CoreError::new(
                        ErrorKind::HomeBaseNotCommunity,
                        format!(
                            "{}'s home base must be a community, and \"{}\" is a {}.",
                            element.name,
                            c.name,
                            c.kind().label().to_lowercase()
                        ),
                    )
                    .about(&element.id.0)
                    .about(&community.0));
                }
            }
        }
        ElementDetails::Office {
            hospiced: Some(date),
            ..
        } if !date.is_undated() => {
            let when = Span {
                from: Some(date.clone()),
                until: None,
            };
            check_span(&when, &element.id.0, || {
                format!("when {} was hospiced", element.name)
            })?;
        }
        ElementDetails::SprintTeam { status, .. } => check_sprint_end(element, *status)?,
        ElementDetails::Routine { steps, .. } => {
            for owner in steps.iter().filter_map(|s| s.owner.as_ref()) {
                get(owner).ok_or_else(|| unknown_element(owner))?;
            }
        }
        ElementDetails::Rule {
            owner: Some(owner), ..
        } => {
            super::cascade::check_owner(element, get(owner).ok_or_else(|| unknown_element(owner))?)?
        }
        _ => {}
    }
    Ok(())
}

/// A sprint team's status is what it is at its last date: one with an end date (`until`) has
/// ended — dissolved, transformed or absorbed into a routine. An ended team may lack the date
/// (nobody wrote it down); a forming or active team may not have one.
fn check_sprint_end(element: &Element, status: SprintStatus) -> Result<()> {
    match &element.annotations.span.until {
        Some(until) if !status.has_ended() => Err(CoreError::new(
            ErrorKind::SprintStatusSpan,
            format!(
                "\"{}\" ends in {until} but its status says it is still {}: set its status to dissolved, transformed or absorbed into a routine, or remove the end date.",
                element.name,
                if status == SprintStatus::Forming { "forming" } else { "active" }
            ),
        )
        .about(&element.id.0)),
        _ => Ok(()),
    }
}

/// Putting `child` into `parent` must not put a group inside itself. Walks up from the parent.
pub(super) fn check_nesting(
    sc: &Scenario,
    child: &ElementId,
    parent: Option<&ElementId>,
) -> Result<()> {
    let Some(parent) = parent else { return Ok(()) };
    let p = sc
        .elements
        .get(parent)
        .ok_or_else(|| unknown_element(parent))?;
    if !p.kind().is_group() {
        return Err(CoreError::new(
            ErrorKind::ParentNotGroup,
            format!(
                "\"{}\" cannot be put inside \"{}\": only offices, sites, communities and sprint teams can contain others.",
                name_of(sc, child),
                p.name
            ),
        )
        .about(&child.0)
        .about(&parent.0));
    }
    let mut at = Some(parent);
    let mut steps = 0usize;
    while let Some(id) = at {
        if id == child || steps > sc.elements.len() {
            return Err(CoreError::new(
                ErrorKind::NestingCycle,
                format!(
                    "\"{}\" cannot be put inside \"{}\", because \"{}\" is already inside \"{}\".",
                    name_of(sc, child),
                    p.name,
                    p.name,
                    name_of(sc, child)
                ),
            )
            .about(&child.0)
            .about(&parent.0));
        }
        at = sc.elements.get(id).and_then(|e| e.parent.as_ref());
        steps += 1;
    }
    Ok(())
}

/// An element whose kind changes must still fit where others rely on its kind.
pub(super) fn check_kind_change(
    sc: &Scenario,
    idx: &ScenarioIndex,
    element: &Element,
) -> Result<()> {
    let kind = element.kind();
    if !kind.is_group() {
        if let Some(child) = idx.children_of(&element.id).next() {
            return Err(CoreError::new(
                ErrorKind::ParentNotGroup,
                format!(
                    "\"{}\" cannot become a {} while it contains \"{}\": only offices, sites, communities and sprint teams can contain others.",
                    element.name,
                    kind.label().to_lowercase(),
                    name_of(sc, child)
                ),
            )
            .about(&element.id.0)
            .about(&child.0));
        }
    }
    for referrer in idx.referrers_of(&element.id) {
        if let Some(ElementDetails::Person {
            position,
            home_base,
            ..
        }) = sc.elements.get(referrer).map(|e| &e.details)
        {
            if position.as_ref() == Some(&element.id) && kind != ElementKind::Office {
                return Err(CoreError::new(
                    ErrorKind::PositionNotOffice,
                    format!(
                        "\"{}\" must stay an office: {} holds a position in it.",
                        element.name,
                        name_of(sc, referrer)
                    ),
                )
                .about(&element.id.0)
                .about(&referrer.0));
            }
            if home_base.as_ref() == Some(&element.id) && kind != ElementKind::Community {
                return Err(CoreError::new(
                    ErrorKind::HomeBaseNotCommunity,
                    format!(
                        "\"{}\" must stay a community: it is {}'s home base.",
                        element.name,
                        name_of(sc, referrer)
                    ),
                )
                .about(&element.id.0)
                .about(&referrer.0));
            }
        }
    }
    super::cascade::check_kind_change(sc, idx, element)
}

/// Checks a relation on its own: its ends, dates and volume (not reports-to cycles).
pub(super) fn validate_relation(sc: &Scenario, relation: &Relation) -> Result<()> {
    for end in [&relation.source, &relation.target] {
        if !sc.elements.contains_key(end) {
            return Err(CoreError::new(
                ErrorKind::DanglingRelation,
                format!(
                    "A {} line must join two things on the map, and {} is not on it.",
                    relation.kind().label().to_lowercase(),
                    end.0
                ),
            )
            .about(&relation.id.0)
            .about(&end.0));
        }
    }
    // Only an error needs the label; building it for every relation of a big map costs.
    let label = || {
        format!(
            "{} → {}",
            name_of(sc, &relation.source),
            name_of(sc, &relation.target)
        )
    };
    check_span(&relation.annotations.span, &relation.id.0, label)?;
    if let RelationDetails::Flow { volume, .. } = relation.details {
        if !(1..=5).contains(&volume) {
            return Err(CoreError::new(
                ErrorKind::FlowVolume,
                format!(
                    "A flow's volume goes from 1 (a trickle) to 5 (constant); {volume} is outside that ({}).",
                    label()
                ),
            )
            .about(&relation.id.0));
        }
    }
    super::cascade::check_ends(sc, relation)
}

pub(super) fn check_point(element: &ElementId, point: Point) -> Result<()> {
    if point.x.is_finite() && point.y.is_finite() {
        Ok(())
    } else {
        Err(CoreError::new(
            ErrorKind::InvalidPoint,
            format!(
                "{} cannot be drawn at ({}, {}): a position must be an ordinary number.",
                element.0, point.x, point.y
            ),
        )
        .about(&element.0))
    }
}

/// Checks every invariant of a whole scenario at once (for scenarios that arrive whole: a file,
/// JSON, an undone delete). Cycles are found with one pass over the graph, not one walk per edge.
pub fn validate_scenario(sc: &Scenario) -> Result<()> {
    for (id, element) in &sc.elements {
        if id != &element.id {
            return Err(CoreError::new(
                ErrorKind::IdMismatch,
                format!(
                    "The map lists element {} under the id {}; they must be the same.",
                    element.id.0, id.0
                ),
            )
            .about(&id.0));
        }
        validate_element(sc, element)?;
    }
    check_no_nesting_cycle(sc)?;
    let mut bosses: HashMap<&ElementId, Vec<&ElementId>> = HashMap::new();
    let mut sources: HashMap<&ElementId, Vec<&ElementId>> = HashMap::new();
    for (id, relation) in &sc.relations {
        if id != &relation.id {
            return Err(CoreError::new(
                ErrorKind::IdMismatch,
                format!(
                    "The map lists relation {} under the id {}; they must be the same.",
                    relation.id.0, id.0
                ),
            )
            .about(&id.0));
        }
        validate_relation(sc, relation)?;
        let ups = match relation.kind() {
            RelationKind::ReportsTo => &mut bosses,
            RelationKind::DerivesFrom => &mut sources,
            _ => continue,
        };
        ups.entry(&relation.source)
            .or_default()
            .push(&relation.target);
    }
    if let Some(boss) = first_in_a_loop(&bosses) {
        return Err(CoreError::new(
            ErrorKind::ReportsToCycle,
            format!(
                "The reports-to lines go round in a circle: {} ends up reporting to itself.",
                name_of(sc, boss)
            ),
        )
        .about(&boss.0));
    }
    if let Some(rule) = first_in_a_loop(&sources) {
        return Err(super::cascade::derives_from_itself(sc, rule));
    }
    for points in sc.positions.values() {
        for (id, point) in points {
            if !sc.elements.contains_key(id) {
                return Err(unknown_element(id));
            }
            check_point(id, *point)?;
        }
    }
    Ok(())
}

/// Each element's chain of parents must end. `state` is true for elements whose chain is known to
/// end, false for those on the chain being walked; one pass over all elements.
fn check_no_nesting_cycle(sc: &Scenario) -> Result<()> {
    let mut state: HashMap<&ElementId, bool> = HashMap::with_capacity(sc.elements.len());
    let mut path: Vec<&ElementId> = Vec::new();
    for start in sc.elements.keys() {
        let mut at = Some(start);
        while let Some(id) = at {
            match state.get(id) {
                Some(true) => break,
                Some(false) => {
                    return Err(CoreError::new(
                        ErrorKind::NestingCycle,
                        format!(
                            "\"{}\" is nested inside itself (through its parents).",
                            name_of(sc, id)
                        ),
                    )
                    .about(&id.0))
                }
                None => {
                    state.insert(id, false);
                    path.push(id);
                    at = sc.elements.get(id).and_then(|e| e.parent.as_ref());
                }
            }
        }
        for id in path.drain(..) {
            state.insert(id, true);
        }
    }
    Ok(())
}

/// An element on a loop of `ups` (each element's lines upward), if any: depth-first search with
/// three colours, one pass over the lines.
fn first_in_a_loop<'a>(ups: &HashMap<&'a ElementId, Vec<&'a ElementId>>) -> Option<&'a ElementId> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<&ElementId, Mark> = HashMap::new();
    for &start in ups.keys() {
        if marks.contains_key(start) {
            continue;
        }
        // (node, index of the next line up to follow)
        let mut stack: Vec<(&ElementId, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::OnPath);
        while let Some((node, next)) = stack.pop() {
            let up = ups.get(node).map_or(&[][..], |v| v.as_slice());
            if let Some(&above) = up.get(next) {
                stack.push((node, next + 1));
                match marks.get(above) {
                    Some(Mark::OnPath) => return Some(above),
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(above, Mark::OnPath);
                        stack.push((above, 0));
                    }
                }
            } else {
                marks.insert(node, Mark::Done);
            }
        }
    }
    None
}

/// Checks a scene against the map it is in: its scenario exists, its viewport is a real
/// rectangle, every element in its focus is in that scenario, its time is a date. The lens is not
/// checked: it is the id of a lens the analysis may know, kept as text.
pub fn validate_scene(map: &Map, scene: &Scene) -> Result<()> {
    let Some(sc) = map.scenario(&scene.scenario) else {
        return Err(CoreError::new(
            ErrorKind::UnknownScenario,
            format!(
                "The scene \"{}\" shows the scenario {}, which is not in this map.",
                scene.title, scene.scenario.0
            ),
        )
        .about(&scene.id.0)
        .about(&scene.scenario.0));
    };
    if let Some(with) = scene.compare.as_ref().map(|c| &c.with) {
        if map.scenario(with).is_none() {
            return Err(CoreError::new(
                ErrorKind::UnknownScenario,
                format!(
                    "The scene \"{}\" compares with the scenario {}, which is not in this map.",
                    scene.title, with.0
                ),
            )
            .about(&scene.id.0)
            .about(&with.0));
        }
    }
    if let Some(v) = scene.viewport {
        check_viewport(scene, v)?;
    }
    if let Some(missing) = scene
        .filters
        .focus
        .iter()
        .find(|id| !sc.elements.contains_key(*id))
    {
        return Err(CoreError::new(
            ErrorKind::UnknownElement,
            format!(
                "The scene \"{}\" brings forward {}, which is not in the scenario \"{}\".",
                scene.title, missing.0, sc.name
            ),
        )
        .about(&scene.id.0)
        .about(&missing.0));
    }
    let time = Span {
        from: scene.time.clone(),
        until: None,
    };
    check_span(&time, &scene.id.0, || {
        format!("the scene \"{}\"", scene.title)
    })
}

fn check_viewport(scene: &Scene, v: Viewport) -> Result<()> {
    let finite = [v.x, v.y, v.width, v.height].iter().all(|n| n.is_finite());
    if finite && v.width > 0.0 && v.height > 0.0 {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorKind::InvalidViewport,
        format!(
            "The scene \"{}\" cannot show the area at ({}, {}), {} wide and {} high: it must be ordinary numbers, with a width and height above 0.",
            scene.title, v.x, v.y, v.width, v.height
        ),
    )
    .about(&scene.id.0))
}

/// A scenario's name must say which scenario it is: not empty, and unlike every other scenario's
/// name in `map` once trimmed and ignoring case ("To be" and "to be " are one name), since the
/// picker, scenes and the command line's `--scenario NAME` tell scenarios apart by name. `id` is
/// the scenario that is to bear the name (its own name is no clash).
pub fn check_scenario_name(map: &Map, id: &ScenarioId, name: &str) -> Result<()> {
    let wanted = name.trim();
    if wanted.is_empty() {
        return Err(
            CoreError::new(ErrorKind::ScenarioName, "A scenario needs a name.").about(&id.0),
        );
    }
    let wanted = wanted.to_lowercase();
    match map
        .scenarios
        .iter()
        .find(|s| &s.id != id && s.name.trim().to_lowercase() == wanted)
    {
        Some(other) => Err(CoreError::new(
            ErrorKind::ScenarioName,
            format!(
                "There is already a scenario named \"{}\"; give this one another name.",
                other.name.trim()
            ),
        )
        .about(&id.0)
        .about(&other.id.0)),
        None => Ok(()),
    }
}

/// Checks every invariant of a whole map.
pub fn validate_map(map: &Map) -> Result<()> {
    if map.scenarios.is_empty() {
        return Err(CoreError::new(
            ErrorKind::LastScenario,
            "A map needs at least one scenario, and this one has none.",
        ));
    }
    let mut seen = HashSet::new();
    for sc in &map.scenarios {
        if !seen.insert(&sc.id) {
            return Err(CoreError::new(
                ErrorKind::DuplicateId,
                format!("Two scenarios share the id {}.", sc.id.0),
            )
            .about(&sc.id.0));
        }
        validate_scenario(sc)?;
    }
    let mut seen = HashSet::new();
    for scene in &map.scenes {
        if !seen.insert(&scene.id) {
            return Err(CoreError::new(
                ErrorKind::DuplicateId,
                format!("Two scenes share the id {}.", scene.id.0),
            )
            .about(&scene.id.0));
        }
        validate_scene(map, scene)?;
    }
    Ok(())
}
