//! [`JwtReason`]: why local verification refused a session JWT.

use std::fmt;

/// Why local verification refused a session JWT (see [`Error::jwt_reason`](crate::Error::jwt_reason)).
///
/// [`falls_back`](Self::falls_back) tells which reasons let
/// [`Fallback::Remote`](crate::jwt::Fallback::Remote) ask Stytch instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JwtReason {
    /// Not three base64url parts holding a JSON header and a JSON object payload.
    Malformed,
    /// The header's `alg` is not `RS256` (`none`, `HS256`, ... are always refused).
    UnsupportedAlgorithm,
    /// The header's `kid` names no key in the JWKS, even after a refetch (or the refetch was
    /// skipped because of the cooldown).
    UnknownKey,
    /// The signature does not match the header and payload.
    BadSignature,
    /// `iss` is neither `stytch.com/{project_id}` nor the client's base URL.
    WrongIssuer,
    /// `aud` does not contain the project id.
    WrongAudience,
    /// `exp` is in the past (beyond the clock tolerance).
    Expired,
    /// `nbf` is in the future (beyond the clock tolerance).
    NotYetValid,
    /// `iat` is older than the requested `max_token_age`.
    TooOld,
    /// A required claim is missing or has the wrong type (`sub`, `iat`, `exp`, the
    /// `https://stytch.com/session` or `https://stytch.com/organization` claim).
    InvalidClaims,
    /// The JWKS could not be fetched, and no key fetched earlier can be used (none was ever
    /// fetched); also the error of a failed [`Client::refresh_jwks`](crate::Client::refresh_jwks).
    /// The error's [`source`](std::error::Error::source) is the fetch failure.
    KeysUnavailable,
    /// The JWT is valid, but the session belongs to another organization than the
    /// authorization check's (`tenancy_mismatch` in the official SDKs). Never falls back.
    TenancyMismatch,
    /// The JWT is valid, but none of the session's roles allows the authorization check's
    /// action on its resource (`invalid_permissions` in the official SDKs). Never falls back.
    PermissionDenied,
}

impl JwtReason {
    /// True when the failure says nothing against the token's authenticity, so Stytch may
    /// still accept it: expired, not yet valid, too old, unknown key, keys unavailable, invalid
    /// Stytch claims. False for a malformed token, a foreign algorithm, a bad signature and a
    /// wrong issuer or audience, which are never sent to Stytch.
    ///
    /// As in the official SDKs, an unknown `kid` falls back: after a key rotation Stytch knows
    /// the key before the JWKS cache does. The cost is that each token with a made-up `kid`
    /// costs one call to Stytch (the JWKS itself is refetched at most once per cooldown); use
    /// [`Fallback::Fail`](crate::jwt::Fallback::Fail) where that matters more.
    pub fn falls_back(self) -> bool {
        matches!(
            self,
            Self::UnknownKey
                | Self::Expired
                | Self::NotYetValid
                | Self::TooOld
                | Self::InvalidClaims
                | Self::KeysUnavailable
        )
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Self::Malformed => "is not a well-formed JWT",
            Self::UnsupportedAlgorithm => "is not signed with RS256",
            Self::UnknownKey => "is signed by a key that is not in the project's JWKS",
            Self::BadSignature => "has an invalid signature",
            Self::WrongIssuer => "was issued for another project or domain",
            Self::WrongAudience => "is for another audience",
            Self::Expired => "has expired",
            Self::NotYetValid => "is not valid yet",
            Self::TooOld => "is older than the allowed max_token_age",
            Self::InvalidClaims => "lacks a required claim or has a malformed one",
            Self::KeysUnavailable => "cannot be verified: the JWKS could not be fetched",
            Self::TenancyMismatch => {
                "belongs to a member of another organization than the authorization check's"
            }
            Self::PermissionDenied => {
                "belongs to a member who does not have permission to perform the requested action"
            }
        }
    }
}

impl fmt::Display for JwtReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}
