//! What of the window lives in Rust: which map opens at start, the native File menu and its
//! dialogs, the recent files, and the title. Menu actions replace the open map and tell the canvas
//! with a `MapChanged` event.

use crate::events::{ImportRequested, MapChanged};
use crate::session::Session;
use murmuration_core::error::CoreError;
use murmuration_core::model::Map;
use std::path::{Path, PathBuf};
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Manager, Wry};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_specta::Event;

const RECENT_LIMIT: usize = 8;
const MAP_FILTER: (&str, &[&str]) = ("Murmuration map", &["murm"]);

/// Where the app keeps its own files.
pub struct Places {
    /// The built-in sample, written here the first time the app starts.
    pub sample_file: PathBuf,
    /// Recently opened maps, newest first, one path a line.
    recent_file: PathBuf,
    /// Which scenario each map last showed (`shown.rs`).
    pub shown_file: PathBuf,
}

impl Places {
    pub fn of(app: &AppHandle) -> Places {
        let data = app
            .path()
            .app_data_dir()
            .unwrap_or_else(|_| std::env::temp_dir().join("murmuration"));
        let config = app.path().app_config_dir().unwrap_or_else(|_| data.clone());
        let _ = std::fs::create_dir_all(&data);
        let _ = std::fs::create_dir_all(&config);
        Places {
            sample_file: data.join("Riverside Unified.murm"),
            recent_file: config.join("recent-maps.txt"),
            shown_file: config.join("shown-scenarios.json"),
        }
    }

    pub fn recent(&self) -> Vec<PathBuf> {
        std::fs::read_to_string(&self.recent_file)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.exists())
            .collect()
    }

    fn remember(&self, path: &Path) {
        let mut recent = self.recent();
        recent.retain(|p| p != path);
        recent.insert(0, path.to_owned());
        recent.truncate(RECENT_LIMIT);
        let text: Vec<String> = recent.iter().map(|p| p.display().to_string()).collect();
        let _ = std::fs::write(&self.recent_file, text.join("\n"));
    }
}

/// Opens the map named on the command line, else the last one, else the sample (writing it the
/// first time). A map that cannot be opened is reported, and the sample opens in its place.
pub fn open_at_start(app: &AppHandle, file: Option<PathBuf>) {
    let places = app.state::<Places>();
    let session = app.state::<Session>();
    let wanted = file.or_else(|| places.recent().into_iter().next());
    if let Some(path) = wanted {
        match session.open(&path) {
            Ok(_) => return remember(app, &path),
            Err(error) => tell(app, "Could not open the map", &error),
        }
    }
    let sample = places.sample_file.clone();
    let result = if sample.exists() {
        session.open(&sample)
    } else {
        session.create(&sample, &murmuration_core::sample::riverside_unified())
    };
    match result {
        Ok(_) => remember(app, &sample),
        Err(error) => session.failed(error),
    }
}

/// After a map was opened: remember it, rename the window, rebuild Open Recent, tell the canvas.
pub(crate) fn opened(app: &AppHandle, path: &Path) {
    remember(app, path);
    refresh(app);
}

/// Remembers a map just opened and renames the window after it. At start this is all: the canvas
/// asks for the map once its page has loaded, and a snapshot sent before that (tens of megabytes
/// for a big district) had the webview take it in before it even began loading the page.
fn remember(app: &AppHandle, path: &Path) {
    let places = app.state::<Places>();
    if path != places.sample_file {
        places.remember(path);
    }
    let _ = fill_recent(app);
    retitle(app);
}

/// Renames the window after the open map and sends the canvas the map as it now is.
pub fn refresh(app: &AppHandle) {
    retitle(app);
    if let Ok(snapshot) = app.state::<Session>().snapshot() {
        let _ = MapChanged { snapshot }.emit(app);
    }
}

pub fn retitle(app: &AppHandle) {
    let title = app.state::<Session>().window_title();
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}

fn tell(app: &AppHandle, title: &str, error: &CoreError) {
    app.dialog()
        .message(&error.message)
        .title(title)
        .kind(MessageDialogKind::Error)
        .show(|_| {});
}

