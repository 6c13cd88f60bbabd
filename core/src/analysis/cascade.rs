//! The cascade: how a board's policy becomes procedural policy, then procedural practice on the
//! ground (004:85–87), and where that chain is broken — practice with no policy above it (habit,
//! "the triumph of habit", 004:351), policy with no practice below it ("the proverbial tree falling
//! in the forest", 004:83), and barriers that claim a rule the map does not hold ("forbidden by
//! contract or statute when in fact it is only their preferred modes of operation", 004:163).
//!
//! Rules are read from the scenario itself, not from the network lenses' context (rules are not
//! units of the network). [`cascade`] is the whole scenario's cascade for `analyze`; [`trace`] is
//! one rule's chain up to its board policy and down to the ground, which the window's cascade view
//! and the paper both draw unchanged.

use super::{list_names, plural, Named};
use crate::error::{CoreError, ErrorKind, Result};
use crate::model::scenario_of;
use crate::model::{
    Element, ElementDetails, ElementId, ElementKind, Map, RelationDetails, RelationId, RuleLevel,
    Scenario, ScenarioId,
};
use serde::Serialize;
use specta::Type;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Where a rule's chain is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CascadeMark {
    /// A procedural practice with no policy (board or procedural) above it.
    Habit,
    /// A policy (board or procedural) with no procedural practice below it.
    PaperOnly,
}

/// An element a rule governs: a site, an office, a routine, or one step of a routine.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Governed {
    pub element: Named,
    pub kind: ElementKind,
    /// The governs line.
    pub relation: RelationId,
    /// The routine's step (1-based) when the rule governs one step.
    pub step: Option<u32>,
    /// "step 2 “Three quotes” of Purchasing", or the element's name.
    pub words: String,
}

/// One rule in its cascade.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CascadeRule {
    pub rule: Named,
    pub level: RuleLevel,
    /// "Board policy", "Procedural policy", "Procedural practice".
    pub level_label: String,
    pub owner: Option<Named>,
    /// The rules it derives from (above it).
    pub derives_from: Vec<Named>,
    /// The rules that derive from it (below it).
    pub derived: Vec<Named>,
    pub governs: Vec<Governed>,
    pub mark: Option<CascadeMark>,
    pub words: String,
}

/// A barrier whose claimed rule does not exist: it claims none, or one this scenario does not hold.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct UncheckedRule {
    pub barrier: RelationId,
    pub source: Named,
    pub target: Named,
    /// The barrier's reason, as written.
    pub reason: String,
    /// The rule it claims when that rule is not in this scenario.
    pub claims: Option<ElementId>,
    /// Someone marked the barrier checked, yet no rule on the map backs it.
    pub checked: bool,
    pub words: String,
}

/// The whole scenario's cascade.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Cascade {
    /// Every rule, board policies first, then by name.
    pub rules: Vec<CascadeRule>,
    pub habits: Vec<Named>,
    pub paper_only: Vec<Named>,
    pub unchecked_rules: Vec<UncheckedRule>,
    pub words: String,
}

/// One rule's chain: up to its board policy, down to practice on the ground.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct CascadeTrace {
    pub scenario: ScenarioId,
    pub rule: CascadeRule,
    /// The rules above it, nearest first.
    pub up: Vec<CascadeRule>,
    /// The rules below it, nearest first.
    pub down: Vec<CascadeRule>,
    /// What the rule and every rule below it govern: the ground it reaches.
    pub ground: Vec<Governed>,
    /// The board policies at the top of its chain (itself when it is one).
    pub board_policies: Vec<Named>,
    /// Every element in the trace (rules and governed elements), for highlighting.
    pub elements: Vec<ElementId>,
    /// The derives-from and governs lines in the trace.
    pub relations: Vec<RelationId>,
    pub words: String,
}

