//! Password hashing: the emulator's own argon2id hashes, and verification of every hash type
//! `passwords/migrate` accepts.

use crate::config::HashingCost;
use crate::errors::ApiError;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use md5::Md5;
use serde_json::{Map, Value};
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha512};
use subtle::ConstantTimeEq as _;

/// A password hash as stored.
#[derive(Clone, Debug)]
pub(crate) enum StoredHash {
    /// The emulator's fast hash ([`HashingCost::Fast`]): PBKDF2-HMAC-SHA256, one iteration.
    Fast { salt: [u8; 16], digest: [u8; 32] },
    /// PHC string of an argon2id hash made by the emulator.
    Native(String),
    /// A hash imported by `passwords/migrate`.
    Migrated(Migrated),
}

/// An imported hash with what is needed to verify it.
#[derive(Clone, Debug)]
pub(crate) enum Migrated {
    Bcrypt(String),
    /// md_5 / sha_1 / sha_512 of `prepend + password + append`, hex digest.
    Salted {
        algorithm: Digest,
        digest: Vec<u8>,
        prepend: String,
        append: String,
    },
    /// Encoded (PHC) argon2i / argon2id.
    ArgonPhc(String),
    /// Raw argon2 digest with its configuration.
    ArgonRaw {
        variant: argon2::Algorithm,
        digest: Vec<u8>,
        salt: Vec<u8>,
        iterations: u32,
        memory: u32,
        threads: u32,
    },
    /// Encoded (PHC) scrypt.
    ScryptPhc(String),
    /// Raw scrypt digest with its configuration.
    ScryptRaw {
        digest: Vec<u8>,
        salt: Vec<u8>,
        log_n: u8,
        r: u32,
        p: u32,
    },
    Pbkdf2 {
        sha512: bool,
        digest: Vec<u8>,
        salt: Vec<u8>,
        iterations: u32,
    },
    Phpass(String),
}

/// The plain digests of the salted types.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Digest {
    Md5,
    Sha1,
    Sha512,
}

/// Iterations of the fast hash: one, since it only stands in for a real one.
const FAST_ITERATIONS: u32 = 1;

/// Hashes `password` the way `cost` says (argon2id is slow: call off the async executor).
pub(crate) fn hash_native(password: &str, cost: HashingCost) -> Result<StoredHash, ApiError> {
    use rand::RngCore as _;
    let Some((m, t, p)) = cost.argon2_params() else {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let mut digest = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), &salt, FAST_ITERATIONS, &mut digest);
        return Ok(StoredHash::Fast { salt, digest });
    };
    let params =
        argon2::Params::new(m, t, p, None).map_err(|e| ApiError::internal(format!("argon2 params: {e}")))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let hash = argon
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| ApiError::internal(format!("argon2: {e}")))?;
    Ok(StoredHash::Native(hash.to_string()))
}

/// Whether `password` matches (slow: call off the async executor).
pub(crate) fn verify(hash: &StoredHash, password: &str) -> bool {
    let pw = password.as_bytes();
    match hash {
        StoredHash::Fast { salt, digest } => {
            let mut actual = [0u8; 32];
            pbkdf2::pbkdf2_hmac::<Sha256>(pw, salt, FAST_ITERATIONS, &mut actual);
            ct_eq(&actual, digest)
        }
        StoredHash::Native(phc) | StoredHash::Migrated(Migrated::ArgonPhc(phc)) => {
            PasswordHash::new(phc).is_ok_and(|h| argon2::Argon2::default().verify_password(pw, &h).is_ok())
        }
        StoredHash::Migrated(m) => match m {
            Migrated::Bcrypt(h) => bcrypt::verify(password, h).unwrap_or(false),
            Migrated::Salted {
                algorithm,
                digest,
                prepend,
                append,
            } => {
                let input = [prepend.as_bytes(), pw, append.as_bytes()].concat();
                let actual = match algorithm {
                    Digest::Md5 => Md5::digest(&input).to_vec(),
                    Digest::Sha1 => Sha1::digest(&input).to_vec(),
                    Digest::Sha512 => Sha512::digest(&input).to_vec(),
                };
                ct_eq(&actual, digest)
            }
            Migrated::ArgonPhc(_) => unreachable!("handled above"),
            Migrated::ArgonRaw {
                variant,
                digest,
                salt,
                iterations,
                memory,
                threads,
            } => {
                let Ok(params) = argon2::Params::new(*memory, *iterations, *threads, Some(digest.len()))
                else {
                    return false;
                };
                let argon = argon2::Argon2::new(*variant, argon2::Version::V0x13, params);
                let mut out = vec![0u8; digest.len()];
                argon.hash_password_into(pw, salt, &mut out).is_ok() && ct_eq(&out, digest)
            }
            Migrated::ScryptPhc(phc) => {
                PasswordHash::new(phc).is_ok_and(|h| scrypt::Scrypt.verify_password(pw, &h).is_ok())
            }
            Migrated::ScryptRaw {
                digest,
                salt,
                log_n,
                r,
                p,
            } => {
                let Ok(params) = scrypt::Params::new(*log_n, *r, *p, digest.len()) else {
                    return false;
                };
                let mut out = vec![0u8; digest.len()];
                scrypt::scrypt(pw, salt, &params, &mut out).is_ok() && ct_eq(&out, digest)
            }
            Migrated::Pbkdf2 {
                sha512,
                digest,
                salt,
                iterations,
            } => {
                let mut out = vec![0u8; digest.len()];
                if *sha512 {
                    pbkdf2::pbkdf2_hmac::<Sha512>(pw, salt, *iterations, &mut out);
                } else {
                    pbkdf2::pbkdf2_hmac::<Sha256>(pw, salt, *iterations, &mut out);
                }
                ct_eq(&out, digest)
            }
            Migrated::Phpass(h) => phpass_verify(password, h),
        },
    }
}

