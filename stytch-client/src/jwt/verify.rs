//! Local verification: token structure, algorithm, signature, then claims.
//!
//! The order matters: everything that needs no key (structure, base64, `alg`, `kid`) is checked
//! first, so a malformed or forged-algorithm token never triggers a JWKS fetch; the payload is
//! parsed only after the signature is verified.

use super::claims::{Payload, SessionClaim, VerifiedBy, VerifiedSession};
use super::options::JwtOptions;
use crate::b2b::models::MemberId;
use crate::client::Client;
use crate::error::{Error, JwtReason, redact_serde_message};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

/// The JOSE header fields we look at.
#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow)]
    alg: Cow<'a, str>,
    #[serde(borrow, default)]
    kid: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    typ: Option<Cow<'a, str>>,
    #[serde(default)]
    crit: Option<IgnoredAny>,
}

/// The longest token looked at: Stytch's JWTs are a few KiB even with custom claims (they
/// travel in cookies and headers); anything longer is refused before decoding.
const MAX_JWT_BYTES: usize = 64 * 1024;

fn malformed(detail: &str) -> Error {
    Error::jwt(JwtReason::Malformed, Some(detail.to_owned()))
}

/// Verifies `jwt` against the client's JWKS and checks its claims.
pub(crate) async fn verify_local(
    client: &Client,
    jwt: &str,
    options: &JwtOptions,
) -> Result<VerifiedSession, Error> {
    if jwt.len() > MAX_JWT_BYTES {
        return Err(malformed("longer than 64 KiB"));
    }
    let mut parts = jwt.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("a JWT has exactly three dot-separated parts"));
    };
    let signing_input = &jwt[..header_b64.len() + 1 + payload_b64.len()];
    let header_json = URL_SAFE_NO_PAD
        .decode(header_b64)
        .map_err(|_| malformed("the header is not base64url"))?;
    let payload_json = URL_SAFE_NO_PAD
        .decode(payload_b64)
        .map_err(|_| malformed("the payload is not base64url"))?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature_b64)
        .map_err(|_| malformed("the signature is not base64url"))?;
    let header: Header<'_> =
        serde_json::from_slice(&header_json).map_err(|_| malformed("the header is not a JOSE header"))?;
    if header.alg != "RS256" {
        return Err(Error::jwt(
            JwtReason::UnsupportedAlgorithm,
            Some("only RS256 is accepted".to_owned()),
        ));
    }
    if header.crit.is_some() {
        return Err(malformed(
            "the header has critical extensions, which are not supported",
        ));
    }
    if header
        .typ
        .as_deref()
        .is_some_and(|typ| !typ.eq_ignore_ascii_case("JWT"))
    {
        return Err(malformed("the header's typ is not JWT"));
    }
    let kid = header
        .kid
        .as_deref()
        .filter(|k| !k.is_empty())
        .ok_or_else(|| malformed("the header has no kid"))?;

    let keys = client.jwks_cache().keys_for(client, kid).await?;
    let key = keys
        .find(kid)
        .ok_or_else(|| Error::jwt(JwtReason::UnknownKey, None))?;
    if !key.rs256.verify(signing_input.as_bytes(), &signature) {
        return Err(Error::jwt(JwtReason::BadSignature, None));
    }

    let payload: Payload = serde_json::from_slice(&payload_json).map_err(|e| {
        Error::jwt(
            JwtReason::InvalidClaims,
            Some(format!("payload: {}", redact_serde_message(&e.to_string()))),
        )
    })?;
    check_claims(
        payload,
        client.project_id(),
        client.base_url(),
        options,
        now_seconds(),
    )
}