/// The rules of a scenario, numbered, with their lines.
struct Rules<'a> {
    sc: &'a Scenario,
    rules: Vec<&'a Element>,
    index: HashMap<&'a ElementId, usize>,
    /// Rules each rule derives from, with the line.
    up: Vec<Vec<(usize, &'a RelationId)>>,
    /// Rules deriving from each rule, with the line.
    down: Vec<Vec<(usize, &'a RelationId)>>,
    governs: Vec<Vec<Governed>>,
    marks: Vec<Option<CascadeMark>>,
}

fn level_of(e: &Element) -> RuleLevel {
    match e.details {
        ElementDetails::Rule { level, .. } => level,
        _ => RuleLevel::ProceduralPractice,
    }
}

fn named(e: &Element) -> Named {
    Named {
        id: e.id.clone(),
        name: e.name.clone(),
    }
}

fn is_policy(level: RuleLevel) -> bool {
    level != RuleLevel::ProceduralPractice
}

impl<'a> Rules<'a> {
    fn of(sc: &'a Scenario) -> Self {
        let mut rules: Vec<&Element> = sc
            .elements
            .values()
            .filter(|e| e.kind() == ElementKind::Rule)
            .collect();
        rules.sort_by(|a, b| (level_of(a), &a.name, &a.id).cmp(&(level_of(b), &b.name, &b.id)));
        let index: HashMap<&ElementId, usize> =
            rules.iter().enumerate().map(|(i, e)| (&e.id, i)).collect();
        let n = rules.len();
        let (mut up, mut down, mut governs) = (
            vec![Vec::new(); n],
            vec![Vec::new(); n],
            vec![Vec::new(); n],
        );
        for r in sc.relations.values() {
            let Some(&s) = index.get(&r.source) else {
                continue;
            };
            match &r.details {
                RelationDetails::DerivesFrom => {
                    if let Some(&t) = index.get(&r.target) {
                        if s != t {
                            up[s].push((t, &r.id));
                            down[t].push((s, &r.id));
                        }
                    }
                }
                RelationDetails::Governs { step } => {
                    if let Some(e) = sc.elements.get(&r.target) {
                        governs[s].push(governed(e, &r.id, *step));
                    }
                }
                _ => {}
            }
        }
        for list in up.iter_mut().chain(down.iter_mut()) {
            list.sort_by_key(|&(i, id)| (i, id.clone()));
        }
        for list in &mut governs {
            list.sort_by(|a: &Governed, b: &Governed| {
                (&a.element.name, a.step, &a.relation).cmp(&(&b.element.name, b.step, &b.relation))
            });
        }
        let levels: Vec<RuleLevel> = rules.iter().map(|e| level_of(e)).collect();
        let policy_above = reaches(&up, |i| is_policy(levels[i]));
        let practice_below = reaches(&down, |i| !is_policy(levels[i]));
        let marks = (0..n)
            .map(|i| match levels[i] {
                RuleLevel::ProceduralPractice if !policy_above[i] => Some(CascadeMark::Habit),
                l if is_policy(l) && !practice_below[i] => Some(CascadeMark::PaperOnly),
                _ => None,
            })
            .collect();
        Self {
            sc,
            rules,
            index,
            up,
            down,
            governs,
            marks,
        }
    }

    fn named_list(&self, list: &[(usize, &RelationId)]) -> Vec<Named> {
        let mut seen = BTreeSet::new();
        list.iter()
            .filter(|(i, _)| seen.insert(*i))
            .map(|&(i, _)| named(self.rules[i]))
            .collect()
    }

    fn rule(&self, i: usize) -> CascadeRule {
        let e = self.rules[i];
        let level = level_of(e);
        let owner = match &e.details {
            ElementDetails::Rule { owner: Some(o), .. } => self.sc.elements.get(o).map(named),
            _ => None,
        };
        let derives_from = self.named_list(&self.up[i]);
        let derived = self.named_list(&self.down[i]);
        let governs = self.governs[i].clone();
        let mark = self.marks[i];
        let words = rule_words(
            e,
            level,
            owner.as_ref(),
            &derives_from,
            &derived,
            &governs,
            mark,
        );
        CascadeRule {
            rule: named(e),
            level,
            level_label: level.label().to_owned(),
            owner,
            derives_from,
            derived,
            governs,
            mark,
            words,
        }
    }

    /// The rules reachable from `from` along `adj`, nearest first, with the lines walked.
    fn walk(
        &self,
        from: usize,
        adj: &[Vec<(usize, &'a RelationId)>],
        lines: &mut BTreeSet<RelationId>,
    ) -> Vec<usize> {
        let mut seen = vec![false; self.rules.len()];
        seen[from] = true;
        let mut queue = VecDeque::from([from]);
        let mut out = Vec::new();
        while let Some(v) = queue.pop_front() {
            for &(u, line) in &adj[v] {
                lines.insert(line.clone());
                if !seen[u] {
                    seen[u] = true;
                    out.push(u);
                    queue.push_back(u);
                }
            }
        }
        out
    }
}

fn governed(e: &Element, relation: &RelationId, step: Option<u32>) -> Governed {
    let step_name = match (&e.details, step) {
        (ElementDetails::Routine { steps, .. }, Some(n)) => n
            .checked_sub(1)
            .and_then(|k| steps.get(k as usize))
            .map(|s| s.name.clone()),
        _ => None,
    };
    let words = match (step, step_name) {
        (Some(n), Some(s)) if !s.trim().is_empty() => {
            format!("step {n} \u{201c}{s}\u{201d} of {}", e.name)
        }
        (Some(n), _) => format!("step {n} of {}", e.name),
        _ => e.name.clone(),
    };
    Governed {
        element: named(e),
        kind: e.kind(),
        relation: relation.clone(),
        step,
        words,
    }
}

/// For each node, whether some node reachable from it along `adj` (not itself) satisfies `hit`.
/// Iterative and memoised; a loop an unvalidated map might hold ends the walk rather than looping.
fn reaches(adj: &[Vec<(usize, &RelationId)>], hit: impl Fn(usize) -> bool) -> Vec<bool> {
    // 0 unvisited, 1 on the stack, 2 done.
    let n = adj.len();
    let mut state = vec![0u8; n];
    let mut found = vec![false; n];
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        state[start] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(u, _)) = adj[v].get(*next) {
                *next += 1;
                if state[u] == 0 {
                    state[u] = 1;
                    stack.push((u, 0));
                }
                continue;
            }
            found[v] = adj[v].iter().any(|&(u, _)| hit(u) || found[u]);
            state[v] = 2;
            stack.pop();
        }
    }
    found
}

