//! RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signature verification.
//!
//! The arithmetic is `ring`'s (already in the build as rustls's crypto provider): audited, and
//! about ten times faster than the `rsa` crate's verifier, whose per-call setup alone would cost
//! half of the 10,000-verifications-per-core budget. This module only decodes and checks a
//! JWK's numbers once, when the JWKS is parsed; the tests cross-check every result against the
//! `rsa` crate.

use ring::signature::{RSA_PKCS1_2048_8192_SHA256, RsaPublicKeyComponents};

/// The largest modulus accepted, in bits (ring's limit for this algorithm).
const MAX_BITS: usize = 8192;
/// The smallest modulus accepted, in bits.
pub(crate) const MIN_BITS: usize = 2048;

/// An RSA public key ready for RS256 checks.
#[derive(Clone)]
pub(crate) struct Rs256Key {
    /// The modulus, big-endian, without leading zero bytes.
    n: Box<[u8]>,
    /// The public exponent, big-endian, without leading zero bytes.
    e: Box<[u8]>,
}

/// Why a JWK's numbers are not a usable key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum KeyError {
    /// Fewer than 2048 bits, or more than 8192.
    Size(usize),
    /// An even modulus, or an exponent that is even, below 3 or above 33 bits.
    Invalid,
}

impl Rs256Key {
    /// A key from the big-endian bytes of the modulus and the exponent (a JWK's `n` and `e`).
    pub(crate) fn new(n: &[u8], e: &[u8]) -> Result<Self, KeyError> {
        let n = trim_leading_zeros(n);
        let e = trim_leading_zeros(e);
        let bits = n
            .first()
            .map_or(0, |top| (n.len() - 1) * 8 + (8 - top.leading_zeros() as usize));
        if !(MIN_BITS..=MAX_BITS).contains(&bits) {
            return Err(KeyError::Size(bits));
        }
        if e.len() > 8 || n.last().is_none_or(|low| low & 1 == 0) {
            return Err(KeyError::Invalid);
        }
        let exponent = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        // ring accepts public exponents from 3 to 2^33 - 1.
        if exponent < 3 || exponent & 1 == 0 || exponent >= 1 << 33 {
            return Err(KeyError::Invalid);
        }
        Ok(Self {
            n: n.into(),
            e: e.into(),
        })
    }

    /// True when `signature` is this key's RS256 signature of `message`.
    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        RsaPublicKeyComponents {
            n: &*self.n,
            e: &*self.e,
        }
        .verify(&RSA_PKCS1_2048_8192_SHA256, message, signature)
        .is_ok()
    }
}

fn trim_leading_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Sha256;

    #[test]
    fn refuses_weak_or_invalid_keys() {
        let mut n = vec![0xffu8; 256];
        assert!(Rs256Key::new(&n, &[1, 0, 1]).is_ok());
        assert_eq!(
            Rs256Key::new(&n[..128], &[1, 0, 1]).err(),
            Some(KeyError::Size(1024))
        );
        assert_eq!(Rs256Key::new(&[], &[1, 0, 1]).err(), Some(KeyError::Size(0)));
        // Leading zero bytes do not count; 2047 bits is too short.
        let mut short = vec![0u8; 1];
        short.extend([0x7f]);
        short.extend([0xff; 255]);
        assert_eq!(
            Rs256Key::new(&short, &[1, 0, 1]).err(),
            Some(KeyError::Size(2047))
        );
        assert_eq!(Rs256Key::new(&n, &[2]).err(), Some(KeyError::Invalid));
        assert_eq!(Rs256Key::new(&n, &[1]).err(), Some(KeyError::Invalid));
        assert_eq!(Rs256Key::new(&n, &[1; 9]).err(), Some(KeyError::Invalid));
        n[255] = 0xfe;
        assert_eq!(Rs256Key::new(&n, &[1, 0, 1]).err(), Some(KeyError::Invalid));
    }

    const PEMS: [&str; 3] = [
        include_str!("../../tests/jwt_support/keys/key_1.pem"),
        include_str!("../../tests/jwt_support/keys/key_2.pem"),
        include_str!("../../tests/jwt_support/keys/key_3.pem"),
    ];

    fn keys() -> Vec<(rsa::RsaPrivateKey, Rs256Key)> {
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        use rsa::traits::PublicKeyParts as _;
        PEMS.iter()
            .map(|pem| {
                let private = rsa::RsaPrivateKey::from_pkcs1_pem(pem).unwrap();
                let key = Rs256Key::new(&private.n().to_bytes_be(), &private.e().to_bytes_be()).unwrap();
                (private, key)
            })
            .collect()
    }

    /// A small deterministic generator (xorshift) for test inputs.
    fn bytes(seed: &mut u64, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                *seed as u8
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_rsa_crate() {
        use rsa::signature::{SignatureEncoding as _, Signer as _, Verifier as _};
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for (private, key) in keys() {
            let public = rsa::RsaPublicKey::from(&private);
            let signer = rsa::pkcs1v15::SigningKey::<Sha256>::new(private);
            let oracle = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(public.clone());
            for len in [0, 1, 55, 64, 1000] {
                let message = bytes(&mut seed, len);
                let signature = signer.sign(&message).to_vec();
                assert!(key.verify(&message, &signature));
                // Any flipped bit in the signature or the message fails, as for the oracle.
                for _ in 0..8 {
                    let mut bad = signature.clone();
                    let i = bytes(&mut seed, 2);
                    let index = usize::from(u16::from_le_bytes([i[0], i[1]])) % bad.len();
                    bad[index] ^= 1 << (i[0] % 8);
                    let oracle_ok = rsa::pkcs1v15::Signature::try_from(bad.as_slice())
                        .is_ok_and(|sig| oracle.verify(&message, &sig).is_ok());
                    assert_eq!(key.verify(&message, &bad), oracle_ok);
                    assert!(!key.verify(b"another message", &signature));
                }
            }
            assert!(!key.verify(b"m", &[1; 255]));
            assert!(!key.verify(b"m", &[]));
        }
    }
}
