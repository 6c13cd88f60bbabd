//! Starts what an end-to-end test needs — a private X display, tauri-driver, the real app — and
//! tears all of it down by PID when the test ends, pass or fail.
//!
//! Sessions run one at a time (tauri-driver drives one app at once, and two WebKit windows would
//! fight over 2 cores). Screenshots are taken at the X level: a WebDriver screenshot of a large
//! canvas can hang WebKitWebDriver.

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The app binary under test: `MURMURATION_BIN`, or the debug build in the cargo target dir.
pub fn app_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("MURMURATION_BIN") {
        return PathBuf::from(bin);
    }
    target_dir().join("debug").join("murmuration")
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// Where screenshots of the real window go: `<target>/e2e-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create screenshot dir");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A child started in a process group of its own; dropping it kills the whole group, so
/// tauri-driver's WebKitWebDriver (and the app it launched) go with it.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One running app window with a WebDriver client attached.
pub struct AppWindow {
    pub client: Client,
    pub display: String,
    pub data_home: PathBuf,
    driver: Option<Killed>,
    _xvfb: Killed,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

pub struct Launch {
    /// Arguments for the app (e.g. a `.murm` file to open).
    pub args: Vec<String>,
    /// The app's XDG data home: where it keeps the sample map and its settings. Reuse one to
    /// "restart" the app on the same state.
    pub data_home: PathBuf,
}

impl Launch {
    pub fn fresh() -> Self {
        let data_home = std::env::temp_dir().join(format!(
            "murmuration-e2e-{}-{}",
            std::process::id(),
            Instant::now().elapsed().as_nanos() ^ rand_seed()
        ));
        std::fs::create_dir_all(&data_home).expect("data home");
        Self {
            args: Vec::new(),
            data_home,
        }
    }
}

fn rand_seed() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

fn start_xvfb() -> (Killed, String) {
    let mut xvfb = Command::new("Xvfb")
        .process_group(0)
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1600x1000x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb must be installed (the README's setup installs it)");
    let mut line = String::new();
    BufReader::new(xvfb.stdout.take().expect("xvfb stdout"))
        .read_line(&mut line)
        .expect("Xvfb display number");
    (Killed(xvfb), format!(":{}", line.trim()))
}

fn wait_for_port(port: u16, within: Duration) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < within,
            "tauri-driver did not listen on {port} within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl AppWindow {
    /// Launches the real app under a private X display and waits until the map is drawn.
    pub async fn launch(launch: Launch) -> AppWindow {
        let turn = ONE_AT_A_TIME.lock().await;
        let binary = app_binary();
        assert!(
            binary.exists(),
            "the app is not built at {} (run `cargo build -p murmuration` after `npm --prefix ui run build`)",
            binary.display()
        );
        let (xvfb, display) = start_xvfb();
        let port = free_port();
        let native_port = free_port();
        let driver = Command::new("tauri-driver")
            .process_group(0)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .env("XDG_DATA_HOME", &launch.data_home)
            .env("XDG_CONFIG_HOME", launch.data_home.join("config"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (the README's test setup installs it)");
        let driver = Killed(driver);
        wait_for_port(port, Duration::from_secs(20));
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": binary, "args": launch.args }
        });
        let client = ClientBuilder::rustls()
            .expect("tls")
            .capabilities(caps.as_object().expect("caps").clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session with the app");
        let window = AppWindow {
            client,
            display,
            data_home: launch.data_home,
            driver: Some(driver),
            _xvfb: xvfb,
            _turn: turn,
        };
        window
            .wait_until(
                "document.body.dataset.mapReady === 'true'",
                Duration::from_secs(60),
            )
            .await;
        window
    }

    /// Evaluates `script` (a JS expression) in the window.
    pub async fn eval(&self, expression: &str) -> Value {
        self.client
            .execute(&format!("return ({expression});"), vec![])
            .await
            .unwrap_or_else(|e| panic!("evaluating `{expression}`: {e}"))
    }

    pub async fn wait_until(&self, condition: &str, within: Duration) {
        let start = Instant::now();
        loop {
            if self.eval(condition).await == Value::Bool(true) {
                return;
            }
            assert!(
                start.elapsed() < within,
                "`{condition}` still false after {within:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Clicks the control marked `data-testid="{test_id}"`.
    pub async fn click(&self, test_id: &str) {
        // Into the middle of its scrolled panel first: WebKitWebDriver refuses a click on a control
        // it would have to scroll to (a long scenes list).
        self.eval(&format!(
            "document.querySelector(\"[data-testid='{test_id}']\")?.scrollIntoView({{block: 'center'}}), true"
        ))
        .await;
        self.client
            .find(Locator::Css(&format!("[data-testid='{test_id}']")))
            .await
            .unwrap_or_else(|e| panic!("no [data-testid={test_id}]: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {test_id}: {e}"));
    }

    /// The centre of the element named `name` where the canvas draws it, in the window's CSS
    /// pixels (what pointer actions take).
    pub async fn centre_of(&self, name: &str) -> (f64, f64) {
        let at = self
            .eval(&format!(
                "window.__murmuration.rendered().find(e => e.name === {name:?} && e.inViewport) ?? null"
            ))
            .await;
        match (at["x"].as_f64(), at["y"].as_f64()) {
            (Some(x), Some(y)) => (x, y),
            _ => panic!("{name} is not drawn in view"),
        }
    }

    /// Runs mouse actions as WebDriver input (real mouse events in the page).
    pub async fn mouse(&self, actions: MouseActions) {
        self.client
            .perform_actions(actions)
            .await
            .expect("mouse actions");
    }

    /// Presses `chord` as WebDriver key input: every key down in order, then up in reverse
    /// (`[Key::Control.into(), 'z']` is Ctrl+Z), to whatever has the keyboard focus.
    pub async fn press(&self, chord: &[char]) {
        let mut keys = KeyActions::new("keyboard".into());
        for &value in chord {
            keys = keys.then(KeyAction::Down { value });
        }
        for &value in chord.iter().rev() {
            keys = keys.then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(keys)
            .await
            .expect("key actions");
    }

    /// Types `text` one key at a time.
    pub async fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.press(&[c]).await;
        }
    }

    /// Clicks (or, with `times` = 2, double-clicks) the element named `name` on the canvas.
    pub async fn click_on_canvas(&self, name: &str, times: usize) {
        let (x, y) = self.centre_of(name).await;
        let mut mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        });
        for _ in 0..times {
            mouse = mouse
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                });
        }
        self.mouse(mouse).await;
    }

    /// Waits until nothing on the canvas moves any more (a layout computed in the background,
    /// then animated; a zoom), so that a screenshot shows where things end up.
    pub async fn settled(&self) {
        const PLACES: &str =
            "JSON.stringify([window.__murmuration.cy.zoom(), window.__murmuration.cy.pan(), \
                              window.__murmuration.rendered().map(e => [e.x, e.y, e.w, e.h])])";
        let within = Duration::from_secs(20);
        let start = Instant::now();
        let mut before = self.eval(PLACES).await;
        loop {
            tokio::time::sleep(Duration::from_millis(400)).await;
            let now = self.eval(PLACES).await;
            if now == before {
                return;
            }
            assert!(
                start.elapsed() < within,
                "the canvas kept moving for {within:?}"
            );
            before = now;
        }
    }

    /// Names of the elements drawn on the canvas and inside the visible viewport.
    pub async fn names_in_view(&self) -> Vec<String> {
        let value = self
            .eval("window.__murmuration.rendered().filter(e => e.inViewport).map(e => e.name)")
            .await;
        serde_json::from_value(value).expect("names")
    }

    /// Titles of the top-level X windows on this display (the native window title).
    pub fn window_titles(&self) -> Vec<String> {
        let out = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .env("DISPLAY", &self.display)
            .output()
            .expect("xwininfo (x11-utils)");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| {
                let start = l.find('"')? + 1;
                let end = l[start..].find('"')? + start;
                Some(l[start..end].to_owned())
            })
            .collect()
    }

