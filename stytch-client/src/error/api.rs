//! [`ApiError`]: what Stytch (or a proxy in front of it) answered with a non-2xx status, kept
//! without ever echoing a secret from the body.

use crate::redact::{self, REDACTED};
use http::{HeaderMap, StatusCode};
use serde_json::{Map, Value};
use std::error::Error as StdError;
use std::fmt;

/// How many bytes of an excerpt (an HTML title, a redacted JSON body) are kept.
const EXCERPT_BYTES: usize = 512;
/// How much of the body is searched for an HTML `<title>`.
const HTML_SEARCH_BYTES: usize = 16 * 1024;

/// An error answer from Stytch (or from a proxy in front of it).
///
/// Stytch's JSON error shape (`status_code`, `request_id`, `error_type`, `error_message`,
/// `error_url`, `error_details`) and the OAuth2 shape (`error`, `error_description`,
/// `error_uri`) are both read; a JSON body with Stytch's `status_code` and `request_id` but no
/// `error_type` is a Stytch error too. Any other body — a proxy's HTML 502, a gateway's JSON, an
/// empty or truncated body — still gives the HTTP status, and [`body`](Self::body) says what
/// can safely be said about it: never the body itself (it may echo the request, password
/// included).
///
/// `Display` is one line: `400 weak_password: Password is too weak. (request_id request-id-test-1)`.
/// Neither `Display` nor `Debug` prints a value held by a secret-named JSON key (`password`,
/// `*token*`, `*jwt*`, `*secret*`, `*hash*`, `*code*`, `*key*`, ...).
///
/// ```
/// use stytch_client::ApiError;
/// use stytch_client::http::StatusCode;
///
/// let body = br#"{"message":"conflict","session_token":"mst-123"}"#;
/// let error = ApiError::from_response(StatusCode::CONFLICT, body);
/// assert!(!error.is_stytch_error());
/// assert_eq!(
///     error.to_string(),
///     r#"409 Conflict; the body is not a Stytch error (48 bytes): {"message":"conflict","session_token":"***"}"#
/// );
/// ```
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status of the response.
    pub status_code: StatusCode,
    /// Stytch's id for the request; quote it to Stytch support. Also read from a body that is
    /// not otherwise a Stytch error.
    pub request_id: Option<String>,
    /// A stable machine-readable code, e.g. `weak_password`; empty when the body did not carry
    /// one.
    pub error_type: String,
    /// A human-readable explanation.
    pub error_message: String,
    /// A link to Stytch's documentation of this error.
    pub error_url: Option<String>,
    /// Structured extra detail, when Stytch sends any (printed by `Debug` with secret-named
    /// values redacted).
    pub error_details: Option<Value>,
    /// What is known of a body that is not a Stytch error; `None` for a Stytch error.
    pub body: Option<BodySummary>,
}

/// What is kept of an error body that is not a Stytch error: its type, its length and, only
/// where it is safe, an excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodySummary {
    /// The media type from `Content-Type` (without parameters), when the server sent one.
    pub content_type: Option<String>,
    /// The body's length in bytes.
    pub len: usize,
    /// An HTML page's `<title>`, or a JSON body with every value of a secret-named key replaced
    /// by `***` (at most 512 bytes). `None` for any other body, which is never echoed: it may be
    /// the request, echoed back by a gateway.
    pub excerpt: Option<String>,
}

impl ApiError {
    /// Reads an error answer from its status and body; never fails. The content type is
    /// sniffed from the body; [`from_parts`](Self::from_parts) uses the response headers.
    pub fn from_response(status: StatusCode, body: &[u8]) -> Self {
        Self::from_parts(status, &HeaderMap::new(), body)
    }

    /// Reads an error answer from its status, headers and body; never fails.
    pub fn from_parts(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        let json = serde_json::from_slice::<Value>(body).ok();
        let object = json.as_ref().and_then(Value::as_object);
        if let Some(error) = object.and_then(|o| Self::stytch_shaped(status, o)) {
            return error;
        }
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(media_type);
        let request_id = object.and_then(|o| string(o, "request_id"));
        let excerpt = match json {
            Some(mut value) => {
                redact::redact_json(&mut value);
                Some(cut(value.to_string()))
            }
            None if is_html(content_type.as_deref(), body) => html_title(body),
            None => None,
        };
        Self {
            status_code: status,
            request_id,
            error_type: String::new(),
            error_message: String::new(),
            error_url: None,
            error_details: None,
            body: Some(BodySummary {
                content_type,
                len: body.len(),
                excerpt,
            }),
        }
    }

