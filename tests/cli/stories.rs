//! A deck of one story: `export --format deck --story NAME` prints that story's scenes and no
//! other; an unknown story is refused naming the map's stories, and nothing is written.

use super::{arg, murmuration, sample_map};

/// `murmuration export MAP --format deck --story STORY --out OUT`.
fn deck_of_story(
    map: &std::path::Path,
    story: &str,
    out: &std::path::Path,
) -> std::process::Output {
    murmuration(&[
        "export",
        arg(map),
        "--format",
        "deck",
        "--story",
        story,
        "--out",
        arg(out),
    ])
}

fn text_of(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args([arg(pdf), "-"])
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_deck_of_one_story_prints_that_story_s_scenes_only() {
    let (dir, map) = sample_map("story-deck");
    let out = dir.join("purchasing.pdf");
    let run = deck_of_story(&map, "the purchasing bottleneck", &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = text_of(&out);
    for title in [
        "The cascade behind the 47-day purchase",
        "Rules nobody has checked",
        "The service redesign: 10 days",
    ] {
        assert!(text.contains(title), "{title} is in the deck");
    }
    for other in [
        "The org chart we draw",
        "Offices by decade",
        "A district standard",
    ] {
        assert!(!text.contains(other), "{other} belongs to another story");
    }

    let none = dir.join("none.pdf");
    let run = deck_of_story(&map, "Budget season", &none);
    assert!(!run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("no story \u{201c}Budget season\u{201d}")
            && said.contains("The graduate capstone"),
        "{said}"
    );
    assert!(!none.exists(), "nothing written");
}
