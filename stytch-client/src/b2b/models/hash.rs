//! Hash parameters for migrating existing password hashes.

use super::string_enum::string_enum;
use serde::{Deserialize, Serialize};

/// Parameters of an Argon2 hash given in hex form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Argon2Config {
    /// The salt (hex), as used when hashing.
    pub salt: String,
    /// Number of iterations.
    pub iteration_amount: u32,
    /// Memory cost in KiB.
    pub memory: u32,
    /// Degree of parallelism.
    pub threads: u32,
    /// Length of the derived key in bytes.
    pub key_length: u32,
}

impl Argon2Config {
    /// Creates it from every field.
    pub fn new(
        salt: impl Into<String>,
        iteration_amount: u32,
        memory: u32,
        threads: u32,
        key_length: u32,
    ) -> Self {
        Self {
            salt: salt.into(),
            iteration_amount,
            memory,
            threads,
            key_length,
        }
    }
}

/// Parameters of a PBKDF2 hash.
///
/// `PBKDF2Config` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pbkdf2Config {
    /// The salt (base64).
    pub salt: String,
    /// Number of iterations.
    pub iteration_amount: u32,
    /// Length of the derived key in bytes.
    pub key_length: u32,
    /// The HMAC hash: `sha256` (default) or `sha512`.
    pub algorithm: String,
}

impl Pbkdf2Config {
    /// Creates it from every field.
    pub fn new(
        salt: impl Into<String>,
        iteration_amount: u32,
        key_length: u32,
        algorithm: impl Into<String>,
    ) -> Self {
        Self {
            salt: salt.into(),
            iteration_amount,
            key_length,
            algorithm: algorithm.into(),
        }
    }
}

/// Parameters of a scrypt hash not in PHC encoded form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScryptConfig {
    /// The salt (base64).
    pub salt: String,
    /// CPU/memory cost N, a power of two.
    pub n_parameter: u32,
    /// Block size r.
    pub r_parameter: u32,
    /// Parallelism p.
    pub p_parameter: u32,
    /// Length of the derived key in bytes.
    pub key_length: u32,
}

impl ScryptConfig {
    /// Creates it from every field.
    pub fn new(
        salt: impl Into<String>,
        n_parameter: u32,
        r_parameter: u32,
        p_parameter: u32,
        key_length: u32,
    ) -> Self {
        Self {
            salt: salt.into(),
            n_parameter,
            r_parameter,
            p_parameter,
            key_length,
        }
    }
}

/// Salts of a simple salted hash (MD5, SHA-1, SHA-512). Both may be empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SaltConfig {
    /// Salt put before the password when hashing (may be empty).
    pub prepend_salt: String,
    /// Salt put after the password when hashing (may be empty).
    pub append_salt: String,
}

impl SaltConfig {
    /// Creates it from both salts.
    pub fn new(prepend_salt: impl Into<String>, append_salt: impl Into<String>) -> Self {
        Self {
            prepend_salt: prepend_salt.into(),
            append_salt: append_salt.into(),
        }
    }
}

/// `MD5Config` in the official SDKs: a [`SaltConfig`].
pub type Md5Config = SaltConfig;

/// `SHA1Config` in the official SDKs: a [`SaltConfig`].
pub type Sha1Config = SaltConfig;

/// `SHA512Config` in the official SDKs: a [`SaltConfig`].
pub type Sha512Config = SaltConfig;

string_enum! {
    /// The algorithm of a password hash being migrated.
    ///
    /// `MigrateRequestHashType` in the official SDKs.
    pub enum HashType {
        /// bcrypt (no config needed).
        Bcrypt = "bcrypt",
        /// MD5, optionally salted (`md_5_config`).
        Md5 = "md_5",
        /// Argon2i (`argon_2_config` for the hex form).
        Argon2i = "argon_2i",
        /// Argon2id (`argon_2_config` for the hex form).
        Argon2id = "argon_2id",
        /// SHA-1, optionally salted (`sha_1_config`).
        Sha1 = "sha_1",
        /// SHA-512, optionally salted (`sha_512_config`).
        Sha512 = "sha_512",
        /// scrypt (`scrypt_config` unless PHC encoded).
        Scrypt = "scrypt",
        /// phpass portable hashes (no config needed).
        Phpass = "phpass",
        /// PBKDF2 (`pbkdf_2_config`).
        Pbkdf2 = "pbkdf_2",
    }
}
