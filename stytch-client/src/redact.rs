//! Redaction shared by every printed form of a request body, an error body and a URL: JSON
//! values under secret-named keys, URL userinfo and queries, and text squeezed onto one line.

use serde_json::Value;

/// What a redacted value prints as.
pub(crate) const REDACTED: &str = "***";

/// Parts of a JSON key that make its value a secret (compared case-insensitively).
const SECRET_KEY_PARTS: &[&str] = &[
    "password",
    "token",
    "jwt",
    "secret",
    "hash",
    "salt",
    "code",
    "key",
    "credential",
    "authorization",
    "cookie",
    "signature",
];

/// Keys that contain a secret-looking part but never hold a secret.
const NOT_SECRET: &[&str] = &["status_code"];

/// True when a JSON key names a secret (`password`, `session_token`, `session_jwt`,
/// `password_hash`, `code`, `api_key`, ...).
pub(crate) fn is_secret_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    !NOT_SECRET.contains(&lower.as_str()) && SECRET_KEY_PARTS.iter().any(|part| lower.contains(part))
}

/// Replaces, anywhere in `value`, every non-null, non-boolean value held by a secret-named key
/// with `"***"`. A string that embeds JSON (a gateway echoing a request body inside its own JSON
/// error) is redacted the same way inside.
pub(crate) fn redact_json(value: &mut Value) {
    redact_value(value, false);
}

fn redact_value(value: &mut Value, secret: bool) {
    match value {
        Value::Null | Value::Bool(_) => {}
        _ if secret => *value = Value::String(REDACTED.to_owned()),
        Value::Number(_) => {}
        Value::String(text) => {
            if let Some(redacted) = redact_embedded_json(text) {
                *text = redacted;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact_value(item, false)),
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                redact_value(item, is_secret_key(key));
            }
        }
    }
}

/// The text with the JSON object or array it embeds (from the first `{`/`[` to the last
/// `}`/`]`) redacted, or `None` when it embeds none.
fn redact_embedded_json(text: &str) -> Option<String> {
    let start = text.find(['{', '['])?;
    let end = text.rfind(['}', ']'])?;
    if end <= start {
        return None;
    }
    let mut embedded: Value = serde_json::from_str(&text[start..=end]).ok()?;
    redact_json(&mut embedded);
    Some(format!("{}{embedded}{}", &text[..start], &text[end + 1..]))
}

/// The JSON text of `body` with secret-named values redacted, or `None` when it is not JSON.
pub(crate) fn redacted_json_text(body: &[u8]) -> Option<String> {
    let mut value: Value = serde_json::from_slice(body).ok()?;
    redact_json(&mut value);
    Some(value.to_string())
}

/// A URL for display: userinfo (user and password) and the query replaced by `***`, the
/// fragment dropped. Works on text that does not parse as a URL too.
pub(crate) fn redact_url(raw: &str) -> String {
    let raw = raw.split('#').next().unwrap_or_default();
    let (before_query, has_query) = match raw.split_once('?') {
        Some((before, _)) => (before, true),
        None => (raw, false),
    };
    let (scheme, rest) = match before_query.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, before_query),
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let mut out = String::with_capacity(raw.len());
    if let Some(scheme) = scheme {
        out.push_str(scheme);
        out.push_str("://");
    }
    match authority.rsplit_once('@') {
        Some((_, host)) => {
            out.push_str(REDACTED);
            out.push('@');
            out.push_str(host);
        }
        None => out.push_str(authority),
    }
    out.push_str(path);
    if has_query {
        out.push('?');
        out.push_str(REDACTED);
    }
    out
}

/// `text` on one line: control characters become spaces, runs of whitespace one space, and at
/// most `max` bytes are kept (cut at a character boundary, marked with `…`).
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max + 3));
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.len() > max {
            break;
        }
    }
    if out.len() > max {
        let mut cut = max;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secret_keys() {
        for key in [
            "password",
            "Session_Token",
            "session_jwt",
            "password_hash",
            "code",
            "totp_code",
            "api_key",
            "client_secret",
            "salt",
        ] {
            assert!(is_secret_key(key), "{key}");
        }
        for key in [
            "email_address",
            "member_id",
            "status_code",
            "request_id",
            "message",
        ] {
            assert!(!is_secret_key(key), "{key}");
        }
    }

    #[test]
    fn json_is_redacted_by_key_recursively_and_inside_embedded_json() {
        let mut value = json!({
            "message": "conflict",
            "session_token": "tok-1",
            "code": 123456,
            "verified": true,
            "nested": [{"password": {"plain": "pw-1"}}, {"jwt": null}],
            "echo": "body was {\"password\":\"pw-2\",\"email\":\"a@b\"} (rejected)",
        });
        redact_json(&mut value);
        assert_eq!(
            value,
            json!({
                "message": "conflict",
                "session_token": "***",
                "code": "***",
                "verified": true,
                "nested": [{"password": "***"}, {"jwt": null}],
                "echo": "body was {\"email\":\"a@b\",\"password\":\"***\"} (rejected)",
            })
        );
        assert_eq!(redacted_json_text(b"not json"), None);
    }

    #[test]
    fn urls_lose_userinfo_query_and_fragment() {
        assert_eq!(
            redact_url("https://user:pa55@proxy.example.com:8443/stytch?key=k#f"),
            "https://***@proxy.example.com:8443/stytch?***"
        );
        assert_eq!(redact_url("https://x.example.com/p"), "https://x.example.com/p");
        assert_eq!(redact_url("user:pa55@host/p"), "***@host/p");
        assert_eq!(redact_url("http://a@b@c/d@e"), "http://***@c/d@e");
    }

    #[test]
    fn one_line_squeezes_and_cuts() {
        assert_eq!(one_line("  a\r\n\tb  c ", 100), "a b c");
        assert_eq!(one_line("ééé", 3), "é…");
    }
}
