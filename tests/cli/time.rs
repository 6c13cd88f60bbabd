//! The command line in time: `analyze --at`, `export --at` and the replay export, on a dated map
//! that is not the sample.

use super::{arg, murmuration, scratch};
use std::path::{Path, PathBuf};

/// A small district whose pieces come and go: an office since 2010, a sprint team of
/// September 2020 to June 2021, a community from 2019-03, a partner until 2019, and flows
/// dated on their own (one outliving its end, one with an end before its element's).
const DATED: &str = r#"{"format": "murmuration-map", "version": 2, "map": {"title": "Dated", "scenarios": [{
  "id": "s", "name": "As is",
  "elements": {
    "office": {"id": "office", "name": "Office", "kind": "office", "established": 2010, "span": {"from": "2010"}},
    "team": {"id": "team", "name": "Team", "kind": "sprint_team", "status": "dissolved", "span": {"from": "2020-09", "until": "2021-06"}},
    "cop": {"id": "cop", "name": "Community", "kind": "community", "span": {"from": "2019-03"}},
    "partner": {"id": "partner", "name": "Partner", "kind": "partner", "span": {"until": "2019"}},
    "person": {"id": "person", "name": "Person", "kind": "person"}
  },
  "relations": {
    "f1": {"id": "f1", "kind": "flow", "source": "office", "target": "partner", "medium": "ideas", "direction": "both", "volume": 3, "mode": "support"},
    "f2": {"id": "f2", "kind": "flow", "source": "team", "target": "cop", "medium": "ideas", "direction": "both", "volume": 3, "mode": "support", "span": {"from": "2021-01-15"}},
    "f3": {"id": "f3", "kind": "flow", "source": "person", "target": "cop", "medium": "ideas", "direction": "both", "volume": 3, "mode": "support", "span": {"until": "2022-02"}},
    "m1": {"id": "m1", "kind": "member_of", "source": "person", "target": "team", "span": {"from": "2020-09", "until": "2021-06"}}
  }
}]}}"#;