fn quoted(name: &str) -> String {
    format!("\u{201c}{name}\u{201d}")
}

fn rule_words(
    e: &Element,
    level: RuleLevel,
    owner: Option<&Named>,
    derives_from: &[Named],
    derived: &[Named],
    governs: &[Governed],
    mark: Option<CascadeMark>,
) -> String {
    let mut parts = Vec::new();
    if !derives_from.is_empty() {
        parts.push(format!(
            "derives from {}",
            list_names(derives_from.iter().map(|n| n.name.as_str()), 4)
        ));
    }
    if !derived.is_empty() {
        parts.push(format!(
            "{} {} from it",
            plural(derived.len(), "rule", "rules"),
            if derived.len() == 1 {
                "derives"
            } else {
                "derive"
            }
        ));
    }
    if !governs.is_empty() {
        parts.push(format!(
            "governs {}",
            list_names(governs.iter().map(|g| g.words.as_str()), 4)
        ));
    }
    match mark {
        Some(CascadeMark::Habit) => parts.push(
            "habit: a practice with no policy above it, only \u{201c}how things are done here\u{201d}"
                .to_owned(),
        ),
        Some(CascadeMark::PaperOnly) => parts.push(
            "paper only: a policy with no practice below it, a tree falling in the forest"
                .to_owned(),
        ),
        None => {}
    }
    let owned = owner
        .map(|o| format!(", owned by {}", o.name))
        .unwrap_or_default();
    if parts.is_empty() {
        format!("{} {}{owned}", level.label(), quoted(&e.name))
    } else {
        format!(
            "{} {}{owned}: {}",
            level.label(),
            quoted(&e.name),
            parts.join("; ")
        )
    }
}

