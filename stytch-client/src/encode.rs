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

/// Appends `segment` (a [`PathParam::segment`]) to `out`, percent-encoded as one path segment.
///
/// Refuses an empty value (it would silently address another endpoint) and `.` / `..` (which
/// URL parsers collapse, escaping the segment). Generated code calls the [`PathParam`] method
/// itself, so a type that cannot fill a capture is reported at the user's field.
pub fn push_segment(out: &mut String, capture: &'static str, segment: &str) -> Result<(), Error> {
    match segment {
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

/// A query string built field by field.
///
/// Generated code serializes each field with [`QueryValue`] (serde_json's value serializer) and
/// hands the result to [`Query::push`]: `null` (a `None`) is left out, a string, number or
/// boolean (a unit enum variant serializes as its name) becomes one `key=value` pair, and a
/// sequence of those repeats the key (`tags=a&tags=b`), as Stytch reads list filters on a GET.
#[derive(Default)]
pub struct Query {
    out: String,
}

/// The serializer generated code turns query fields into values with.
pub use serde_json::value::Serializer as QueryValue;

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key=value` pairs (form-encoded) for one field's serialized value; see [`Query`].
    /// Objects, nested lists and values that fail to serialize are refused with a typed error.
    pub fn push(
        &mut self,
        key: &'static str,
        value: Result<serde_json::Value, serde_json::Error>,
    ) -> Result<(), Error> {
        let refused = || {
            Error::invalid_request(format!(
                "query field `{key}` must be a string, number, boolean, unit enum, or a list of those"
            ))
        };
        match value.map_err(|_| refused())? {
            serde_json::Value::Array(items) => {
                for item in items {
                    if !self.pair(key, &item) {
                        return Err(refused());
                    }
                }
                Ok(())
            }
            value if self.pair(key, &value) => Ok(()),
            _ => Err(refused()),
        }
    }

    /// Appends one pair for a scalar (nothing for `null`); false for anything else.
    fn pair(&mut self, key: &str, value: &serde_json::Value) -> bool {
        let text = match value {
            serde_json::Value::Null => return true,
            serde_json::Value::String(text) => Cow::Borrowed(text.as_str()),
            serde_json::Value::Bool(flag) => Cow::Borrowed(if *flag { "true" } else { "false" }),
            serde_json::Value::Number(number) => Cow::Owned(number.to_string()),
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => return false,
        };
        if !self.out.is_empty() {
            self.out.push('&');
        }
        // Serializing one pair of strings cannot fail.
        if let Ok(pair) = serde_urlencoded::to_string([(key, &*text)]) {
            self.out.push_str(&pair);
        }
        true
    }

    /// The query string without `?`, or `None` when nothing was added.
    pub fn finish(self) -> Option<String> {
        (!self.out.is_empty()).then_some(self.out)
    }
}

/// Marks a `form` endpoint's body as `application/x-www-form-urlencoded` (replacing the
/// client's JSON content type).
pub fn form_content_type(headers: &mut http::HeaderMap) {
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
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

/// A field in generated `Debug` output, printed with the `Debug::fmt` the generated code named as
/// `<FieldType as Debug>::fmt`, so that a type without `Debug` is reported at the user's field.
pub struct DebugField<'a, T: ?Sized>(
    pub &'a T,
    pub fn(&T, &mut std::fmt::Formatter<'_>) -> std::fmt::Result,
);

impl<T: ?Sized> std::fmt::Debug for DebugField<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (self.1)(self.0, f)
    }
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
        push_segment(&mut out, "id", &PathParam::segment(value))?;
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

    fn push<T: Serialize + ?Sized>(query: &mut Query, key: &'static str, value: &T) -> Result<(), Error> {
        query.push(key, value.serialize(QueryValue))
    }

    #[test]
    fn query_skips_none_and_encodes() {
        let mut q = Query::new();
        push(&mut q, "a", &Some("x y&z")).unwrap();
        push(&mut q, "b", &None::<String>).unwrap();
        push(&mut q, "c", &Some(Some(3))).unwrap();
        push(&mut q, "d", &true).unwrap();
        push(&mut q, "e", &1.5).unwrap();
        assert_eq!(q.finish().as_deref(), Some("a=x+y%26z&c=3&d=true&e=1.5"));
        assert_eq!(Query::new().finish(), None);
    }

    #[test]
    fn query_repeats_the_key_for_lists_and_refuses_objects() {
        let mut q = Query::new();
        push(&mut q, "tags", &["a b", "c"]).unwrap();
        push(&mut q, "ids", &Vec::<u32>::new()).unwrap();
        push(&mut q, "n", &[Some(1), None, Some(2)]).unwrap();
        assert_eq!(q.finish().as_deref(), Some("tags=a+b&tags=c&n=1&n=2"));
        let mut q = Query::new();
        assert!(
            push(&mut q, "v", &vec![vec![1]])
                .unwrap_err()
                .is_invalid_request()
        );
        let map: std::collections::BTreeMap<&str, u8> = [("k", 1)].into();
        assert!(push(&mut q, "m", &map).unwrap_err().is_invalid_request());
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