fn now_seconds() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Checks a verified payload at time `now` (seconds since the epoch) and builds the result.
pub(crate) fn check_claims(
    payload: Payload,
    project_id: &str,
    base_url: &str,
    options: &JwtOptions,
    now: f64,
) -> Result<VerifiedSession, Error> {
    let issuer_ok = payload
        .iss
        .as_deref()
        .is_some_and(|iss| iss.strip_prefix("stytch.com/") == Some(project_id) || iss == base_url);
    if !issuer_ok {
        return Err(Error::jwt(JwtReason::WrongIssuer, None));
    }
    if !payload
        .aud
        .as_ref()
        .is_some_and(|aud| aud.0.iter().any(|a| a == project_id))
    {
        return Err(Error::jwt(JwtReason::WrongAudience, None));
    }

    let tolerance = options.clock_tolerance.as_secs_f64();
    let invalid = |what: &str| Error::jwt(JwtReason::InvalidClaims, Some(what.to_owned()));
    let exp = payload.exp.ok_or_else(|| invalid("exp is missing"))?;
    if exp <= now - tolerance {
        let detail = format!("exp was {:.0} s ago", now - exp);
        return Err(Error::jwt(JwtReason::Expired, Some(detail)));
    }
    if let Some(nbf) = payload.nbf
        && nbf > now + tolerance
    {
        let detail = format!("nbf is {:.0} s ahead", nbf - now);
        return Err(Error::jwt(JwtReason::NotYetValid, Some(detail)));
    }
    let iat = payload.iat.ok_or_else(|| invalid("iat is missing"))?;
    if iat > now + tolerance {
        let detail = format!("iat is {:.0} s ahead", iat - now);
        return Err(Error::jwt(JwtReason::NotYetValid, Some(detail)));
    }
    if let Some(max_age) = options.max_token_age
        && now - iat > max_age.as_secs_f64()
    {
        let detail = format!("issued {:.0} s ago, max_token_age is {max_age:?}", now - iat);
        return Err(Error::jwt(JwtReason::TooOld, Some(detail)));
    }

    let member_id = payload
        .sub
        .filter(|s| !s.is_empty())
        .map(MemberId::new)
        .ok_or_else(|| invalid("sub is missing"))?;
    let session = payload
        .session
        .ok_or_else(|| invalid("the https://stytch.com/session claim is missing"))?;
    let organization = payload
        .organization
        .ok_or_else(|| invalid("the https://stytch.com/organization claim is missing"))?;
    let expires_at = match session.expires_at.as_deref().filter(|s| !s.is_empty()) {
        Some(text) => crate::b2b::models::timestamp::parse_strict(text)
            .map_err(|_| invalid("the session's expires_at is not an RFC 3339 time"))?,
        None => timestamp(exp).ok_or_else(|| invalid("exp is out of range"))?,
    };
    Ok(VerifiedSession {
        member_id,
        session: SessionClaim {
            member_session_id: session.id,
            started_at: session.started_at,
            last_accessed_at: session.last_accessed_at,
            expires_at,
            authentication_factors: session.authentication_factors.unwrap_or_default(),
            roles: session.roles.unwrap_or_default(),
            attributes: session.attributes,
        },
        organization,
        custom_claims: payload.custom,
        verified_by: VerifiedBy::Local,
        authorization: None,
    })
}

