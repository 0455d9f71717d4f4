//! Test support shared by the workspace-level tests and examples.
