//! `analyze --json` on a small purchasing story: the cascade, the Operating System lens and the
//! instructional core are there, with their figures and words.

use super::{arg, murmuration, scratch};

/// A school asking Procurement, which asks Legal; a 3-step purchase of 47 days; a board policy
/// carried down to the quotes step; a practice with no policy above it; a barrier claiming no rule.
const PURCHASING: &str = r#"{"format": "murmuration-map", "version": 2, "map": {"title": "Purchasing", "scenarios": [{
  "id": "s", "name": "As is",
  "elements": {
    "rhs": {"id": "rhs", "name": "Riverside High", "kind": "site"},
    "proc": {"id": "proc", "name": "Procurement", "kind": "office", "function": "operations"},
    "legal": {"id": "legal", "name": "Legal", "kind": "office", "function": "operations"},
    "ra": {"id": "ra", "name": "Research", "kind": "office"},
    "tl": {"id": "tl", "name": "Teaching & Learning", "kind": "office", "function": "instruction"},
    "buy": {"id": "buy", "name": "Purchasing", "kind": "routine", "steps": [
      {"name": "Request", "owner": "rhs", "days": 2},
      {"name": "Quotes", "owner": "proc", "days": 30},
      {"name": "Legal review", "owner": "legal", "days": 15}]},
    "bp": {"id": "bp", "name": "Timely purchasing", "kind": "rule", "level": "board_policy"},
    "pr": {"id": "pr", "name": "Three quotes", "kind": "rule", "level": "procedural_practice", "owner": "proc"},
    "hab": {"id": "hab", "name": "Legal reads every order", "kind": "rule", "level": "procedural_practice", "owner": "legal"}
  },
  "relations": {
    "p1": {"id": "p1", "kind": "flow", "source": "rhs", "target": "proc", "medium": "permission", "volume": 3},
    "p2": {"id": "p2", "kind": "flow", "source": "proc", "target": "legal", "medium": "permission", "volume": 3},
    "f1": {"id": "f1", "kind": "flow", "source": "tl", "target": "rhs", "medium": "ideas", "direction": "both", "volume": 3},
    "m1": {"id": "m1", "kind": "flow", "source": "ra", "target": "tl", "volume": 3, "mode": "monitor"},
    "m2": {"id": "m2", "kind": "flow", "source": "ra", "target": "tl", "medium": "feedback", "volume": 2, "mode": "monitor"},
    "d1": {"id": "d1", "kind": "derives_from", "source": "pr", "target": "bp"},
    "g1": {"id": "g1", "kind": "governs", "source": "pr", "target": "buy", "step": 2},
    "g2": {"id": "g2", "kind": "governs", "source": "hab", "target": "buy", "step": 3},
    "b1": {"id": "b1", "kind": "barrier", "source": "tl", "target": "rhs", "reason": "Forbidden by contract"}
  }
}]}}"#;

#[test]
fn analyze_json_has_the_cascade_the_operating_system_and_the_instructional_core() {
    let dir = scratch("system-lenses");
    let json = dir.join("purchasing.json");
    std::fs::write(&json, PURCHASING).expect("written");
    let map = dir.join("purchasing.murm");
    let run = murmuration(&["import", "json", arg(&json), "--out", arg(&map)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run = murmuration(&["analyze", arg(&map), "--json"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let a: serde_json::Value = serde_json::from_slice(&run.stdout).expect("analyze prints JSON");
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&a["cascade"]),
        ["habits", "paper_only", "rules", "unchecked_rules", "words"]
    );
    assert_eq!(
        keys(&a["operating_system"]),
        [
            "chains",
            "offices",
            "open_loop_count",
            "open_loops",
            "routines",
            "words"
        ]
    );
    assert_eq!(
        keys(&a["instructional_core"]),
        ["core", "loose_coupling", "offices", "words"]
    );
    assert_eq!(a["cascade"]["habits"][0]["name"], "Legal reads every order");
    assert_eq!(
        a["cascade"]["unchecked_rules"][0]["words"],
        "Teaching & Learning → Riverside High (“Forbidden by contract”): an unchecked rule — it claims no rule on the map"
    );
    assert_eq!(a["operating_system"]["routines"][0]["days"], 47);
    assert_eq!(
        a["operating_system"]["routines"][0]["words"],
        "Purchasing: 47 days over 3 steps; Procurement holds it longest, 30 days (64%); the slowest step is “Quotes”, 30 days"
    );
    assert_eq!(
        a["instructional_core"]["loose_coupling"][0]["name"],
        "Research"
    );
    // Rules are not units of the network: 5 offices and sites and a routine, no rules.
    assert_eq!(a["density"]["elements"], 6);
}
