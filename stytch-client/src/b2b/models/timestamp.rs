//! Decoding of the RFC 3339 timestamps in responses, with a fast path for the form Stytch sends.
//!
//! Stytch writes every timestamp as `YYYY-MM-DDTHH:MM:SSZ`, sometimes with a fraction of a
//! second. chrono's `FromStr` (what `DateTime<Utc>`'s own `Deserialize` calls) is a general RFC
//! 3339 parser that fills a `Parsed` record and validates it field by field; a full
//! authenticate response carries about twenty timestamps, and that parser was ~4% of the
//! client's CPU per request. [`parse`] reads that one fixed form directly and hands anything
//! else (an offset, a lowercase `t`, a space separator, a leap second, more than nine fraction
//! digits, an invalid date) to chrono, so every string decodes exactly as chrono decodes it,
//! parse errors included. Used with `deserialize_with` on every timestamp field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserializer;
use serde::de::{Error, Visitor};
use std::fmt;

/// Decodes a required timestamp.
pub(crate) fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    deserializer.deserialize_str(TimestampVisitor)
}

/// Decodes an optional timestamp: `null` is `None` (a missing field too, with `#[serde(default)]`).
pub(crate) fn optional<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    deserializer.deserialize_option(OptionalVisitor)
}

/// Parses an RFC 3339 timestamp as chrono does, reading Stytch's usual form without chrono's
/// general parser.
pub(crate) fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match parse_stytch_form(text.as_bytes()) {
        Some(timestamp) => Ok(timestamp),
        None => text.parse(),
    }
}

/// Parses a timestamp as chrono's strict `DateTime::parse_from_rfc3339` does (used for JWT
/// claims), with the same fast path.
pub(crate) fn parse_strict(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match parse_stytch_form(text.as_bytes()) {
        Some(timestamp) => Ok(timestamp),
        None => DateTime::parse_from_rfc3339(text).map(|timestamp| timestamp.with_timezone(&Utc)),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.F{1,9}]Z`, or `None` for anything else (left to chrono).
fn parse_stytch_form(text: &[u8]) -> Option<DateTime<Utc>> {
    let (&b'Z', text) = text.split_last()? else {
        return None;
    };
    if text.len() < 19 {
        return None;
    }
    let (date_time, fraction) = text.split_at(19);
    let [
        y1,
        y2,
        y3,
        y4,
        b'-',
        m1,
        m2,
        b'-',
        d1,
        d2,
        b'T',
        h1,
        h2,
        b':',
        i1,
        i2,
        b':',
        s1,
        s2,
    ] = *date_time
    else {
        return None;
    };
    let year = digits(&[y1, y2, y3, y4])?;
    let second = digits(&[s1, s2])?;
    if second > 59 {
        // A leap second: chrono folds it into the nanoseconds.
        return None;
    }
    let nanosecond = match fraction {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year as i32, digits(&[m1, m2])?, digits(&[d1, d2])?)?
        .and_hms_nano_opt(digits(&[h1, h2])?, digits(&[i1, i2])?, second, nanosecond)
        .map(|naive| naive.and_utc())
}

/// The value of at most nine ASCII digits, or `None` if any byte is not a digit.
fn digits(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0'))
    })
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp")
    }

    fn visit_str<E: Error>(self, value: &str) -> Result<Self::Value, E> {
        parse(value).map_err(E::custom)
    }
}

struct OptionalVisitor;

impl<'de> Visitor<'de> for OptionalVisitor {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp or null")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        required(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// Every input the fast path accepts decodes to what chrono gives; every other input is
    /// chrono's answer by construction.
    #[test]
    fn the_fast_path_agrees_with_chrono() {
        let mut checked = 0;
        for date in [
            "2024-02-29",
            "2023-02-29",
            "2023-02-28",
            "2026-13-01",
            "2026-00-10",
            "2026-12-31",
            "0000-01-01",
            "9999-12-31",
            "2026-04-31",
            "2026-1a-01",
            "+026-01-01",
        ] {
            for time in [
                "00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "12:00:61", "1:00:00Z",
                "12:3a:00",
            ] {
                for fraction in [
                    "",
                    ".",
                    ".1",
                    ".12",
                    ".123456",
                    ".123456789",
                    ".1234567891",
                    ".12a",
                    "..1",
                ] {
                    for (separator, zone) in [
                        ("T", "Z"),
                        ("t", "Z"),
                        (" ", "Z"),
                        ("T", "z"),
                        ("T", "+00:00"),
                        ("T", "+02:30"),
                        ("T", ""),
                    ] {
                        let text = format!("{date}{separator}{time}{fraction}{zone}");
                        let chrono = text.parse::<DateTime<Utc>>();
                        if let Some(fast) = parse_stytch_form(text.as_bytes()) {
                            assert_eq!(Ok(fast), chrono, "{text}");
                            checked += 1;
                        }
                        assert_eq!(parse(&text), chrono, "{text}");
                        let strict = DateTime::parse_from_rfc3339(&text).map(|t| t.with_timezone(&Utc));
                        assert_eq!(parse_strict(&text), strict, "{text}");
                    }
                }
            }
        }
        // The fast path took every usual form: 5 dates that exist x 2 times in range x 5
        // fractions of 0 to 9 digits, with `T` and `Z`.
        assert_eq!(checked, 50);
        assert!(parse_stytch_form(b"2026-11-29T16:58:57Z").is_some());
        assert!(parse_stytch_form(b"2026-11-29T16:58:57.123456Z").is_some());
    }

    #[test]
    fn fields_decode_timestamps_nulls_and_errors_like_chrono() {
        #[derive(Deserialize, Debug)]
        struct Times {
            #[serde(deserialize_with = "required")]
            at: DateTime<Utc>,
            #[serde(default, deserialize_with = "optional")]
            maybe: Option<DateTime<Utc>>,
        }
        let times: Times =
            serde_json::from_str(r#"{"at":"2026-11-29T16:58:57.5Z","maybe":"2026-11-29T18:58:57+02:00"}"#)
                .unwrap();
        assert_eq!(
            times.at,
            "2026-11-29T16:58:57.500Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert_eq!(times.maybe, Some(times.at - chrono::Duration::milliseconds(500)));
        let times: Times = serde_json::from_str(r#"{"at":"2026-11-29T16:58:57Z","maybe":null}"#).unwrap();
        assert_eq!(times.maybe, None);
        let times: Times = serde_json::from_str(r#"{"at":"2026-11-29T16:58:57Z"}"#).unwrap();
        assert_eq!(times.maybe, None);

        let ours = serde_json::from_str::<Times>(r#"{"at":"2026-02-30T00:00:00Z"}"#).unwrap_err();
        let chrono = serde_json::from_str::<DateTime<Utc>>(r#""2026-02-30T00:00:00Z""#).unwrap_err();
        assert_eq!(
            ours.to_string().split(" at line").next(),
            chrono.to_string().split(" at line").next()
        );
        assert!(serde_json::from_str::<Times>(r#"{"at":null}"#).is_err());
        assert!(serde_json::from_str::<Times>(r#"{"at":"2026-11-29T16:58:57Z","maybe":5}"#).is_err());
    }
}
