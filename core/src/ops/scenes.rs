//! The ops on a map's scenes, its story: add, update, move to another place, delete.

use super::missing::scene_index;
use super::validate::validate_scene;
use super::{Applied, Op};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{Map, Scene, SceneId};

pub(super) fn add(map: &mut Map, scene: &Scene, at: Option<u32>) -> Result<Applied> {
    if map.scene(&scene.id).is_some() {
        return Err(CoreError::new(
            ErrorKind::DuplicateId,
            format!(
                "There is already a scene with the id {}; a new scene needs its own.",
                scene.id.0
            ),
        )
        .about(&scene.id.0));
    }
    validate_scene(map, scene)?;
    let at = at.map_or(map.scenes.len(), |a| (a as usize).min(map.scenes.len()));
    map.scenes.insert(at, scene.clone());
    Ok(Applied {
        effect: Op::AddScene {
            scene: scene.clone(),
            at: Some(at as u32),
        },
        inverse: Op::DeleteScene {
            id: scene.id.clone(),
        },
    })
}

pub(super) fn update(map: &mut Map, scene: &Scene) -> Result<Applied> {
    let at = scene_index(map, &scene.id)?;
    validate_scene(map, scene)?;
    let old = std::mem::replace(&mut map.scenes[at], scene.clone());
    Ok(Applied {
        effect: Op::UpdateScene {
            scene: scene.clone(),
        },
        inverse: Op::UpdateScene { scene: old },
    })
}

pub(super) fn move_to(map: &mut Map, id: &SceneId, to: u32) -> Result<Applied> {
    let from = scene_index(map, id)?;
    let to = (to as usize).min(map.scenes.len() - 1);
    let moved = map.scenes.remove(from);
    map.scenes.insert(to, moved);
    Ok(Applied {
        effect: Op::MoveScene {
            id: id.clone(),
            to: to as u32,
        },
        inverse: Op::MoveScene {
            id: id.clone(),
            to: from as u32,
        },
    })
}

pub(super) fn delete(map: &mut Map, id: &SceneId) -> Result<Applied> {
    let at = scene_index(map, id)?;
    let old = map.scenes.remove(at);
    Ok(Applied {
        effect: Op::DeleteScene { id: id.clone() },
        inverse: Op::AddScene {
            scene: old,
            at: Some(at as u32),
        },
    })
}
