//! Nothing to link: this crate only holds the end-to-end test binaries.