fn timestamp(seconds: f64) -> Option<DateTime<Utc>> {
    let whole = seconds.floor();
    DateTime::from_timestamp(whole as i64, ((seconds - whole) * 1e9) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const PROJECT: &str = "project-test-11111111-1111-1111-1111-111111111111";
    const BASE: &str = "https://auth.example.com";
    const NOW: f64 = 1_750_000_000.0;

    fn payload(edit: impl FnOnce(&mut serde_json::Value)) -> Payload {
        let mut value = serde_json::json!({
            "iss": format!("stytch.com/{PROJECT}"),
            "aud": [PROJECT],
            "sub": "member-test-1",
            "iat": NOW - 10.0, "nbf": NOW - 10.0, "exp": NOW + 290.0,
            "jti": "jti-1",
            "https://stytch.com/session": {
                "id": "member-session-test-1",
                "started_at": "2025-06-15T15:00:00Z",
                "last_accessed_at": "2025-06-15T15:06:30Z",
                "expires_at": "2025-06-16T15:00:00Z",
                "attributes": {"ip_address": "", "user_agent": ""},
                "authentication_factors": [{
                    "type": "password", "delivery_method": "knowledge",
                    "last_authenticated_at": "2025-06-15T15:00:00Z"
                }],
                "roles": ["stytch_member"]
            },
            "https://stytch.com/organization": {"organization_id": "organization-test-1", "slug": "acme"},
            "https://stytch.com/future": {"x": 1},
            "plan": "pro",
        });
        edit(&mut value);
        serde_json::from_value(value).unwrap()
    }

    fn check(p: Payload, options: &JwtOptions) -> Result<VerifiedSession, Option<JwtReason>> {
        check_claims(p, PROJECT, BASE, options, NOW).map_err(|e| e.jwt_reason())
    }

    #[test]
    fn valid_claims_map_to_the_result() {
        let session = check(payload(|_| {}), &JwtOptions::new()).unwrap();
        assert_eq!(session.member_id, "member-test-1");
        assert_eq!(session.session.member_session_id, "member-session-test-1");
        assert_eq!(session.session.roles, ["stytch_member"]);
        assert_eq!(
            session.session.authentication_factors[0].kind.as_str(),
            "password"
        );
        assert_eq!(session.organization.slug, "acme");
        assert_eq!(
            session.session.expires_at.to_rfc3339(),
            "2025-06-16T15:00:00+00:00"
        );
        assert_eq!(
            serde_json::Value::Object(session.custom_claims),
            serde_json::json!({"plan": "pro"})
        );
    }

    #[test]
    fn issuer_and_audience() {
        assert!(check(payload(|p| p["iss"] = BASE.into()), &JwtOptions::new()).is_ok());
        assert!(check(payload(|p| p["aud"] = PROJECT.into()), &JwtOptions::new()).is_ok());
        let wrong_iss = |iss: serde_json::Value| check(payload(|p| p["iss"] = iss), &JwtOptions::new());
        assert_eq!(
            wrong_iss("stytch.com/project-test-other".into()).unwrap_err(),
            Some(JwtReason::WrongIssuer)
        );
        assert_eq!(
            wrong_iss(format!("{BASE}/").into()).unwrap_err(),
            Some(JwtReason::WrongIssuer)
        );
        assert_eq!(
            wrong_iss(format!("x{PROJECT}").into()).unwrap_err(),
            Some(JwtReason::WrongIssuer)
        );
        let missing = check(
            payload(|p| drop(p.as_object_mut().unwrap().remove("iss"))),
            &JwtOptions::new(),
        );
        assert_eq!(missing.unwrap_err(), Some(JwtReason::WrongIssuer));
        let other_aud = check(
            payload(|p| p["aud"] = serde_json::json!(["x", "y"])),
            &JwtOptions::new(),
        );
        assert_eq!(other_aud.unwrap_err(), Some(JwtReason::WrongAudience));
    }

    #[test]
    fn times_with_tolerance() {
        let expired = payload(|p| p["exp"] = (NOW - 3.0).into());
        assert_eq!(
            check(expired, &JwtOptions::new()).unwrap_err(),
            Some(JwtReason::Expired)
        );
        let expired = payload(|p| p["exp"] = (NOW - 3.0).into());
        assert!(
            check(
                expired,
                &JwtOptions::new().clock_tolerance(Duration::from_secs(5))
            )
            .is_ok()
        );
        let early = payload(|p| p["nbf"] = (NOW + 3.0).into());
        assert_eq!(
            check(early, &JwtOptions::new()).unwrap_err(),
            Some(JwtReason::NotYetValid)
        );
        let early = payload(|p| p["nbf"] = (NOW + 3.0).into());
        assert!(check(early, &JwtOptions::new().clock_tolerance(Duration::from_secs(5))).is_ok());
        let old = JwtOptions::new().max_token_age(Duration::from_secs(5));
        assert_eq!(check(payload(|_| {}), &old).unwrap_err(), Some(JwtReason::TooOld));
        assert!(
            check(
                payload(|_| {}),
                &JwtOptions::new().max_token_age(Duration::from_secs(60))
            )
            .is_ok()
        );
    }

    #[test]
    fn missing_stytch_claims_are_invalid_claims() {
        for claim in [
            "sub",
            "exp",
            "iat",
            "https://stytch.com/session",
            "https://stytch.com/organization",
        ] {
            let p = payload(|p| drop(p.as_object_mut().unwrap().remove(claim)));
            assert_eq!(
                check(p, &JwtOptions::new()).unwrap_err(),
                Some(JwtReason::InvalidClaims),
                "{claim}"
            );
        }
        let no_expiry = payload(|p| p["https://stytch.com/session"]["expires_at"] = "".into());
        let session = check(no_expiry, &JwtOptions::new()).unwrap();
        assert_eq!(session.session.expires_at.timestamp(), (NOW + 290.0) as i64);
    }

    #[test]
    fn duplicate_registered_claims_are_refused() {
        let json = format!(r#"{{"iss":"stytch.com/{PROJECT}","iss":"stytch.com/{PROJECT}"}}"#);
        assert!(serde_json::from_str::<Payload>(&json).is_err());
    }
}