    /// A Stytch or OAuth2 error: a string `error_type` (or `error`), or Stytch's numeric
    /// `status_code` with a string `request_id`.
    fn stytch_shaped(status: StatusCode, object: &Map<String, Value>) -> Option<Self> {
        let error_type = string(object, "error_type").or_else(|| string(object, "error"));
        let request_id = string(object, "request_id");
        let envelope = object.get("status_code").is_some_and(Value::is_u64) && request_id.is_some();
        if error_type.is_none() && !envelope {
            return None;
        }
        Some(Self {
            status_code: status,
            request_id,
            error_type: error_type.unwrap_or_default(),
            error_message: string(object, "error_message")
                .or_else(|| string(object, "error_description"))
                .unwrap_or_default(),
            error_url: string(object, "error_url").or_else(|| string(object, "error_uri")),
            error_details: object.get("error_details").filter(|v| !v.is_null()).cloned(),
            body: None,
        })
    }

    /// True when the body was a Stytch (or OAuth2-style) error, false for a proxy's page or
    /// an empty or truncated body.
    pub fn is_stytch_error(&self) -> bool {
        self.body.is_none()
    }
}

fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key)?.as_str().map(str::to_owned)
}

/// `type/subtype` of a `Content-Type` value, when it looks like one.
fn media_type(value: &str) -> Option<String> {
    let media = value.split(';').next()?.trim().to_ascii_lowercase();
    let valid = !media.is_empty()
        && media.len() <= 100
        && media.contains('/')
        && media
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/.+-_".contains(&b));
    valid.then_some(media)
}

fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    if let Some(media) = content_type {
        return media == "text/html" || media == "application/xhtml+xml";
    }
    let start = &body[..body.len().min(64)];
    let text = String::from_utf8_lossy(start).trim_start().to_ascii_lowercase();
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

/// The text of the first `<title>` element, on one line.
fn html_title(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(HTML_SEARCH_BYTES)]);
    let lower = head.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let text_start = open + lower[open..].find('>')? + 1;
    let text_end = text_start + lower[text_start..].find("</title")?;
    let title = redact::one_line(&head[text_start..text_end], EXCERPT_BYTES);
    (!title.is_empty()).then(|| format!("title \"{title}\""))
}

fn cut(mut text: String) -> String {
    if text.len() > EXCERPT_BYTES {
        let mut end = EXCERPT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status_code;
        let reason = status.canonical_reason().unwrap_or("");
        match &self.body {
            Some(body) if body.len == 0 => write!(f, "{} {reason} with an empty body", status.as_u16())?,
            Some(body) => {
                write!(
                    f,
                    "{} {reason}; the body is not a Stytch error (",
                    status.as_u16()
                )?;
                if let Some(media) = &body.content_type {
                    write!(f, "{media}, ")?;
                }
                write!(f, "{} bytes", body.len)?;
                match &body.excerpt {
                    Some(excerpt) => write!(f, "): {excerpt}")?,
                    None => f.write_str(", not shown)")?,
                }
            }
            None if self.error_type.is_empty() => {
                write!(f, "{} {reason}", status.as_u16())?;
                if !self.error_message.is_empty() {
                    write!(f, ": {}", self.error_message)?;
                }
            }
            None => write!(
                f,
                "{} {}: {}",
                status.as_u16(),
                self.error_type,
                self.error_message
            )?,
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request_id {request_id})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let details = self.error_details.clone().map(|mut details| {
            redact::redact_json(&mut details);
            details
        });
        f.debug_struct("ApiError")
            .field("status_code", &self.status_code)
            .field("request_id", &self.request_id)
            .field("error_type", &self.error_type)
            .field("error_message", &self.error_message)
            .field("error_url", &self.error_url)
            .field("error_details", &details)
            .field("body", &self.body)
            .finish()
    }
}

impl StdError for ApiError {}

