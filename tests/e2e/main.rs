//! End-to-end tests of the real app window (tauri-driver + WebKitWebDriver under a private Xvfb
//! display), one module per journey.

mod harness;
mod opens_sample;