/// Whether the hash is one the emulator made itself (no re-hash needed).
pub(crate) fn is_native(hash: &StoredHash) -> bool {
    matches!(hash, StoredHash::Native(_) | StoredHash::Fast { .. })
}

fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

fn bad(error_type: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(400, error_type, message)
}

fn hex_digest(hash: &str, len: usize, error_type: &str, name: &str) -> Result<Vec<u8>, ApiError> {
    let bytes = decode_hex(hash.trim())
        .ok_or_else(|| bad(error_type, format!("The {name} hash must be a hex string.")))?;
    if bytes.len() != len {
        return Err(bad(
            error_type,
            format!("The {name} hash must be {} hex characters long.", len * 2),
        ));
    }
    Ok(bytes)
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || s.is_empty() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Reads a migrate config object: all its fields are required when it is sent.
struct Config<'a> {
    name: &'static str,
    map: &'a Map<String, Value>,
}

impl Config<'_> {
    fn get<'b>(body: &'b Map<String, Value>, name: &'static str) -> Result<Option<Config<'b>>, ApiError> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Config { name, map })),
            Some(_) => Err(ApiError::invalid(name, "must be an object")),
        }
    }
    fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.name)
    }
    fn str(&self, key: &str) -> Result<&str, ApiError> {
        match self.map.get(key) {
            Some(Value::String(s)) => Ok(s),
            None | Some(Value::Null) => Err(ApiError::missing(&self.field(key))),
            Some(_) => Err(ApiError::invalid(&self.field(key), "must be a string")),
        }
    }
    fn int(&self, key: &str) -> Result<i64, ApiError> {
        match self.map.get(key) {
            Some(Value::Number(n)) => n
                .as_i64()
                .ok_or_else(|| ApiError::invalid(&self.field(key), "must be an integer")),
            None | Some(Value::Null) => Err(ApiError::missing(&self.field(key))),
            Some(_) => Err(ApiError::invalid(&self.field(key), "must be an integer")),
        }
    }
    fn positive_u32(&self, key: &str) -> Result<u32, ApiError> {
        let v = self.int(key)?;
        u32::try_from(v)
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| ApiError::invalid(&self.field(key), "must be a positive integer"))
    }
}

/// Validates a `passwords/migrate` request's hash and turns it into something verifiable,
/// refusing work factors above the limits in [`crate::policy`].
pub(crate) fn parse_migrate(
    body: &Map<String, Value>,
    hash_type: &str,
    hash: &str,
) -> Result<Migrated, ApiError> {
    let migrated = parse_hash(body, hash_type, hash)?;
    check_work_factor(&migrated)?;
    Ok(migrated)
}

/// 400 for a parameter above its limit.
fn too_costly(
    error_type: &str,
    what: &str,
    value: impl std::fmt::Display,
    max: impl std::fmt::Display,
) -> ApiError {
    bad(
        error_type,
        format!("{what} {value} is above the limit of {max}; re-hash with standard parameters."),
    )
}