pub fn menu(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let file = SubmenuBuilder::with_id(app, "file", "File")
        .item(
            &MenuItemBuilder::with_id("new", "New Map…")
                .accelerator("CmdOrCtrl+N")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("open", "Open…")
                .accelerator("CmdOrCtrl+O")
                .build(app)?,
        )
        .item(&SubmenuBuilder::with_id(app, "open-recent", "Open Recent").build()?)
        .item(&MenuItemBuilder::with_id("sample", "Open the Sample District").build(app)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id("import-org_chart", "Import Org Chart (CSV, XLSX)…")
                .accelerator("CmdOrCtrl+I")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("import-relations", "Import Relations into This Map…")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("import-members", "Import Members into This Map…")
                .build(app)?,
        )
        .separator()
        .item(
            &MenuItemBuilder::with_id("save-as", "Save As…")
                .accelerator("CmdOrCtrl+Shift+S")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("saved", "Every change is saved as you work")
                .enabled(false)
                .build(app)?,
        )
        .separator()
        .item(
            &MenuItemBuilder::with_id("close", "Close")
                .accelerator("CmdOrCtrl+W")
                .build(app)?,
        )
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

/// Refills File ▸ Open Recent from the list on disk.
fn fill_recent(app: &AppHandle) -> tauri::Result<()> {
    let Some(recent) = app
        .menu()
        .and_then(|menu| {
            menu.get("file")
                .or_else(|| menu.items().ok()?.into_iter().next())
        })
        .and_then(|file| file.as_submenu()?.get("open-recent"))
        .and_then(|item| item.as_submenu().cloned())
    else {
        return Ok(());
    };
    for item in recent.items()? {
        recent.remove(&item)?;
    }
    let files = app.state::<Places>().recent();
    if files.is_empty() {
        recent.append(
            &MenuItemBuilder::with_id("recent-none", "No recent maps")
                .enabled(false)
                .build(app)?,
        )?;
    }
    for (i, path) in files.iter().enumerate() {
        recent.append(
            &MenuItemBuilder::with_id(format!("recent-{i}"), path.display().to_string())
                .build(app)?,
        )?;
    }
    Ok(())
}

pub fn on_menu(app: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        "new" => ask_map_path(
            app,
            "New map",
            "Untitled district.murm",
            |app, path| match app
                .state::<Session>()
                .create_replacing(&path, &Map::new("Untitled district"))
            {
                Ok(_) => opened(app, &path),
                Err(error) => tell(app, "Could not create the map", &error),
            },
        ),
        "open" => {
            let app = app.clone();
            app.clone()
                .dialog()
                .file()
                .set_title("Open a map")
                .add_filter(MAP_FILTER.0, MAP_FILTER.1)
                .pick_file(move |chosen| {
                    if let Some(path) = chosen.and_then(|p| p.into_path().ok()) {
                        open_path(&app, &path);
                    }
                });
        }
        "sample" => {
            let sample = app.state::<Places>().sample_file.clone();
            open_path(app, &sample);
        }
        "save-as" => {
            let suggested = app
                .state::<Session>()
                .path()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
            ask_map_path(
                app,
                "Save a copy and continue in it",
                &suggested.unwrap_or_default(),
                |app, path| match app.state::<Session>().save_as(&path) {
                    Ok(_) => opened(app, &path),
                    Err(error) => tell(app, "Could not save a copy", &error),
                },
            );
        }
        "import-org_chart" | "import-relations" | "import-members" => {
            let what = id.trim_start_matches("import-").to_owned();
            let _ = ImportRequested { what }.emit(app);
        }
        "close" => {
            app.state::<Session>().close();
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.close();
            }
        }
        _ => {
            if let Some(i) = id
                .strip_prefix("recent-")
                .and_then(|i| i.parse::<usize>().ok())
            {
                if let Some(path) = app.state::<Places>().recent().get(i) {
                    open_path(app, path);
                }
            }
        }
    }
}

/// Asks where to save a map (a `.murm` name), then hands the path on.
fn ask_map_path(
    app: &AppHandle,
    title: &str,
    suggested: &str,
    then: impl FnOnce(&AppHandle, PathBuf) + Send + 'static,
) {
    let app = app.clone();
    app.clone()
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(MAP_FILTER.0, MAP_FILTER.1)
        .save_file(move |chosen| {
            if let Some(path) = chosen.and_then(|p| p.into_path().ok()) {
                then(&app, with_murm_extension(path));
            }
        });
}

fn open_path(app: &AppHandle, path: &Path) {
    if app.state::<Session>().path().as_deref() == Some(path) {
        return;
    }
    match app.state::<Session>().open(path) {
        Ok(_) => opened(app, path),
        Err(error) => tell(app, "Could not open the map", &error),
    }
}

pub(crate) fn with_murm_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e == "murm") {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".murm");
        PathBuf::from(name)
    }
}
