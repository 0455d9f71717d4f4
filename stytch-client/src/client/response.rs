//! Reading and decoding a response: a capped body read, then JSON decoding whose errors name
//! the failing path and never echo values.

use crate::error::{Error, redact_serde_message};
use bytes::{Bytes, BytesMut};
use http::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Why a body could not be read.
pub(super) enum ReadError {
    /// Over the limit.
    TooLarge(Error),
    /// The connection failed while reading.
    Transport(reqwest::Error),
}

/// Reads the whole body, refusing more than `limit` bytes.
pub(super) async fn read_body(mut response: reqwest::Response, limit: usize) -> Result<Bytes, ReadError> {
    let status = response.status();
    let announced = response.content_length();
    if announced.is_some_and(|len| len > limit as u64) {
        return Err(ReadError::TooLarge(Error::too_large(status, limit)));
    }
    let transport = ReadError::Transport;
    // Most bodies arrive as one chunk: keep it without copying.
    let Some(first) = response.chunk().await.map_err(transport)? else {
        return Ok(Bytes::new());
    };
    let Some(second) = response.chunk().await.map_err(transport)? else {
        return check_len(first, status, limit);
    };
    // The announced length (already checked against the limit) sizes the buffer once.
    let received = first.len().saturating_add(second.len());
    let capacity = announced.map_or(received, |len| (len as usize).max(received));
    let mut body = BytesMut::with_capacity(capacity);
    body.extend_from_slice(&first);
    body.extend_from_slice(&second);
    while body.len() <= limit {
        match response.chunk().await.map_err(transport)? {
            Some(chunk) => body.extend_from_slice(&chunk),
            None => break,
        }
    }
    check_len(body.freeze(), status, limit)
}

fn check_len(body: Bytes, status: StatusCode, limit: usize) -> Result<Bytes, ReadError> {
    if body.len() > limit {
        Err(ReadError::TooLarge(Error::too_large(status, limit)))
    } else {
        Ok(body)
    }
}

/// Decodes a 2xx body. On failure, decodes again to find the JSON path that failed, so the
/// happy path pays nothing for the diagnosis.
pub(super) fn decode<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T, Error> {
    // Validating UTF-8 once for the whole body lets serde_json skip its per-string check
    // (about a fifth of decode time on a full authenticate response); a body that is not UTF-8
    // takes the slice path and fails there with the usual error.
    let first = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    let error = match first {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let detail =
        match serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_slice(body)) {
            Err(located) => {
                let message = redact_serde_message(&located.inner().to_string());
                let path = failing_path(located.path(), &message);
                if path == "." {
                    message
                } else {
                    format!("at `{path}`: {message}")
                }
            }
            Ok(_) => redact_serde_message(&error.to_string()),
        };
    Err(Error::decode(status, detail))
}

/// The JSON path that failed. For a missing field it is the path the field would have had
/// (`member.email_address`), not only its parent's.
fn failing_path(parent: &serde_path_to_error::Path, message: &str) -> String {
    let parent = parent.to_string();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match missing {
        Some(field) if parent == "." => field.to_owned(),
        Some(field) => format!("{parent}.{field}"),
        None => parent,
    }
}

/// Records Stytch's `request_id` from a success body on the span (only called when tracing is on).
pub(super) fn record_request_id(span: &tracing::Span, body: &[u8]) {
    #[derive(Deserialize)]
    struct RequestId<'a> {
        #[serde(borrow)]
        request_id: Option<&'a str>,
    }
    if let Ok(RequestId { request_id: Some(id) }) = serde_json::from_slice(body) {
        span.record("request_id", id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Member {
        member_id: String,
        roles: Vec<Role>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Role {
        role_id: u32,
    }

    #[test]
    fn decode_errors_name_the_path_and_hide_values() {
        let body = br#"{"member_id":"m","roles":[{"role_id":1},{"role_id":"tok_secret"}]}"#;
        let error = decode::<Member>(StatusCode::OK, body).unwrap_err();
        assert!(error.is_decode());
        assert_eq!(error.status(), Some(StatusCode::OK));
        let text = error.to_string();
        assert!(text.contains("at `roles[1].role_id`"), "{text}");
        assert!(!text.contains("tok_secret"), "{text}");
    }

    #[test]
    fn decode_errors_name_the_path_of_a_missing_field() {
        let text = decode::<Member>(StatusCode::OK, br#"{"roles":[]}"#)
            .unwrap_err()
            .to_string();
        assert!(text.contains("at `member_id`: missing field"), "{text}");
        let text = decode::<Member>(StatusCode::OK, br#"{"member_id":"m","roles":[{}]}"#)
            .unwrap_err()
            .to_string();
        assert!(text.contains("at `roles[0].role_id`: missing field"), "{text}");
    }

    #[test]
    fn decode_refuses_invalid_utf8_with_a_decode_error() {
        let error = decode::<Member>(StatusCode::OK, b"{\"member_id\":\"\xff\",\"roles\":[]}").unwrap_err();
        assert!(error.is_decode(), "{error:?}");
    }

    #[test]
    fn decode_reports_empty_and_trailing_bodies() {
        assert!(
            decode::<Member>(StatusCode::OK, b"")
                .unwrap_err()
                .to_string()
                .contains("EOF")
        );
        let trailing = br#"{"member_id":"m","roles":[]} x"#;
        assert!(
            decode::<Member>(StatusCode::OK, trailing)
                .unwrap_err()
                .to_string()
                .contains("trailing")
        );
    }
}
