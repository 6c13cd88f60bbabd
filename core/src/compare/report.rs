//! A comparison as the command line prints it: the change list grouped, then the lens deltas, in
//! words; or as JSON whose top level lists the ids of the elements and relations added, removed
//! and changed, then the lenses (docs/cli.md).

use super::deltas::{LensDelta, LensDeltas};
use super::diff::{Change, ChangeGroup, ChangeKind, ChangeSubject, ScenarioDiff};
use super::overlay::Mark;
use crate::model::ScenarioId;
use crate::vocabulary::change_mark_style;
use serde::Serialize;

/// Ids added, removed and changed (moved ones are changed: their parent differs).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IdLists {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

/// The `diff --json` document; fields in this order.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub elements: IdLists,
    pub relations: IdLists,
    pub lenses: Vec<LensDelta>,
    pub from: ScenarioId,
    pub to: ScenarioId,
    /// The change list as the window shows it.
    pub changes: Vec<Change>,
}

impl DiffReport {
    pub fn of(diff: &ScenarioDiff, deltas: LensDeltas) -> Self {
        let mut elements = IdLists::default();
        let mut relations = IdLists::default();
        for c in &diff.changes {
            let (lists, id) = match &c.subject {
                ChangeSubject::Element { id } => (&mut elements, id.0.clone()),
                ChangeSubject::Relation { id } => (&mut relations, id.0.clone()),
            };
            match c.kind {
                ChangeKind::Added => lists.added.push(id),
                ChangeKind::Removed => lists.removed.push(id),
                ChangeKind::Changed | ChangeKind::Moved => lists.changed.push(id),
            }
        }
        for lists in [&mut elements, &mut relations] {
            lists.added.sort();
            lists.removed.sort();
            lists.changed.sort();
        }
        DiffReport {
            elements,
            relations,
            lenses: deltas.lenses,
            from: diff.from.clone(),
            to: diff.to.clone(),
            changes: diff.changes.clone(),
        }
    }
}

fn heading(group: ChangeGroup) -> &'static str {
    match group {
        ChangeGroup::Structure => "Structure",
        ChangeGroup::FlowsAndBarriers => "Flows and barriers",
        ChangeGroup::Memberships => "Memberships and home bases",
        ChangeGroup::Attributes => "Attributes",
    }
}

fn badge(kind: ChangeKind) -> &'static str {
    change_mark_style(match kind {
        ChangeKind::Added => Mark::Added,
        ChangeKind::Removed => Mark::Removed,
        ChangeKind::Changed => Mark::Changed,
        ChangeKind::Moved => Mark::Moved,
    })
    .badge
}

/// The change list under its group headings, each change with its mark's badge, then each
/// lens's rows.
pub fn diff_words(from: &str, to: &str, diff: &ScenarioDiff, deltas: &LensDeltas) -> String {
    let n = diff.changes.len();
    let mut out = format!(
        "From \u{201c}{from}\u{201d} to \u{201c}{to}\u{201d}: {}.\n",
        match n {
            0 => "no changes".to_owned(),
            1 => "1 change".to_owned(),
            n => format!("{n} changes"),
        }
    );
    let mut group = None;
    for c in &diff.changes {
        if group != Some(c.group) {
            group = Some(c.group);
            out.push_str(&format!("\n{}\n", heading(c.group)));
        }
        out.push_str(&format!("  {} {}\n", badge(c.kind), c.words));
    }
    out.push_str("\nWhat it does to the network\n");
    for lens in &deltas.lenses {
        out.push_str(&format!("\n{}\n", lens.label));
        for row in &lens.rows {
            out.push_str(&format!("  {}\n", row.words));
        }
    }
    out
}
