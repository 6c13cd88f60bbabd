//! Resident memory of the app window, all its processes together (the app, WebKit's web and
//! network processes), as a user's task manager adds it up: the processes the benchmark started,
//! leaving out the test's own machinery (Xvfb, tauri-driver, WebKitWebDriver).

use std::collections::HashMap;

/// The test's machinery, not the app.
const NOT_THE_APP: [&str; 3] = ["Xvfb", "tauri-driver", "WebKitWebDriver"];

/// One process of the window: its name, resident set and proportional set (shared pages split
/// between the processes that map them), in MiB.
pub struct Resident {
    pub name: String,
    pub rss_mib: f64,
    pub pss_mib: f64,
}

/// Every process descended from this one, except the machinery: pid and name.
pub fn window_pids() -> Vec<(u32, String)> {
    let mut parent_of = HashMap::new();
    let mut name_of = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid ...": the name may hold spaces, so split after its last ')'.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let ppid = stat[close + 2..]
            .split(' ')
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        parent_of.insert(pid, ppid.unwrap_or(0));
        name_of.insert(pid, stat[open + 1..close].to_string());
    }
    let me = std::process::id();
    let descends = |mut pid: u32| {
        while let Some(&parent) = parent_of.get(&pid) {
            if parent == me {
                return true;
            }
            pid = parent;
        }
        false
    };
    name_of
        .into_iter()
        .filter(|(pid, name)| descends(*pid) && !NOT_THE_APP.contains(&name.as_str()))
        .collect()
}

/// The window's processes and their memory.
pub fn window_processes() -> Vec<Resident> {
    window_pids()
        .into_iter()
        .map(|(pid, name)| Resident {
            name,
            rss_mib: kib(pid, "status", "VmRSS:") / 1024.0,
            pss_mib: kib(pid, "smaps_rollup", "Pss:") / 1024.0,
        })
        .collect()
}

/// When the app's own process started, in milliseconds since the Unix epoch (to ~10 ms): the
/// moment a user's launch begins, without the test's X server and WebDriver before it.
pub fn app_started_ms() -> Option<f64> {
    let (pid, _) = window_pids()
        .into_iter()
        .find(|(_, name)| name == "murmuration")?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let close = stat.rfind(')')?;
    // Field 22, start time in clock ticks after boot; fields after the name start at field 3.
    let ticks: f64 = stat[close + 2..].split(' ').nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs_f64();
    // Clock ticks are 1/100 s on Linux (USER_HZ).
    Some((now - (uptime - ticks / 100.0)) * 1000.0)
}

fn kib(pid: u32, file: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// "total MiB (name rss, …)" for the log.
pub fn describe(processes: &[Resident]) -> String {
    let parts: Vec<String> = processes
        .iter()
        .map(|p| format!("{} {:.0}/{:.0}", p.name, p.rss_mib, p.pss_mib))
        .collect();
    format!(
        "RSS {:.0} MiB, PSS {:.0} MiB (name RSS/PSS: {})",
        processes.iter().map(|p| p.rss_mib).sum::<f64>(),
        processes.iter().map(|p| p.pss_mib).sum::<f64>(),
        parts.join(", ")
    )
}
