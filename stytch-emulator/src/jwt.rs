//! RS256 session JWTs and the JWKS.

use crate::clock::chrono_duration;
use crate::policy;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair, RsaPublicKeyComponents};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};
use std::sync::{Arc, OnceLock};

/// Pre-generated RSA-2048 test keys: generating keys is slow and the emulator's keys protect
/// nothing. Rotation takes them in order and, after the last, starts again from the first
/// under a new `kid` (tokens are told apart by `kid`).
const EMBEDDED_KEYS: [&str; 8] = [
    include_str!("keys/test_key_1.pem"),
    include_str!("keys/test_key_2.pem"),
    include_str!("keys/test_key_3.pem"),
    include_str!("keys/test_key_4.pem"),
    include_str!("keys/test_key_5.pem"),
    include_str!("keys/test_key_6.pem"),
    include_str!("keys/test_key_7.pem"),
    include_str!("keys/test_key_8.pem"),
];

/// The DER inside a PKCS#1 PEM.
fn pem_to_der(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    STANDARD.decode(body).expect("embedded test key is base64")
}

/// The `i`-th embedded key (cycling), parsed once. Signing is ring's RSA, which stays fast in
/// unoptimized builds.
fn embedded_key(i: usize) -> Arc<RsaKeyPair> {
    static PARSED: OnceLock<Vec<Arc<RsaKeyPair>>> = OnceLock::new();
    let keys = PARSED.get_or_init(|| {
        EMBEDDED_KEYS
            .iter()
            .map(|pem| Arc::new(RsaKeyPair::from_der(&pem_to_der(pem)).expect("embedded test key parses")))
            .collect()
    });
    keys[i % keys.len()].clone()
}

struct KeyEntry {
    kid: String,
    /// The JWS header for this key, already base64url-encoded (`{"alg":"RS256","kid":..,"typ":"JWT"}`).
    encoded_header: String,
    signing: Arc<RsaKeyPair>,
    verifying: RsaPublicKeyComponents<Vec<u8>>,
    jwk: Value,
    /// When a newer key took over; the key stays in the JWKS for [`policy::OLD_KEY_GRACE`].
    retired_at: Option<DateTime<Utc>>,
}

/// The signing keys: the last one signs; retired ones still verify while served.
pub(crate) struct KeyRing {
    keys: Vec<KeyEntry>,
    generated: usize,
}

/// Why a JWT was refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum JwtError {
    Malformed,
    BadSignature,
}

impl KeyRing {
    pub fn new() -> Self {
        let mut ring = KeyRing {
            keys: Vec::new(),
            generated: 0,
        };
        ring.add_key(None);
        ring
    }

    fn add_key(&mut self, now: Option<DateTime<Utc>>) -> String {
        let signing = embedded_key(self.generated);
        self.generated += 1;
        if let (Some(now), Some(current)) = (now, self.keys.last_mut()) {
            current.retired_at = Some(now);
        }
        let kid = crate::ids::id(policy::KID_PREFIX);
        let verifying = RsaPublicKeyComponents::<Vec<u8>>::from(signing.public());
        let jwk = json!({
            "kty": "RSA",
            "use": "sig",
            "key_ops": ["verify"],
            "alg": "RS256",
            "kid": kid,
            "x5c": [],
            // No certificate is issued for emulator keys; this is the SHA-256 of the key's
            // DER public key, base64url (the field must be a string).
            "x5tS256": URL_SAFE_NO_PAD.encode(Sha256::digest(signing.public().as_ref())),
            "n": URL_SAFE_NO_PAD.encode(&verifying.n),
            "e": URL_SAFE_NO_PAD.encode(&verifying.e),
        });
        let encoded_header =
            URL_SAFE_NO_PAD.encode(json!({ "alg": "RS256", "kid": kid, "typ": "JWT" }).to_string());
        self.keys.push(KeyEntry {
            kid: kid.clone(),
            encoded_header,
            signing,
            verifying,
            jwk,
            retired_at: None,
        });
        kid
    }

