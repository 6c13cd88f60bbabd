//! The cascade's invariants (004): a rule's owner is an office; "derives from" joins two rules
//! and never loops; a rule governs what is not a rule (a step only of a routine that has it); a
//! barrier claims a rule or nothing. Kept apart from `validate` so the cascade reads in one place.

use super::missing::name_of;
use super::ScenarioIndex;
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Relation, RelationDetails, Scenario,
};

/// A rule is owned by an office: the one that writes it and can change it.
pub(super) fn check_owner(rule: &Element, owner: &Element) -> Result<()> {
    if owner.kind() == ElementKind::Office {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorKind::RuleOwnerNotOffice,
        format!(
            "The rule \"{}\" must be owned by an office, and \"{}\" is a {}.",
            rule.name,
            owner.name,
            owner.kind().label().to_lowercase()
        ),
    )
    .about(&rule.id.0)
    .about(&owner.id.0))
}

/// The kinds at the ends of a cascade relation, and the rule a barrier claims.
pub(super) fn check_ends(sc: &Scenario, relation: &Relation) -> Result<()> {
    check_ends_with(sc, relation, |id| sc.elements.get(id).map(Element::kind))
}

/// [`check_ends`] with the kinds `kind_of` gives (an element about to change kind).
fn check_ends_with(
    sc: &Scenario,
    relation: &Relation,
    kind_of: impl Fn(&ElementId) -> Option<ElementKind>,
) -> Result<()> {
    let is_rule = |id: &ElementId| kind_of(id) == Some(ElementKind::Rule);
    let (s, t) = (&relation.source, &relation.target);
    let refuse = |why: String| {
        Err(CoreError::new(ErrorKind::CascadeEnds, why)
            .about(&relation.id.0)
            .about(&s.0)
            .about(&t.0))
    };
    match &relation.details {
        RelationDetails::DerivesFrom if !is_rule(s) || !is_rule(t) => refuse(format!(
            "Only a rule can derive from a rule, and \"{}\" → \"{}\" joins {}.",
            name_of(sc, s),
            name_of(sc, t),
            kinds_named(sc, s, t)
        )),
        RelationDetails::Governs { .. } if !is_rule(s) || is_rule(t) => refuse(format!(
            "A rule governs an office, a site, a routine or a person, not \"{}\" → \"{}\" ({}); use “derives from” between rules.",
            name_of(sc, s),
            name_of(sc, t),
            kinds_named(sc, s, t)
        )),
        RelationDetails::Governs { step: Some(n) } => check_step(sc, relation, *n),
        RelationDetails::Barrier {
            claims: Some(rule), ..
        } if !is_rule(rule) => refuse(format!(
            "The barrier \"{}\" → \"{}\" can only claim a rule on the map, and \"{}\" is not one.",
            name_of(sc, s),
            name_of(sc, t),
            name_of(sc, rule)
        )),
        _ => Ok(()),
    }
}

/// An element changing kind keeps the cascade whole: the lines it ends, the rules it owns and the
/// barriers that claim it still hold with its new kind.
pub(super) fn check_kind_change(
    sc: &Scenario,
    idx: &ScenarioIndex,
    element: &Element,
) -> Result<()> {
    let kind = element.kind();
    let Some(was) = sc.elements.get(&element.id).map(Element::kind) else {
        return Ok(());
    };
    if was == kind {
        return Ok(());
    }
    let kind_of = |id: &ElementId| {
        if id == &element.id {
            Some(kind)
        } else {
            sc.elements.get(id).map(Element::kind)
        }
    };
    for rid in idx.incident_to(&element.id) {
        check_ends_with(sc, &sc.relations[rid], kind_of)?;
    }
    for referrer in idx.referrers_of(&element.id) {
        if let Some(
            rule @ Element {
                details: ElementDetails::Rule { owner: Some(o), .. },
                ..
            },
        ) = sc.elements.get(referrer)
        {
            if o == &element.id {
                check_owner(rule, element)?;
            }
        }
    }
    if was == ElementKind::Rule {
        if let Some(barrier) = forget_claims(sc, &element.id).first() {
            return check_ends_with(sc, &sc.relations[&barrier.id], kind_of);
        }
    }
    Ok(())
}

fn kinds_named(sc: &Scenario, s: &ElementId, t: &ElementId) -> String {
    let kind = |id: &ElementId| {
        sc.elements
            .get(id)
            .map_or("nothing", |e| e.kind().label())
            .to_lowercase()
    };
    format!("a {} and a {}", kind(s), kind(t))
}

/// A rule that governs one step names a step the routine has (1-based).
fn check_step(sc: &Scenario, relation: &Relation, step: u32) -> Result<()> {
    let steps = match sc.elements.get(&relation.target).map(|e| &e.details) {
        Some(ElementDetails::Routine { steps, .. }) => steps.len(),
        _ => 0,
    };
    if step >= 1 && step as usize <= steps {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorKind::CascadeEnds,
        format!(
            "\"{}\" cannot govern step {step} of \"{}\": {}.",
            name_of(sc, &relation.source),
            name_of(sc, &relation.target),
            if steps == 0 {
                "only a routine with steps has steps".to_owned()
            } else {
                format!("it has steps 1 to {steps}")
            }
        ),
    )
    .about(&relation.id.0))
}

/// The error for a file or JSON whose "derives from" lines loop through `rule`.
pub(super) fn derives_from_itself(sc: &Scenario, rule: &ElementId) -> CoreError {
    CoreError::new(
        ErrorKind::RuleCycle,
        format!(
            "The rules' “derives from” lines go round in a circle: \"{}\" ends up deriving from itself.",
            name_of(sc, rule)
        ),
    )
    .about(&rule.0)
}

/// The barriers that claim `rule`, with the claim dropped: deleting a rule leaves them claiming
/// nothing (an unchecked rule) rather than naming what is gone.
pub(super) fn forget_claims(sc: &Scenario, rule: &ElementId) -> Vec<Relation> {
    sc.relations
        .values()
        .filter_map(|r| match &r.details {
            RelationDetails::Barrier {
                claims: Some(c), ..
            } if c == rule => {
                let mut cleared = r.clone();
                if let RelationDetails::Barrier { claims, .. } = &mut cleared.details {
                    *claims = None;
                }
                Some(cleared)
            }
            _ => None,
        })
        .collect()
}
