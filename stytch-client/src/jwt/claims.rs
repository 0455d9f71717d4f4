//! What a verified session JWT says ([`VerifiedSession`]), and the payload parser behind it.

pub use crate::b2b::models::AuthenticationFactor;
use crate::b2b::models::timestamp;
use crate::b2b::models::{AuthorizationVerdict, MemberId, MemberSessionId, OrganizationId};
use crate::secret::Secret;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// The claim holding the session.
pub const SESSION_CLAIM: &str = "https://stytch.com/session";
/// The claim holding the organization.
pub const ORGANIZATION_CLAIM: &str = "https://stytch.com/organization";

/// An authenticated member session: the same shape whether the JWT was verified locally or by
/// Stytch.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct VerifiedSession {
    /// The member (`sub`).
    pub member_id: MemberId,
    /// The session.
    pub session: SessionClaim,
    /// The member's organization.
    pub organization: OrganizationClaim,
    /// The session's custom claims: the payload's top-level claims other than the registered
    /// ones (`iss`, `aud`, `sub`, `iat`, `nbf`, `exp`, `jti`) and Stytch's `https://stytch.com/...`
    /// claims.
    pub custom_claims: Map<String, Value>,
    /// Who verified the JWT.
    pub verified_by: VerifiedBy,
    /// The verdict of the [authorization check](super::JwtOptions::authorization_check), when
    /// one was asked for (a refused check is an error, so `authorized` is always true here).
    pub authorization: Option<AuthorizationVerdict>,
}

/// Who verified a session JWT.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum VerifiedBy {
    /// This process, against the cached JWKS.
    Local,
    /// Stytch (`POST /v1/b2b/sessions/authenticate`), after local verification could not
    /// decide.
    Remote {
        /// A fresh session JWT: hand it back to the browser in place of the old one.
        session_jwt: Secret<String>,
        /// Stytch's id for the request.
        request_id: String,
    },
}

/// The session part of a [`VerifiedSession`] (the `https://stytch.com/session` claim).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SessionClaim {
    /// The session's id (`member_session_id` in Stytch's API).
    pub member_session_id: MemberSessionId,
    /// When the session started.
    pub started_at: DateTime<Utc>,
    /// When the session was last used, as of the JWT's issue.
    pub last_accessed_at: DateTime<Utc>,
    /// When the session (not the JWT) expires; the JWT's `exp` when the claim lacks it.
    pub expires_at: DateTime<Utc>,
    /// The factors the member authenticated with.
    pub authentication_factors: Vec<AuthenticationFactor>,
    /// The member's role ids.
    pub roles: Vec<String>,
    /// Where the session was created from, when the JWT says (never from the remote path).
    pub attributes: Option<SessionAttributes>,
}

/// The organization part of a [`VerifiedSession`] (the `https://stytch.com/organization` claim).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct OrganizationClaim {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The organization's slug.
    #[serde(default)]
    pub slug: String,
}

/// Where a session was created from.
#[derive(Clone, Debug, PartialEq, Default, Deserialize)]
#[non_exhaustive]
pub struct SessionAttributes {
    /// The client's IP address.
    #[serde(default)]
    pub ip_address: Option<String>,
    /// The client's user agent.
    #[serde(default)]
    pub user_agent: Option<String>,
}

/// The session claim as it is on the wire.
#[derive(Deserialize)]
pub(crate) struct RawSession {
    pub id: MemberSessionId,
    #[serde(deserialize_with = "timestamp::required")]
    pub started_at: DateTime<Utc>,
    #[serde(deserialize_with = "timestamp::required")]
    pub last_accessed_at: DateTime<Utc>,
    /// Absent, null or empty: use the JWT's `exp` (as every official SDK does).
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub authentication_factors: Option<Vec<AuthenticationFactor>>,
    #[serde(default)]
    pub roles: Option<Vec<String>>,
    #[serde(default)]
    pub attributes: Option<SessionAttributes>,
}

/// `aud`: one string or a list of strings.
#[derive(Default)]
pub(crate) struct Audience(pub Vec<String>);

impl<'de> Deserialize<'de> for Audience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AudienceVisitor;
        impl<'de> Visitor<'de> for AudienceVisitor {
            type Value = Audience;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Audience, E> {
                Ok(Audience(vec![value.to_owned()]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Audience, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(1));
                while let Some(value) = seq.next_element::<String>()? {
                    out.push(value);
                }
                Ok(Audience(out))
            }
        }
        deserializer.deserialize_any(AudienceVisitor)
    }
}

/// A NumericDate: seconds since the epoch, integer or fractional.
pub(crate) struct NumericDate(pub f64);

impl<'de> Deserialize<'de> for NumericDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if value.is_finite() {
            Ok(NumericDate(value))
        } else {
            Err(de::Error::custom("a NumericDate must be finite"))
        }
    }
}

/// The payload, parsed in one pass: registered claims typed, Stytch's claims typed, everything
/// else kept as custom claims. A repeated registered claim is refused.
#[derive(Default)]
pub(crate) struct Payload {
    pub iss: Option<String>,
    pub aud: Option<Audience>,
    pub sub: Option<String>,
    pub exp: Option<f64>,
    pub nbf: Option<f64>,
    pub iat: Option<f64>,
    pub session: Option<RawSession>,
    pub organization: Option<OrganizationClaim>,
    pub custom: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Payload {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PayloadVisitor)
    }
}

struct PayloadVisitor;

/// A claim name, borrowed from the input unless it holds escapes.
struct ClaimName<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for ClaimName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = ClaimName<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a claim name")
            }
            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
                Ok(ClaimName(Cow::Borrowed(value)))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(ClaimName(Cow::Owned(value.to_owned())))
            }
            fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
                Ok(ClaimName(Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

impl<'de> Visitor<'de> for PayloadVisitor {
    type Value = Payload;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JWT claims object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Payload, A::Error> {
        let mut out = Payload::default();
        while let Some(ClaimName(key)) = map.next_key::<ClaimName<'de>>()? {
            match &*key {
                "iss" => once(&mut out.iss, map.next_value()?, "iss")?,
                "aud" => once(&mut out.aud, map.next_value()?, "aud")?,
                "sub" => once(&mut out.sub, map.next_value()?, "sub")?,
                "exp" => once(&mut out.exp, map.next_value::<NumericDate>()?.0, "exp")?,
                "nbf" => once(&mut out.nbf, map.next_value::<NumericDate>()?.0, "nbf")?,
                "iat" => once(&mut out.iat, map.next_value::<NumericDate>()?.0, "iat")?,
                "jti" => {
                    map.next_value::<IgnoredAny>()?;
                }
                SESSION_CLAIM => once(&mut out.session, map.next_value()?, SESSION_CLAIM)?,
                ORGANIZATION_CLAIM => once(&mut out.organization, map.next_value()?, ORGANIZATION_CLAIM)?,
                other if other.starts_with("https://stytch.com/") => {
                    map.next_value::<IgnoredAny>()?;
                }
                _ => {
                    let value: Value = map.next_value()?;
                    out.custom.insert(key.into_owned(), value);
                }
            }
        }
        Ok(out)
    }
}