/// Refuses hashes whose verification would take minutes or exhaust memory.
fn check_work_factor(migrated: &Migrated) -> Result<(), ApiError> {
    use crate::policy::*;
    let argon = |memory: u32, iterations: u32, threads: u32| {
        if memory > MAX_ARGON2_MEMORY_KIB {
            return Err(too_costly(
                "invalid_argon_2_config",
                "argon2 memory (KiB)",
                memory,
                MAX_ARGON2_MEMORY_KIB,
            ));
        }
        if iterations > MAX_ARGON2_ITERATIONS {
            return Err(too_costly(
                "invalid_argon_2_config",
                "argon2 iterations",
                iterations,
                MAX_ARGON2_ITERATIONS,
            ));
        }
        if threads > MAX_ARGON2_THREADS {
            return Err(too_costly(
                "invalid_argon_2_config",
                "argon2 threads",
                threads,
                MAX_ARGON2_THREADS,
            ));
        }
        Ok(())
    };
    let scrypt = |log_n: u8, r: u32, p: u32| {
        let memory = 128u64
            .saturating_mul(1u64 << log_n.min(63))
            .saturating_mul(u64::from(r));
        if memory > MAX_SCRYPT_MEMORY_BYTES {
            return Err(too_costly(
                "invalid_scrypt_config",
                "scrypt memory (128·N·r bytes)",
                memory,
                MAX_SCRYPT_MEMORY_BYTES,
            ));
        }
        if p > MAX_SCRYPT_P {
            return Err(too_costly("invalid_scrypt_config", "scrypt p", p, MAX_SCRYPT_P));
        }
        Ok(())
    };
    match migrated {
        Migrated::Bcrypt(hash) => {
            let cost = hash
                .parse::<bcrypt::HashParts>()
                .map(|h| h.get_cost())
                .unwrap_or(u32::MAX);
            if cost > MAX_BCRYPT_COST {
                return Err(too_costly(
                    "invalid_bcrypt_hash",
                    "bcrypt cost",
                    cost,
                    MAX_BCRYPT_COST,
                ));
            }
            Ok(())
        }
        Migrated::ArgonRaw {
            memory,
            iterations,
            threads,
            ..
        } => argon(*memory, *iterations, *threads),
        Migrated::ArgonPhc(phc) => {
            let params = PasswordHash::new(phc)
                .ok()
                .and_then(|h| argon2::Params::try_from(&h).ok())
                .ok_or_else(|| bad("invalid_argon_2_hash", "The argon2 hash parameters are invalid."))?;
            argon(params.m_cost(), params.t_cost(), params.p_cost())
        }
        Migrated::ScryptRaw { log_n, r, p, .. } => scrypt(*log_n, *r, *p),
        Migrated::ScryptPhc(phc) => {
            let params = PasswordHash::new(phc)
                .ok()
                .and_then(|h| scrypt::Params::try_from(&h).ok())
                .ok_or_else(|| bad("invalid_scrypt_hash", "The scrypt hash parameters are invalid."))?;
            scrypt(params.log_n(), params.r(), params.p())
        }
        Migrated::Pbkdf2 { iterations, .. } if *iterations > MAX_PBKDF2_ITERATIONS => Err(too_costly(
            "invalid_pbkdf_2_config",
            "pbkdf_2 iterations",
            iterations,
            MAX_PBKDF2_ITERATIONS,
        )),
        Migrated::Phpass(hash) => {
            let log2 = ITOA64
                .iter()
                .position(|c| Some(c) == hash.as_bytes().get(3))
                .unwrap_or(usize::MAX);
            if log2 > MAX_PHPASS_LOG2 {
                return Err(too_costly(
                    "invalid_phpass_hash_format",
                    "phpass log2 rounds",
                    log2,
                    MAX_PHPASS_LOG2,
                ));
            }
            Ok(())
        }
        Migrated::Pbkdf2 { .. } | Migrated::Salted { .. } => Ok(()),
    }
}