fn dated_map(dir: &Path) -> PathBuf {
    let json = dir.join("dated.json");
    std::fs::write(&json, DATED).expect("written");
    let map = dir.join("dated.murm");
    let run = murmuration(&["import", "json", arg(&json), "--out", arg(&map)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    map
}

fn analysis_at(map: &Path, at: &str) -> serde_json::Value {
    let run = murmuration(&["analyze", arg(map), "--at", at, "--json"]);
    assert!(
        run.status.success(),
        "{at}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).expect("JSON")
}

#[test]
fn analyze_at_counts_exactly_what_was_alive_then() {
    let dir = scratch("analyze-at");
    let map = dated_map(&dir);
    // (moment, elements alive, flows alive): a flow needs its two ends and its own span.
    for (at, elements, flows) in [
        ("2009", 2, 0),       // partner, person; the office is not yet established
        ("2018", 3, 1),       // + office; f1 office–partner
        ("2019-12-31", 4, 2), // + community; the partner's last day: f1, f3
        ("2020-08", 3, 1),    // the partner gone, the team not formed yet: f3
        ("2020", 4, 1),       // the team formed in September, inside the year
        ("2021-01", 4, 2),    // f2 from 15 January counts within the month
        ("2021", 4, 2),       // a period counts to its last day: the team until June
        ("2022-03", 3, 0),    // the team gone, f3 ended in February 2022
    ] {
        let a = analysis_at(&map, at);
        assert_eq!(a["moment"], at, "the JSON names the moment");
        assert_eq!(a["density"]["elements"], elements, "{at}: elements");
        assert_eq!(a["density"]["flows"], flows, "{at}: flows");
    }
    let run = murmuration(&["analyze", arg(&map), "--json"]);
    let whenever: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(whenever["moment"], serde_json::Value::Null);
    assert_eq!(whenever["density"]["elements"], 5);
    assert_eq!(whenever["density"]["flows"], 3);
}

#[test]
fn a_bad_date_or_a_backwards_replay_is_one_line_naming_the_forms() {
    let dir = scratch("bad-dates");
    let map = dated_map(&dir);
    let out = dir.join("replay.pdf");
    for args in [
        vec!["analyze", arg(&map), "--at", "spring 2021"],
        vec![
            "export",
            arg(&map),
            "--format",
            "pdf",
            "--at",
            "2021-13",
            "--out",
            arg(&out),
        ],
        vec![
            "export",
            arg(&map),
            "--format",
            "replay",
            "--from",
            "2021-04-31",
            "--to",
            "2022",
            "--out",
            arg(&out),
        ],
        vec![
            "export",
            arg(&map),
            "--format",
            "replay",
            "--from",
            "2022",
            "--to",
            "2021",
            "--out",
            arg(&out),
        ],
    ] {
        let run = murmuration(&args);
        assert!(!run.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        for form in ["2021", "2021-04", "2021-04-15"] {
            assert!(err.contains(form), "{args:?} names {form}: {err}");
        }
        assert!(!out.exists(), "nothing written");
    }
}

/// The text of each page of a PDF, by pdftotext.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let run = std::process::Command::new("pdftotext")
        .args(["-layout", arg(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&run.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn a_replay_is_a_page_per_step_titled_by_date_and_an_animated_png() {
    let dir = scratch("replay");
    let map = dated_map(&dir);
    let pdf = dir.join("replay.pdf");
    let run = murmuration(&[
        "export",
        arg(&map),
        "--format",
        "replay",
        "--from",
        "2018",
        "--to",
        "2025",
        "--step",
        "year",
        "--out",
        arg(&pdf),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = pdf_pages(&pdf);
    // One page per year 2018–2025, then each one's table of elements and relations (a tagged PDF
    // gives its content as text too).
    assert_eq!(
        pages.len(),
        2 * 8,
        "one page per year 2018–2025, then their tables"
    );
    for (page, year) in pages[..8].iter().zip(2018..) {
        assert!(
            page.contains(&format!("As of {year}")),
            "page {year}: {page}"
        );
    }
    assert!(
        !pages[0].contains("Team") && pages[3].contains("Team") && !pages[4].contains("Team"),
        "the team is drawn only in 2020 and 2021"
    );
    assert!(pages[0].contains("Partner") && !pages[2].contains("Partner"));

    let months = dir.join("months.pdf");
    let run = murmuration(&[
        "export",
        arg(&map),
        "--format",
        "replay",
        "--from",
        "2020-11",
        "--to",
        "2021-02",
        "--step",
        "month",
        "--out",
        arg(&months),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = pdf_pages(&months);
    let titles = [
        "November 2020",
        "December 2020",
        "January 2021",
        "February 2021",
    ];
    assert_eq!(
        pages.len(),
        2 * titles.len(),
        "a page per month, then their tables"
    );
    for (page, title) in pages.iter().zip(titles) {
        assert!(page.contains(title), "{title}: {page}");
    }

    let apng = dir.join("replay.png");
    let run = murmuration(&[
        "export",
        arg(&map),
        "--format",
        "replay",
        "--from",
        "2018",
        "--to",
        "2025",
        "--out",
        arg(&apng),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let decoder = png::Decoder::new(std::fs::File::open(&apng).expect("written"));
    let reader = decoder.read_info().expect("a PNG");
    let animation = reader.info().animation_control().expect("animated");
    assert_eq!(animation.num_frames, 8);
}

#[test]
fn export_at_draws_the_map_as_of_that_date() {
    let dir = scratch("export-at");
    let map = dated_map(&dir);
    let svg = |at: &str| {
        let out = dir.join(format!("{at}.svg"));
        let run = murmuration(&[
            "export",
            arg(&map),
            "--format",
            "svg",
            "--at",
            at,
            "--out",
            arg(&out),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(&out).expect("written")
    };
    let (before, during) = (svg("2019"), svg("2021-04"));
    assert!(!before.contains(r#"data-id="team""#) && during.contains(r#"data-id="team""#));
    assert!(before.contains(r#"data-id="partner""#) && !during.contains(r#"data-id="partner""#));
    assert!(during.contains("As of April 2021"));
}
