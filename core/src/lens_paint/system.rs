//! How the District Operating System's lenses paint (004, 003): the policy cascade (rules by where
//! their chain breaks, and what an unchecked rule blocks), the Operating System (DOS offices by
//! service against permission, the slowest routine) and the instructional core (offices by how
//! far their flows are from the classroom). Every fill has a badge in words.

use super::LensPaint;
use crate::analysis::cascade::CascadeMark;
use crate::analysis::operating_system::DosStance;
use crate::analysis::Analysis;
use crate::vocabulary as vocab;

pub(super) fn cascade(paint: &mut LensPaint, analysis: &Analysis) {
    let cascade = &analysis.cascade;
    for rule in &cascade.rules {
        let (step, badge) = match rule.mark {
            Some(CascadeMark::Habit) => (vocab::CASCADE_HABIT, "habit".to_owned()),
            Some(CascadeMark::PaperOnly) => (vocab::CASCADE_PAPER_ONLY, "paper only".to_owned()),
            None => (vocab::CASCADE_WHOLE, rule.level_label.to_lowercase()),
        };
        paint.fill(&rule.rule.id, step);
        paint.badge(&rule.rule.id, badge);
    }
    for unchecked in &cascade.unchecked_rules {
        for end in [&unchecked.source, &unchecked.target] {
            if !paint.fills.contains_key(&end.id) {
                paint.fill(&end.id, vocab::CASCADE_UNCHECKED);
                paint.badge(&end.id, "unchecked rule");
            }
        }
    }
    paint.legend_from(&[
        vocab::CASCADE_WHOLE,
        vocab::CASCADE_HABIT,
        vocab::CASCADE_PAPER_ONLY,
        vocab::CASCADE_UNCHECKED,
    ]);
    paint.caption = cascade.words.clone();
}

pub(super) fn operating_system(paint: &mut LensPaint, analysis: &Analysis) {
    let os = &analysis.operating_system;
    for office in &os.offices {
        let (step, badge) = match office.stance {
            DosStance::Service => (
                vocab::DOS_SERVICE,
                format!("service · {}", office.service_given),
            ),
            DosStance::Mixed => (vocab::DOS_MIXED, "mixed".to_owned()),
            DosStance::Gatekeeper => (
                vocab::DOS_GATEKEEPER,
                format!("gatekeeper · {} asks", office.permission_demanded),
            ),
            DosStance::NoFlows => (vocab::DOS_NO_FLOWS, "no flows".to_owned()),
        };
        paint.fill(&office.office.id, step);
        paint.badge(&office.office.id, badge);
    }
    let slowest = os
        .routines
        .iter()
        .filter(|r| r.days.is_some())
        .max_by_key(|r| r.days);
    for routine in &os.routines {
        if let Some(days) = routine.days {
            paint.badge(&routine.routine.id, format!("{days} days"));
        }
        if slowest.is_some_and(|s| s.routine.id == routine.routine.id) {
            paint.fill(&routine.routine.id, vocab::DOS_SLOW_ROUTINE);
        }
    }
    paint.legend_from(&[
        vocab::DOS_SERVICE,
        vocab::DOS_MIXED,
        vocab::DOS_GATEKEEPER,
        vocab::DOS_NO_FLOWS,
        vocab::DOS_SLOW_ROUTINE,
    ]);
    paint.caption = os.words.clone();
}

pub(super) fn instructional_core(paint: &mut LensPaint, analysis: &Analysis) {
    let core = &analysis.instructional_core;
    for unit in &core.core {
        paint.fill(&unit.id, vocab::CORE_ITSELF);
        paint.badge(&unit.id, "instructional core");
    }
    for office in &core.offices {
        let (step, badge) = match office.steps {
            _ if office.loose_coupling => (vocab::CORE_LOOSE, "loose coupling".to_owned()),
            None => (vocab::CORE_UNREACHED, "no path".to_owned()),
            Some(0) => (vocab::CORE_ITSELF, "at the core".to_owned()),
            Some(1) => (vocab::CORE_NEAR, "1 step".to_owned()),
            Some(n) => (vocab::CORE_FAR, format!("{n} steps")),
        };
        paint.fill(&office.office.id, step);
        paint.badge(&office.office.id, badge);
    }
    paint.legend_from(&[
        vocab::CORE_ITSELF,
        vocab::CORE_NEAR,
        vocab::CORE_FAR,
        vocab::CORE_LOOSE,
        vocab::CORE_UNREACHED,
    ]);
    paint.caption = core.words.clone();
}
