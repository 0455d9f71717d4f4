//! RS256 (RSASSA-PKCS1-v1_5 with SHA-256) signature verification with per-key precomputation.
//!
//! Why not the `rsa` crate's `VerifyingKey`: rsa 0.9 recomputes its Montgomery setup (and
//! allocates big integers) on every verification, which costs ~190 µs of CPU per RSA-2048
//! check on the benchmark machine, half of the 10,000-per-core target. Verification only
//! involves public values, so there is no secret to leak through timing, and it is simple:
//! `m = s^e mod n`, then compare `m` with the one valid encoding of the message's SHA-256
//! digest (RFC 8017 §8.2.2, "encode and compare", which leaves no parser to fool). This module
//! computes the Montgomery constants of each key once, when the JWKS is parsed, and
//! exponentiates with word-sized Montgomery multiplication (CIOS). Its results are checked
//! against the `rsa` crate in the tests below and in `tests/session_jwt.rs`.

use sha2::{Digest as _, Sha256};

/// The largest modulus handled, in 64-bit limbs (8192 bits).
const MAX_LIMBS: usize = 128;
/// The smallest modulus accepted, in bits.
pub(crate) const MIN_BITS: usize = 2048;
/// DER of `DigestInfo { sha256, NULL }` up to the digest (RFC 8017 §9.2, note 1).
const SHA256_DIGEST_INFO: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
    0x04, 0x20,
];

/// An RSA public key ready for RS256 checks.
#[derive(Clone)]
pub(crate) struct Rs256Key {
    /// The modulus, little-endian 64-bit limbs, the top limb non-zero.
    n: Box<[u64]>,
    /// `-n⁻¹ mod 2⁶⁴`.
    n0_inv: u64,
    /// `R² mod n` with `R = 2^(64·limbs)`: converts into Montgomery form.
    rr: Box<[u64]>,
    /// The public exponent.
    e: u64,
    /// The modulus length in bytes (the signature length).
    k: usize,
}

/// Why a JWK's numbers are not a usable key.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum KeyError {
    /// Fewer than 2048 bits, or more than 8192.
    Size(usize),
    /// An even modulus, or an exponent that is even, below 3 or above 64 bits.
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
        if !(MIN_BITS..=MAX_LIMBS * 64).contains(&bits) {
            return Err(KeyError::Size(bits));
        }
        if e.len() > 8 || n.last().is_none_or(|low| low & 1 == 0) {
            return Err(KeyError::Invalid);
        }
        let e = e.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        if e < 3 || e & 1 == 0 {
            return Err(KeyError::Invalid);
        }
        let limbs = n.len().div_ceil(8);
        let mut modulus = vec![0u64; limbs];
        limbs_from_be(n, &mut modulus);

        // -n⁻¹ mod 2⁶⁴ by Newton's iteration: each step doubles the correct low bits (an odd
        // n0 is its own inverse mod 8, so 3 bits to start; 5 steps reach 96).
        let n0 = modulus[0];
        let mut inverse = n0;
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inverse)));
        }
        debug_assert_eq!(n0.wrapping_mul(inverse), 1);

        // R² mod n: start from 1 and double modulo n, 2·64·limbs times.
        let mut rr = vec![0u64; limbs];
        rr[0] = 1;
        for _ in 0..2 * 64 * limbs {
            let carry = shift_left_one(&mut rr);
            if carry || !less_than(&rr, &modulus) {
                subtract_in_place(&mut rr, &modulus);
            }
        }
        Ok(Self {
            n: modulus.into_boxed_slice(),
            n0_inv: inverse.wrapping_neg(),
            rr: rr.into_boxed_slice(),
            e,
            k: n.len(),
        })
    }

    /// True when `signature` is this key's RS256 signature of `message`.
    pub(crate) fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        // The only valid encoding: 00 01 FF..FF 00 DigestInfo(SHA-256) digest.
        let mut encoded = [0u8; MAX_LIMBS * 8];
        let encoded = &mut encoded[..self.k];
        if !self.public_operation(signature, encoded) {
            return false;
        }
        let digest = Sha256::digest(message);
        let tail = SHA256_DIGEST_INFO.len() + digest.len();
        let padding = self.k - 3 - tail; // k ≥ 256, so this is ≥ 202
        encoded[0] == 0x00
            && encoded[1] == 0x01
            && encoded[2..2 + padding].iter().all(|b| *b == 0xff)
            && encoded[2 + padding] == 0x00
            && encoded[3 + padding..3 + padding + SHA256_DIGEST_INFO.len()] == SHA256_DIGEST_INFO
            && encoded[self.k - digest.len()..] == digest[..]
    }

    /// `encoded = signature^e mod n` as `k` big-endian bytes; false when the signature is not
    /// `k` bytes or not below `n` (RFC 8017 §5.2.2).
    fn public_operation(&self, signature: &[u8], encoded: &mut [u8]) -> bool {
        let limbs = self.n.len();
        if signature.len() != self.k {
            return false;
        }
        let mut s = [0u64; MAX_LIMBS];
        let s = &mut s[..limbs];
        limbs_from_be(signature, s);
        if !less_than(s, &self.n) {
            return false;
        }
        let (mut base, mut x, mut y) = ([0u64; MAX_LIMBS], [0u64; MAX_LIMBS], [0u64; MAX_LIMBS]);
        let base = &mut base[..limbs];
        let (mut acc, mut other) = (&mut x[..limbs], &mut y[..limbs]);
        let mut scratch = [0u64; MAX_LIMBS + 1];
        let scratch = &mut scratch[..limbs + 1];

        // base = s·R mod n; acc = s^e·R mod n (left-to-right square and multiply); then out
        // of Montgomery form.
        self.mont_mul(s, &self.rr, base, scratch);
        acc.copy_from_slice(base);
        for bit in (0..63 - self.e.leading_zeros()).rev() {
            self.mont_mul(acc, acc, other, scratch);
            std::mem::swap(&mut acc, &mut other);
            if self.e >> bit & 1 == 1 {
                self.mont_mul(acc, base, other, scratch);
                std::mem::swap(&mut acc, &mut other);
            }
        }
        let mut one = [0u64; MAX_LIMBS];
        one[0] = 1;
        self.mont_mul(acc, &one[..limbs], other, scratch);
        let acc = other;

        limbs_to_be(acc, encoded)
    }

    /// `out = a·b·R⁻¹ mod n` (Montgomery multiplication, the CIOS method with its two inner
    /// loops fused); `a`, `b` < n; `t` is scratch of at least `limbs + 1`.
    ///
    /// Plain `while` loops and `as` casts keep it fast in unoptimized (test) builds too.
    fn mont_mul(&self, a: &[u64], b: &[u64], out: &mut [u64], t: &mut [u64]) {
        let n = &*self.n;
        let l = n.len();
        let (a, b, out, t) = (&a[..l], &b[..l], &mut out[..l], &mut t[..l + 1]);
        t.fill(0);
        let mut i = 0;
        while i < l {
            let bi = b[i] as u128;
            // Column 0: t0 + a0·bi, then m so that adding m·n zeroes it.
            let sum = t[0] as u128 + a[0] as u128 * bi;
            let mut carry_ab = (sum >> 64) as u64;
            let low = sum as u64;
            let m = low.wrapping_mul(self.n0_inv);
            let mut carry_mn = ((low as u128 + m as u128 * n[0] as u128) >> 64) as u64;
            // Columns 1..l: t += a·bi + m·n, shifted down one limb.
            let mut j = 1;
            while j < l {
                let sum = t[j] as u128 + a[j] as u128 * bi + carry_ab as u128;
                carry_ab = (sum >> 64) as u64;
                let sum = (sum as u64) as u128 + m as u128 * n[j] as u128 + carry_mn as u128;
                carry_mn = (sum >> 64) as u64;
                t[j - 1] = sum as u64;
                j += 1;
            }
            let sum = t[l] as u128 + carry_ab as u128 + carry_mn as u128;
            t[l - 1] = sum as u64;
            t[l] = (sum >> 64) as u64;
            i += 1;
        }
        out.copy_from_slice(&t[..l]);
        if t[l] != 0 || !less_than(out, n) {
            subtract_in_place(out, n);
        }
    }
}

