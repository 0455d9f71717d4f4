//! HTTP handlers, one module per API area.

pub(crate) mod discovery;
pub(crate) mod emulator_api;
pub(crate) mod members;
pub(crate) mod organizations;
pub(crate) mod passwords;
pub(crate) mod sessions;

// Passwordless primary factors and second factors.
pub(crate) mod magic_links;
pub(crate) mod otps;
pub(crate) mod passwordless;
pub(crate) mod recovery_codes;
pub(crate) mod totps;
// Organizations, members and RBAC (issue 13).
pub(crate) mod member_admin;
pub(crate) mod member_providers;
pub(crate) mod org_admin;
pub(crate) mod rbac;