/// Removes the values serde quotes in its messages (`invalid type: string "..."`, ``unknown
/// variant `...` ``), so a decode error never echoes a token or other secret from a body.
pub(crate) fn redact_serde_message(message: &str) -> String {
    let mut out = match (message.find('"'), message.rfind('"')) {
        (Some(start), Some(end)) if end > start => {
            format!("{}\"{REDACTED}\"{}", &message[..start], &message[end + 1..])
        }
        _ => message.to_owned(),
    };
    const VARIANT: &str = "unknown variant `";
    if let Some(at) = out.find(VARIANT) {
        let start = at + VARIANT.len();
        if let Some(len) = out[start..].find('`') {
            out.replace_range(start..start + len, REDACTED);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stytch_error_body() {
        let body = br#"{"status_code":400,"request_id":"request-id-test-1","error_type":"weak_password","error_message":"Password is too weak.","error_url":"https://stytch.com/docs/api/errors/400#weak_password","error_details":null}"#;
        let api = ApiError::from_response(StatusCode::BAD_REQUEST, body);
        assert!(api.is_stytch_error());
        assert_eq!(api.error_type, "weak_password");
        assert_eq!(api.error_details, None);
        assert_eq!(
            api.to_string(),
            "400 weak_password: Password is too weak. (request_id request-id-test-1)"
        );
    }

    #[test]
    fn oauth2_error_body() {
        let body = br#"{"error":"invalid_grant","error_description":"expired","error_uri":"https://x"}"#;
        let api = ApiError::from_response(StatusCode::UNAUTHORIZED, body);
        assert_eq!(
            (api.error_type.as_str(), api.error_message.as_str()),
            ("invalid_grant", "expired")
        );
        assert_eq!(api.error_url.as_deref(), Some("https://x"));
    }

    #[test]
    fn stytch_envelope_without_error_type_keeps_its_request_id() {
        let api = ApiError::from_response(
            StatusCode::BAD_REQUEST,
            br#"{"status_code":400,"request_id":"request-id-test-2"}"#,
        );
        assert!(api.is_stytch_error());
        assert_eq!(api.request_id.as_deref(), Some("request-id-test-2"));
        assert_eq!(api.to_string(), "400 Bad Request (request_id request-id-test-2)");
    }

    #[test]
    fn html_keeps_only_its_title() {
        let html = format!(
            "<html><head><TITLE>\n 502 Bad\tGateway </title></head><body>{}</body></html>",
            "password=hunter2 ".repeat(200)
        );
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/html; charset=utf-8"),
        );
        let api = ApiError::from_parts(StatusCode::BAD_GATEWAY, &headers, html.as_bytes());
        assert!(!api.is_stytch_error());
        assert_eq!(
            api.to_string(),
            format!(
                "502 Bad Gateway; the body is not a Stytch error (text/html, {} bytes): title \"502 Bad Gateway\"",
                html.len()
            )
        );
        assert!(!format!("{api:?}").contains("hunter2"));
    }

    #[test]
    fn other_bodies_are_described_not_echoed() {
        let api = ApiError::from_response(StatusCode::BAD_GATEWAY, b"upstream said: password=hunter2");
        assert_eq!(
            api.to_string(),
            "502 Bad Gateway; the body is not a Stytch error (31 bytes, not shown)"
        );
        assert!(!format!("{api:?}").contains("hunter2"));
        let empty = ApiError::from_response(StatusCode::SERVICE_UNAVAILABLE, b"");
        assert_eq!(empty.to_string(), "503 Service Unavailable with an empty body");
        let truncated = ApiError::from_response(StatusCode::BAD_REQUEST, br#"{"error_type":"x","#);
        assert!(!truncated.is_stytch_error());
    }

    #[test]
    fn json_bodies_are_redacted_by_key_and_keep_their_request_id() {
        let body = br#"{"request_id":"r-1","member":{"session_token":"mst-1","name":"Ada"}}"#;
        let api = ApiError::from_response(StatusCode::CONFLICT, body);
        assert!(!api.is_stytch_error());
        assert_eq!(api.request_id.as_deref(), Some("r-1"));
        let text = api.to_string();
        assert!(
            text.contains(r#""session_token":"***""#) && text.contains("Ada"),
            "{text}"
        );
        assert!(text.ends_with("(request_id r-1)"), "{text}");
        assert!(!format!("{api:?}").contains("mst-1"));
    }

    #[test]
    fn error_details_are_redacted_in_debug_only() {
        let body = br#"{"error_type":"x","error_message":"m","error_details":{"reset_token":"rt-1"}}"#;
        let api = ApiError::from_response(StatusCode::BAD_REQUEST, body);
        assert_eq!(api.error_details.as_ref().unwrap()["reset_token"], "rt-1");
        assert!(!format!("{api:?}").contains("rt-1"));
        assert!(!api.to_string().contains("rt-1"));
    }

    #[test]
    fn serde_messages_lose_quoted_values() {
        assert_eq!(
            redact_serde_message(r#"invalid type: string "tok_secret", expected u32 at line 1 column 9"#),
            r#"invalid type: string "***", expected u32 at line 1 column 9"#
        );
        assert_eq!(
            redact_serde_message("unknown variant `tok_secret`, expected `a` or `b`"),
            "unknown variant `***`, expected `a` or `b`"
        );
        assert_eq!(
            redact_serde_message("missing field `member`"),
            "missing field `member`"
        );
    }
}