fn trim_leading_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Big-endian bytes into little-endian limbs (`out` long enough; the rest zeroed).
fn limbs_from_be(bytes: &[u8], out: &mut [u64]) {
    out.fill(0);
    for (i, chunk) in bytes.rchunks(8).enumerate() {
        out[i] = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
    }
}

/// Little-endian limbs into exactly `out.len()` big-endian bytes; false if they do not fit.
fn limbs_to_be(limbs: &[u64], out: &mut [u8]) -> bool {
    let len = out.len();
    for (i, limb) in limbs.iter().enumerate() {
        for (byte_index, byte) in limb.to_le_bytes().into_iter().enumerate() {
            let position = i * 8 + byte_index; // from the least significant end
            if position < len {
                out[len - 1 - position] = byte;
            } else if byte != 0 {
                return false;
            }
        }
    }
    true
}

/// `a < b`, both little-endian with the same length.
fn less_than(a: &[u64], b: &[u64]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

/// `a -= b` modulo `2^(64·len)`.
fn subtract_in_place(a: &mut [u64], b: &[u64]) {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
        *x = d2;
        borrow = b1 || b2;
    }
}

/// `a <<= 1`; returns the bit shifted out.
fn shift_left_one(a: &mut [u64]) -> bool {
    let mut carry = 0u64;
    for x in a.iter_mut() {
        let next = *x >> 63;
        *x = (*x << 1) | carry;
        carry = next;
    }
    carry == 1
}

#[cfg(test)]
mod tests {
    use super::*;

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
        use rsa::traits::PublicKeyParts as _;
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
            // The raw exponentiation matches BigUint::modpow on random values below n.
            let n = public.n();
            for _ in 0..32 {
                let mut value = bytes(&mut seed, key.k);
                value[0] &= 0x7f;
                let expected = rsa::BigUint::from_bytes_be(&value).modpow(public.e(), n);
                let mut out = vec![0u8; key.k];
                assert!(key.public_operation(&value, &mut out));
                assert_eq!(rsa::BigUint::from_bytes_be(&out), expected);
            }
            // s ≥ n is refused; so are wrong lengths.
            let mut out = vec![0u8; key.k];
            assert!(!key.public_operation(&n.to_bytes_be(), &mut out));
            assert!(!key.public_operation(&[0xff; 256], &mut out));
            assert!(!key.verify(b"m", &[1; 255]));
            assert!(!key.verify(b"m", &[]));
        }
    }

    #[test]
    fn limb_conversions_round_trip() {
        let bytes: Vec<u8> = (1..=20).collect();
        let mut limbs = [0u64; 3];
        limbs_from_be(&bytes, &mut limbs);
        assert_eq!(limbs[2], 0x0102_0304);
        let mut back = [0u8; 20];
        assert!(limbs_to_be(&limbs, &mut back));
        assert_eq!(back.to_vec(), bytes);
        let mut too_short = [0u8; 19];
        assert!(!limbs_to_be(&limbs, &mut too_short));
    }
}