/// Parses a hash of `hash_type` with its configuration object.
fn parse_hash(body: &Map<String, Value>, hash_type: &str, hash: &str) -> Result<Migrated, ApiError> {
    match hash_type {
        "bcrypt" => {
            if hash.parse::<bcrypt::HashParts>().is_err() {
                return Err(bad("invalid_bcrypt_hash", "The bcrypt hash is invalid."));
            }
            Ok(Migrated::Bcrypt(hash.to_owned()))
        }
        "md_5" | "sha_1" | "sha_512" => {
            let (algorithm, len, error_type, cfg_name) = match hash_type {
                "md_5" => (Digest::Md5, 16, "invalid_md_5_hash", "md_5_config"),
                "sha_1" => (Digest::Sha1, 20, "invalid_sha_1_hash", "sha_1_config"),
                _ => (Digest::Sha512, 64, "invalid_sha_512_hash", "sha_512_config"),
            };
            let digest = hex_digest(hash, len, error_type, hash_type)?;
            let (prepend, append) = match Config::get(body, cfg_name)? {
                Some(c) => (
                    c.str("prepend_salt")?.to_owned(),
                    c.str("append_salt")?.to_owned(),
                ),
                None => (String::new(), String::new()),
            };
            Ok(Migrated::Salted {
                algorithm,
                digest,
                prepend,
                append,
            })
        }
        "argon_2i" | "argon_2id" => {
            let variant = if hash_type == "argon_2i" {
                argon2::Algorithm::Argon2i
            } else {
                argon2::Algorithm::Argon2id
            };
            let prefix = if hash_type == "argon_2i" {
                "$argon2i$"
            } else {
                "$argon2id$"
            };
            if hash.starts_with('$') {
                if !hash.starts_with(prefix) {
                    return Err(bad(
                        "invalid_argon_2_hash",
                        format!("An {hash_type} hash in encoded form must start with {prefix}."),
                    ));
                }
                PasswordHash::new(hash).map_err(|e| {
                    bad(
                        "invalid_argon_2_hash",
                        format!("The argon2 hash is invalid: {e}."),
                    )
                })?;
                return Ok(Migrated::ArgonPhc(hash.to_owned()));
            }
            let cfg = Config::get(body, "argon_2_config")?.ok_or_else(|| {
                bad(
                    "invalid_argon_2_config",
                    "argon_2_config is required for an argon2 hash in hex form.",
                )
            })?;
            let digest = decode_hex(hash.trim()).ok_or_else(|| {
                bad(
                    "invalid_argon_2_hash",
                    "The argon2 hash must be in encoded ($argon2...) or hex form.",
                )
            })?;
            let key_length = cfg.int("key_length")?;
            if usize::try_from(key_length).ok() != Some(digest.len()) {
                return Err(bad(
                    "argon_2_key_length_mismatch",
                    "The key_length value doesn't match the length of the provided hash.",
                ));
            }
            let salt = cfg.str("salt")?.as_bytes().to_vec();
            if salt.len() < 8 {
                return Err(bad(
                    "invalid_argon_2_salt",
                    "The argon2 salt must be at least 8 bytes.",
                ));
            }
            let iterations = cfg.positive_u32("iteration_amount")?;
            let memory = cfg.positive_u32("memory")?;
            let threads = cfg.positive_u32("threads")?;
            argon2::Params::new(memory, iterations, threads, Some(digest.len())).map_err(|e| {
                bad(
                    "invalid_argon_2_config",
                    format!("argon_2_config is invalid: {e}."),
                )
            })?;
            Ok(Migrated::ArgonRaw {
                variant,
                digest,
                salt,
                iterations,
                memory,
                threads,
            })
        }
        "scrypt" => {
            if hash.starts_with("$scrypt$") {
                PasswordHash::new(hash)
                    .map_err(|e| bad("invalid_scrypt_hash", format!("The scrypt hash is invalid: {e}.")))?;
                return Ok(Migrated::ScryptPhc(hash.to_owned()));
            }
            let digest = STANDARD.decode(hash.trim()).map_err(|_| {
                bad(
                    "invalid_base64_scrypt_hash",
                    "The scrypt hash must be base64 encoded.",
                )
            })?;
            let cfg = Config::get(body, "scrypt_config")?.ok_or_else(|| {
                bad(
                    "invalid_scrypt_config",
                    "scrypt_config is required unless the hash is in PHC form.",
                )
            })?;
            let salt = STANDARD.decode(cfg.str("salt")?).map_err(|_| {
                bad(
                    "invalid_scrypt_salt",
                    "scrypt_config.salt must be base64 encoded.",
                )
            })?;
            let n = cfg.int("n_parameter")?;
            if !(2..262_145).contains(&n) || (n & (n - 1)) != 0 {
                return Err(bad(
                    "invalid_scrypt_n_parameter",
                    "scrypt_config.n_parameter must be a power of two greater than 1 and less than 262145.",
                ));
            }
            let r = cfg.positive_u32("r_parameter")?;
            let p = cfg.positive_u32("p_parameter")?;
            let key_length = cfg.int("key_length")?;
            if usize::try_from(key_length).ok() != Some(digest.len()) {
                return Err(bad(
                    "scrypt_key_length_mismatch",
                    "The key_length value doesn't match the length of the provided hash.",
                ));
            }
            let log_n = n.trailing_zeros() as u8;
            scrypt::Params::new(log_n, r, p, digest.len())
                .map_err(|e| bad("invalid_scrypt_config", format!("scrypt_config is invalid: {e}.")))?;
            Ok(Migrated::ScryptRaw {
                digest,
                salt,
                log_n,
                r,
                p,
            })
        }
        "pbkdf_2" => {
            let cfg = Config::get(body, "pbkdf_2_config")?.ok_or_else(|| {
                bad(
                    "invalid_pbkdf_2_config",
                    "pbkdf_2_config is required for pbkdf_2 hashes.",
                )
            })?;
            let digest = STANDARD
                .decode(hash.trim())
                .map_err(|_| bad("invalid_pbkdf_2_hash", "The pbkdf_2 hash must be base64 encoded."))?;
            let salt = STANDARD.decode(cfg.str("salt")?).map_err(|_| {
                bad(
                    "invalid_pbkdf_2_salt",
                    "pbkdf_2_config.salt must be base64 encoded.",
                )
            })?;
            let iterations = cfg.positive_u32("iteration_amount")?;
            let key_length = cfg.int("key_length")?;
            if usize::try_from(key_length).ok() != Some(digest.len()) {
                return Err(bad(
                    "pbkdf_2_key_length_mismatch",
                    "The key_length value doesn't match the length of the provided hash.",
                ));
            }
            let sha512 = match cfg.map.get("algorithm") {
                None | Some(Value::Null) => false,
                Some(Value::String(a)) if a.is_empty() || a == "sha256" => false,
                Some(Value::String(a)) if a == "sha512" => true,
                Some(_) => {
                    return Err(bad(
                        "invalid_pbkdf_2_algorithm",
                        "pbkdf_2_config.algorithm must be sha256 or sha512.",
                    ));
                }
            };
            Ok(Migrated::Pbkdf2 {
                sha512,
                digest,
                salt,
                iterations,
            })
        }
        "phpass" => {
            if !(hash.starts_with("$P$") || hash.starts_with("$H$")) {
                return Err(bad(
                    "invalid_phpass_hash_prefix",
                    "A phpass hash must start with $P$ or $H$.",
                ));
            }
            if hash.len() != 34
                || ITOA64
                    .iter()
                    .position(|c| *c == hash.as_bytes()[3])
                    .is_none_or(|c| !(7..=30).contains(&c))
            {
                return Err(bad("invalid_phpass_hash_format", "The phpass hash is malformed."));
            }
            Ok(Migrated::Phpass(hash.to_owned()))
        }
        other => Err(bad(
            "invalid_hash_type",
            format!(
                "hash_type {other:?} is not supported; use one of bcrypt, md_5, argon_2i, argon_2id, sha_1, sha_512, scrypt, phpass, pbkdf_2."
            ),
        )),
    }
}