/// The whole cascade of `sc` (a scenario as the lenses see it).
pub fn cascade(sc: &Scenario) -> Cascade {
    let rules = Rules::of(sc);
    let all: Vec<CascadeRule> = (0..rules.rules.len()).map(|i| rules.rule(i)).collect();
    let marked = |m: CascadeMark| -> Vec<Named> {
        all.iter()
            .filter(|r| r.mark == Some(m))
            .map(|r| r.rule.clone())
            .collect()
    };
    let habits = marked(CascadeMark::Habit);
    let paper_only = marked(CascadeMark::PaperOnly);
    let unchecked_rules = unchecked(sc, &rules);
    let words = cascade_words(&all, &habits, &paper_only, &unchecked_rules);
    Cascade {
        rules: all,
        habits,
        paper_only,
        unchecked_rules,
        words,
    }
}

fn unchecked(sc: &Scenario, rules: &Rules) -> Vec<UncheckedRule> {
    let mut out = Vec::new();
    for r in sc.relations.values() {
        let RelationDetails::Barrier {
            reason,
            checked,
            claims,
        } = &r.details
        else {
            continue;
        };
        if claims.as_ref().is_some_and(|c| rules.index.contains_key(c)) {
            continue;
        }
        let (Some(s), Some(t)) = (sc.elements.get(&r.source), sc.elements.get(&r.target)) else {
            continue;
        };
        let why = if claims.is_some() {
            "it claims a rule this scenario does not hold"
        } else {
            "it claims no rule on the map"
        };
        let said = if reason.trim().is_empty() {
            "no reason given".to_owned()
        } else {
            quoted(reason.trim())
        };
        let also = if *checked {
            "; marked checked, yet no rule on the map backs it"
        } else {
            ""
        };
        out.push(UncheckedRule {
            barrier: r.id.clone(),
            source: named(s),
            target: named(t),
            reason: reason.clone(),
            claims: claims.clone(),
            checked: *checked,
            words: format!(
                "{} → {} ({said}): an unchecked rule — {why}{also}",
                s.name, t.name
            ),
        });
    }
    out
}

fn cascade_words(
    all: &[CascadeRule],
    habits: &[Named],
    paper_only: &[Named],
    unchecked: &[UncheckedRule],
) -> String {
    let mut parts = Vec::new();
    if all.is_empty() {
        parts.push("No rules on this map".to_owned());
    } else {
        let count = |l: RuleLevel| all.iter().filter(|r| r.level == l).count();
        parts.push(format!(
            "{}: {}, {}, {}",
            plural(all.len(), "rule", "rules"),
            plural(
                count(RuleLevel::BoardPolicy),
                "board policy",
                "board policies"
            ),
            plural(
                count(RuleLevel::ProceduralPolicy),
                "procedural policy",
                "procedural policies"
            ),
            plural(
                count(RuleLevel::ProceduralPractice),
                "practice",
                "practices"
            )
        ));
    }
    if !habits.is_empty() {
        parts.push(format!(
            "habit, with no policy above: {}",
            list_names(habits.iter().map(|n| n.name.as_str()), 4)
        ));
    }
    if !paper_only.is_empty() {
        parts.push(format!(
            "paper only, with no practice below: {}",
            list_names(paper_only.iter().map(|n| n.name.as_str()), 4)
        ));
    }
    if !unchecked.is_empty() {
        parts.push(format!(
            "{} a rule that does not exist: {}",
            if unchecked.len() == 1 {
                "1 barrier claims".to_owned()
            } else {
                format!("{} barriers claim", unchecked.len())
            },
            list_names(
                unchecked.iter().map(|u| if u.reason.trim().is_empty() {
                    "(no reason)"
                } else {
                    u.reason.trim()
                }),
                3
            )
        ));
    }
    parts.join("; ")
}

