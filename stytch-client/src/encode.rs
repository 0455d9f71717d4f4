//! Turning field values into wire pieces: path segments, query pairs, JSON bodies and header
//! values. Generated code calls these through `__private`; nothing else encodes by hand.

use crate::error::Error;
use crate::secret::Secret;
use http::{HeaderMap, HeaderName, HeaderValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use std::borrow::Cow;

/// Everything but RFC 3986 unreserved characters is encoded, so a value always stays one
/// segment: `/`, `%`, `?`, `#`, space and non-ASCII are all escaped.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A value that can fill a `{capture}` in a path.
///
/// Implemented for strings and integers. Implement it for your own id types.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill a path capture",
    note = "path captures take strings or integers; implement `stytch_client::PathParam` for your type"
)]
pub trait PathParam {
    /// The unencoded text of the segment.
    fn segment(&self) -> Cow<'_, str>;
}

impl PathParam for str {
    fn segment(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl PathParam for String {
    fn segment(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl<T: PathParam + ?Sized> PathParam for &T {
    fn segment(&self) -> Cow<'_, str> {
        (**self).segment()
    }
}

macro_rules! integer_path_params {
    ($($t:ty),*) => {$(
        impl PathParam for $t {
            fn segment(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}
integer_path_params!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Appends `value` to `out` as one percent-encoded path segment.
///
/// Refuses an empty value (it would silently address another endpoint) and `.` / `..` (which
/// URL parsers collapse, escaping the segment).
pub fn push_segment<T: PathParam + ?Sized>(
    out: &mut String,
    capture: &'static str,
    value: &T,
) -> Result<(), Error> {
    let segment = value.segment();
    match &*segment {
        "" => Err(Error::invalid_request(format!(
            "path capture `{capture}` is empty"
        ))),
        "." | ".." => Err(Error::invalid_request(format!(
            "path capture `{capture}` may not be `.` or `..`"
        ))),
        text => {
            out.extend(utf8_percent_encode(text, SEGMENT));
            Ok(())
        }
    }
}

/// A query string built field by field. `None` values are left out entirely.
#[derive(Default)]
pub struct Query {
    out: String,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value` (form-encoded) unless the value is `None`. Strings, numbers, booleans and
    /// unit enum variants are accepted; anything else is refused with a typed error.
    pub fn push<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let pair = serde_urlencoded::to_string([(key, value)]).map_err(|_| {
            Error::invalid_request(format!(
                "query field `{key}` must be a string, number, boolean or unit enum"
            ))
        })?;
        if !pair.is_empty() {
            if !self.out.is_empty() {
                self.out.push('&');
            }
            self.out.push_str(&pair);
        }
        Ok(())
    }

    /// The query string without `?`, or `None` when nothing was added.
    pub fn finish(self) -> Option<String> {
        (!self.out.is_empty()).then_some(self.out)
    }
}

/// Serializes a request body to JSON bytes.
pub fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(256);
    serde_json::to_writer(&mut out, value).map_err(|e| {
        Error::invalid_request(format!(
            "the body could not be serialized: {}",
            crate::error::redact_serde_message(&e.to_string())
        ))
    })?;
    Ok(out)
}

/// A value usable as one header's text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a header value",
    note = "header fields take `String`, `Secret<String>` or an `Option` of one"
)]
pub trait HeaderText {
    /// The text, or `None` to send no header.
    fn header_text(&self) -> Option<&str>;
}

impl HeaderText for str {
    fn header_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl HeaderText for String {
    fn header_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl HeaderText for Cow<'_, str> {
    fn header_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl HeaderText for Secret<String> {
    fn header_text(&self) -> Option<&str> {
        Some(self.expose_secret())
    }
}

impl<T: HeaderText + ?Sized> HeaderText for &T {
    fn header_text(&self) -> Option<&str> {
        (**self).header_text()
    }
}

impl<T: HeaderText> HeaderText for Option<T> {
    fn header_text(&self) -> Option<&str> {
        self.as_ref().and_then(HeaderText::header_text)
    }
}

/// Inserts a header when `value` is present and non-empty, refusing control characters (CR, LF,
/// NUL, ...) with a typed error that names the header but not the value.
///
/// The building block for your own [`HeaderOptions`](crate::HeaderOptions):
///
/// ```
/// use stytch_client::http::{HeaderMap, HeaderName};
/// use stytch_client::{Error, HeaderOptions, insert_header};
///
/// struct Tenant(String);
///
/// impl HeaderOptions for Tenant {
///     fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error> {
///         insert_header(headers, HeaderName::from_static("x-tenant"), Some(&self.0), false)
///     }
/// }
///
/// let mut headers = HeaderMap::new();
/// Tenant("acme".into()).apply(&mut headers)?;
/// assert_eq!(headers["x-tenant"], "acme");
/// assert!(Tenant("a\r\nb".into()).apply(&mut headers).unwrap_err().is_invalid_request());
/// # Ok::<(), Error>(())
/// ```
pub fn insert_header(
    headers: &mut HeaderMap,
    name: HeaderName,
    value: Option<&str>,
    sensitive: bool,
) -> Result<(), Error> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    let mut value = header_value(&name, value)?;
    value.set_sensitive(sensitive);
    headers.insert(name, value);
    Ok(())
}

/// Validates a header value; the error names the header, never the value.
pub(crate) fn header_value(name: &HeaderName, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| {
        Error::invalid_request(format!(
            "the value of header `{name}` contains characters not allowed in HTTP headers (such as CR or LF)"
        ))
    })
}

/// Prints `***` in generated `Debug` output for sensitive fields.
pub struct Redacted;

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(value: &str) -> Result<String, Error> {
        let mut out = String::new();
        push_segment(&mut out, "id", value)?;
        Ok(out)
    }

    #[test]
    fn segments_encode_everything_reserved() {
        assert_eq!(segment("org-123_a.b~c").unwrap(), "org-123_a.b~c");
        assert_eq!(segment("a/b%c?d#e f").unwrap(), "a%2Fb%25c%3Fd%23e%20f");
        assert_eq!(segment("é").unwrap(), "%C3%A9");
        assert_eq!(segment("..a").unwrap(), "..a");
    }

    #[test]
    fn segments_refuse_empty_and_dots() {
        for bad in ["", ".", ".."] {
            let error = segment(bad).unwrap_err();
            assert!(error.is_invalid_request(), "{bad:?}");
        }
    }

    #[test]
    fn query_skips_none_and_encodes() {
        let mut q = Query::new();
        q.push("a", &Some("x y&z")).unwrap();
        q.push("b", &None::<String>).unwrap();
        q.push("c", &Some(Some(3))).unwrap();
        q.push("d", &true).unwrap();
        assert_eq!(q.finish().as_deref(), Some("a=x+y%26z&c=3&d=true"));
        assert_eq!(Query::new().finish(), None);
        let mut q = Query::new();
        assert!(q.push("v", &vec![1, 2]).unwrap_err().is_invalid_request());
    }

    #[test]
    fn headers_refuse_control_characters_and_skip_empty() {
        let mut headers = HeaderMap::new();
        let name = HeaderName::from_static("x-test");
        let error = insert_header(&mut headers, name.clone(), Some("a\r\nInjected: 1"), false).unwrap_err();
        assert!(error.is_invalid_request());
        assert!(!error.to_string().contains("Injected"));
        insert_header(&mut headers, name.clone(), Some(""), false).unwrap();
        assert!(headers.is_empty());
        insert_header(&mut headers, name.clone(), Some("v"), true).unwrap();
        assert!(headers["x-test"].is_sensitive());
    }
}