const ITOA64: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The portable phpass scheme (`$P$` / `$H$`): iterated MD5 with phpass's base64.
fn phpass_verify(password: &str, hash: &str) -> bool {
    let bytes = hash.as_bytes();
    if bytes.len() != 34 {
        return false;
    }
    let Some(log2) = ITOA64.iter().position(|c| *c == bytes[3]) else {
        return false;
    };
    let salt = &bytes[4..12];
    let mut digest = Md5::digest([salt, password.as_bytes()].concat()).to_vec();
    for _ in 0..(1u64 << log2) {
        digest = Md5::digest([&digest[..], password.as_bytes()].concat()).to_vec();
    }
    let encoded = phpass_encode64(&digest);
    ct_eq(encoded.as_bytes(), &bytes[12..])
}

fn phpass_encode64(input: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    let count = input.len();
    while i < count {
        let mut value = input[i] as u32;
        i += 1;
        out.push(ITOA64[(value & 0x3f) as usize] as char);
        if i < count {
            value |= (input[i] as u32) << 8;
        }
        out.push(ITOA64[((value >> 6) & 0x3f) as usize] as char);
        if i >= count {
            break;
        }
        i += 1;
        if i < count {
            value |= (input[i] as u32) << 16;
        }
        out.push(ITOA64[((value >> 12) & 0x3f) as usize] as char);
        if i >= count {
            break;
        }
        i += 1;
        out.push(ITOA64[((value >> 18) & 0x3f) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phpass_known_vector() {
        assert!(phpass_verify("test12345", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"));
        assert!(!phpass_verify("test12346", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0"));
    }

    #[test]
    fn native_round_trip() {
        for cost in [HashingCost::Fast, HashingCost::Realistic] {
            let h = hash_native("correct horse", cost).unwrap();
            assert!(verify(&h, "correct horse"));
            assert!(!verify(&h, "correct horsE"));
        }
        let (a, b) = (
            hash_native("same", HashingCost::Fast).unwrap(),
            hash_native("same", HashingCost::Fast).unwrap(),
        );
        assert_ne!(format!("{a:?}"), format!("{b:?}"), "salted");
    }
}