    /// Makes a new key the signing key; the old one stays in the JWKS for the grace period.
    pub fn rotate(&mut self, now: DateTime<Utc>) -> String {
        self.add_key(Some(now))
    }

    fn served(&self, now: DateTime<Utc>) -> impl Iterator<Item = &KeyEntry> {
        let grace = chrono_duration(policy::OLD_KEY_GRACE);
        self.keys
            .iter()
            .filter(move |k| k.retired_at.is_none_or(|t| now < t + grace))
    }

    /// The JWKS `keys` array, newest first.
    pub fn jwks(&self, now: DateTime<Utc>) -> Vec<Value> {
        let mut keys: Vec<Value> = self.served(now).map(|k| k.jwk.clone()).collect();
        keys.reverse();
        keys
    }

    /// The kid that signs new JWTs.
    pub fn current_kid(&self) -> &str {
        &self.keys.last().expect("at least one key").kid
    }

    /// Signs `claims` as a compact RS256 JWS.
    ///
    /// The RSA-2048 signature is nearly all of the cost (see BENCHMARKS.md); around it, the
    /// header is encoded once per key and the token is written into one buffer.
    pub fn sign(&self, claims: &Value) -> String {
        let key = self.keys.last().expect("at least one key");
        let payload = serde_json::to_vec(claims).expect("JSON values serialize");
        let modulus_len = key.signing.public().modulus_len();
        let mut token = String::with_capacity(
            key.encoded_header.len() + 2 + (payload.len() * 4).div_ceil(3) + (modulus_len * 4).div_ceil(3),
        );
        token.push_str(&key.encoded_header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&payload, &mut token);
        let mut signature = [0u8; 1024]; // room for keys up to 8192 bits
        let signature = &mut signature[..modulus_len];
        key.signing
            .sign(
                &RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                token.as_bytes(),
                signature,
            )
            .expect("RS256 signing with a valid key");
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(signature, &mut token);
        token
    }

    /// Checks the signature against a served key and returns the claims. Expiry is not checked:
    /// an expired JWT whose session is alive is accepted and refreshed.
    pub fn verify(&self, jwt: &str, now: DateTime<Utc>) -> Result<Value, JwtError> {
        let mut parts = jwt.split('.');
        let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwtError::Malformed);
        };
        let header: Value = decode_json(h)?;
        let claims: Value = decode_json(p)?;
        let signature = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Malformed)?;
        if header["alg"] != "RS256" || !claims.is_object() {
            return Err(JwtError::Malformed);
        }
        let kid = header["kid"].as_str().ok_or(JwtError::Malformed)?;
        let key = self
            .served(now)
            .find(|k| k.kid == kid)
            .ok_or(JwtError::BadSignature)?;
        key.verifying
            .verify(
                &RSA_PKCS1_2048_8192_SHA256,
                format!("{h}.{p}").as_bytes(),
                &signature,
            )
            .map_err(|_| JwtError::BadSignature)?;
        Ok(claims)
    }
}

fn decode_json(part: &str) -> Result<Value, JwtError> {
    let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| JwtError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| JwtError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_rotate() {
        let now = Utc::now();
        let mut ring = KeyRing::new();
        let old = ring.sign(&json!({"sub": "m"}));
        let old_kid = ring.current_kid().to_owned();
        ring.rotate(now);
        assert_ne!(ring.current_kid(), old_kid);
        let new = ring.sign(&json!({"sub": "m"}));
        assert_eq!(ring.verify(&old, now).unwrap()["sub"], "m");
        assert_eq!(ring.verify(&new, now).unwrap()["sub"], "m");
        assert_eq!(ring.jwks(now).len(), 2);
        let later = now + chrono_duration(policy::OLD_KEY_GRACE) + chrono::Duration::seconds(1);
        assert_eq!(ring.jwks(later).len(), 1);
        assert_eq!(ring.verify(&old, later), Err(JwtError::BadSignature));
        let mut tampered = new.clone();
        tampered.insert(new.find('.').unwrap() + 2, 'x');
        assert!(ring.verify(&tampered, now).is_err());
    }
}
