//! HTTP handlers, one module per API area.

pub(crate) mod discovery;
pub(crate) mod emulator_api;
pub(crate) mod members;
pub(crate) mod organizations;
pub(crate) mod passwords;
pub(crate) mod sessions;