    /// Saves a PNG of the whole display to `<target>/e2e-screenshots/<name>.png`.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .env("DISPLAY", &self.display)
            .status()
            .expect("import (imagemagick)");
        assert!(status.success(), "screenshot failed");
        path
    }

    /// Clicks the view switch and waits until the canvas shows `view` ("network" or "org_chart").
    pub async fn show_view(&self, view: &str) {
        self.click(&format!("view-{view}")).await;
        self.wait_until(
            &format!("window.__murmuration.view() === '{view}'"),
            Duration::from_secs(20),
        )
        .await;
    }

    /// Leaves the presentation with its exit button and waits until it is gone.
    pub async fn leave_presentation(&self) {
        self.click("present-exit").await;
        self.wait_until(
            "document.querySelector(\"[data-testid='presentation']\") === null",
            Duration::from_secs(30),
        )
        .await;
    }

    /// Quits and starts the app again on the same data home: it opens the last map.
    pub async fn restart(self) -> AppWindow {
        let data_home = self.quit().await;
        AppWindow::launch(Launch {
            args: Vec::new(),
            data_home,
        })
        .await
    }

    /// Ends the session and the app. The data home stays, so a relaunch sees the same state.
    pub async fn quit(mut self) -> PathBuf {
        let _ = self.client.clone().close().await;
        self.driver.take();
        self.data_home.clone()
    }
}
