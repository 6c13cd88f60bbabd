//! Long work (reading a big import, drawing an export, waiting on a native file dialog) runs on a
//! worker thread so the window stays responsive. Shared by the commands that export and import.

use murmuration_core::error::{CoreError, ErrorKind};

/// Runs `work` on a worker thread and hands back its result.
pub async fn off_the_window_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| {
            Err(CoreError::new(
                ErrorKind::Io,
                format!("The work stopped unexpectedly ({e})."),
            ))
        })
}
