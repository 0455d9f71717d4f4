//! Identifiers and opaque tokens.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;

/// `{prefix}-test-{uuid v4}`, Stytch's id shape.
pub(crate) fn id(prefix: &str) -> String {
    format!("{prefix}-{}-{}", crate::policy::ID_ENV, uuid::Uuid::new_v4())
}

/// An opaque 44-character URL-safe token, like Stytch's session tokens.
pub(crate) fn token() -> String {
    let mut bytes = [0u8; 33];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `s` has the shape of a token from [`token`]; anything else is "malformed".
pub(crate) fn is_token_shaped(s: &str) -> bool {
    s.len() == 44
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A fresh `request-id-test-<uuid>`.
pub(crate) fn request_id() -> String {
    id("request-id")
}