/// One rule's cascade in `scenario` of `map`: the chain up to its board policy and down to the
/// ground. An unknown scenario, or an id that is no rule there, is an error in plain words.
pub fn trace(map: &Map, scenario: &ScenarioId, rule: &ElementId) -> Result<CascadeTrace> {
    let sc = scenario_of(map, scenario)?;
    let rules = Rules::of(sc);
    let Some(&i) = rules.index.get(rule) else {
        let message = match sc.elements.get(rule) {
            Some(e) => format!(
                "\u{201c}{}\u{201d} is not a rule: only a rule has a cascade to trace.",
                e.name
            ),
            None => format!(
                "The scenario \u{201c}{}\u{201d} has no rule with the id \u{201c}{}\u{201d}.",
                sc.name, rule.0
            ),
        };
        return Err(CoreError::new(ErrorKind::UnknownElement, message).about(&rule.0));
    };
    let mut lines = BTreeSet::new();
    let up = rules.walk(i, &rules.up, &mut lines);
    let down = rules.walk(i, &rules.down, &mut lines);
    let focus = rules.rule(i);
    let up: Vec<CascadeRule> = up.into_iter().map(|u| rules.rule(u)).collect();
    let down: Vec<CascadeRule> = down.into_iter().map(|d| rules.rule(d)).collect();
    let ground: Vec<Governed> = std::iter::once(&focus)
        .chain(down.iter())
        .flat_map(|r| r.governs.iter().cloned())
        .collect();
    let board_policies: Vec<Named> = std::iter::once(&focus)
        .chain(up.iter())
        .filter(|r| r.level == RuleLevel::BoardPolicy)
        .map(|r| r.rule.clone())
        .collect();
    lines.extend(ground.iter().map(|g| g.relation.clone()));
    let mut elements: BTreeSet<ElementId> = BTreeSet::new();
    for r in std::iter::once(&focus).chain(&up).chain(&down) {
        elements.insert(r.rule.id.clone());
    }
    elements.extend(ground.iter().map(|g| g.element.id.clone()));
    let words = trace_words(&focus, &up, &down, &ground, &board_policies);
    Ok(CascadeTrace {
        scenario: sc.id.clone(),
        rule: focus,
        up,
        down,
        ground,
        board_policies,
        elements: elements.into_iter().collect(),
        relations: lines.into_iter().collect(),
        words,
    })
}

fn trace_words(
    focus: &CascadeRule,
    up: &[CascadeRule],
    down: &[CascadeRule],
    ground: &[Governed],
    boards: &[Named],
) -> String {
    let above = if focus.level == RuleLevel::BoardPolicy {
        "a board policy, the top of its cascade".to_owned()
    } else if boards.is_empty() {
        match up.len() {
            0 => "no policy above it".to_owned(),
            n => format!(
                "no board policy above it ({} above)",
                plural(n, "rule", "rules")
            ),
        }
    } else {
        format!(
            "under board policy {}",
            list_names(boards.iter().map(|b| b.name.as_str()), 3)
        )
    };
    let below = if ground.is_empty() {
        "nothing on the ground: no rule at or below it governs anything".to_owned()
    } else {
        let through = if down.is_empty() {
            String::new()
        } else {
            format!(" through {}", plural(down.len(), "rule", "rules"))
        };
        format!(
            "on the ground{through} it governs {}",
            list_names(ground.iter().map(|g| g.words.as_str()), 5)
        )
    };
    format!(
        "{} {}: {above}; {below}",
        focus.level_label,
        quoted(&focus.rule.name)
    )
}
