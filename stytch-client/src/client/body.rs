//! Request bodies: [`RequestBody`], the bytes [`Client::http_request`](crate::Client::http_request)
//! returns with a redacting `Debug`, and the one-shot body every attempt is sent with.

use bytes::Bytes;
use http_body::{Frame, SizeHint};
use std::convert::Infallible;
use std::fmt;
use std::ops::Deref;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

/// The body of the request [`Client::http_request`](crate::Client::http_request) builds: the
/// exact bytes that would be sent, whose `Debug` prints the JSON with every value of a
/// secret-named key (`password`, `*token*`, `*jwt*`, `*secret*`, `*hash*`, `*code*`, `*key*`, ...)
/// replaced by `***`.
///
/// It dereferences to `[u8]`, so assertions read it like a byte slice:
///
/// ```
/// use stytch_client::{Client, RequestOptions, Secret, endpoint};
///
/// #[endpoint(POST, "/v1/b2b/passwords/authenticate", response = serde_json::Value)]
/// pub struct Authenticate {
///     pub email_address: String,
///     pub password: Secret<String>,
/// }
///
/// let client = Client::new("project-test-1", "secret-test-1")?;
/// let request = client.http_request(Authenticate::new("ada@example.com", "hunter2"), &RequestOptions::new())?;
/// assert_eq!(&request.body()[..], br#"{"email_address":"ada@example.com","password":"hunter2"}"#);
/// assert_eq!(
///     format!("{:?}", request.body()),
///     r#"RequestBody({"email_address":"ada@example.com","password":"***"})"#
/// );
/// assert!(!format!("{request:?}").contains("hunter2"));
/// # Ok::<(), stytch_client::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RequestBody(Bytes);

impl RequestBody {
    pub(crate) fn new(bytes: Bytes) -> Self {
        Self(bytes)
    }

    /// The bytes (a cheap reference-counted clone).
    pub fn bytes(&self) -> Bytes {
        self.0.clone()
    }

    /// The bytes, consuming the body.
    pub fn into_bytes(self) -> Bytes {
        self.0
    }
}

impl Deref for RequestBody {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for RequestBody {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<RequestBody> for Bytes {
    fn from(body: RequestBody) -> Bytes {
        body.0
    }
}

impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("RequestBody(empty)");
        }
        match crate::redact::redacted_json_text(&self.0) {
            Some(json) => write!(f, "RequestBody({json})"),
            None => write!(f, "RequestBody(<{} bytes, not JSON>)", self.0.len()),
        }
    }
}

/// Set once the HTTP stack has started writing a request.
#[derive(Clone, Default)]
pub(crate) struct SentProbe(Arc<AtomicBool>);

impl SentProbe {
    /// False only when the request has certainly not been handed to a connection.
    pub(crate) fn maybe_sent(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }
}

/// The body an attempt is sent with: its bytes, readable once.
///
/// Being readable once is what keeps any HTTP client, including one configured to follow
/// redirects, from re-sending the request to a redirect target: a body it cannot clone makes
/// reqwest's redirect handling return a 307/308 (and a 301/302 to anything but a POST) instead
/// of following it. The size hint is never an exact zero, which such clients would also clone.
///
/// HTTP/1 and HTTP/2 poll a body only after they began writing the request head, so a request
/// *with* a body whose probe is still unset was never sent. A request without a body is never
/// polled: its probe says "maybe sent" from the start.
pub(crate) struct WireBody {
    data: Option<Bytes>,
    probe: SentProbe,
}

impl WireBody {
    pub(crate) fn new(data: Option<Bytes>) -> (Self, SentProbe) {
        let probe = SentProbe::default();
        if data.is_none() {
            probe.0.store(true, Ordering::Release);
        }
        let body = Self {
            data,
            probe: probe.clone(),
        };
        (body, probe)
    }
}

impl http_body::Body for WireBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.probe.0.store(true, Ordering::Release);
        Poll::Ready(self.data.take().map(|data| Ok(Frame::data(data))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        match &self.data {
            Some(data) if !data.is_empty() => SizeHint::with_exact(data.len() as u64),
            _ => SizeHint::default(),
        }
    }
}
