//! Property tests: whatever a user passes, captures stay one segment and come back unaltered,
//! header injection is impossible, and error bodies never make the client panic.

use proptest::prelude::*;
use stytch_client::http::StatusCode;
use stytch_client::{ApiError, Client, RequestOptions, endpoint};

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/members/{member_id}", response = serde_json::Value)]
pub struct GetMember {
    pub organization_id: String,
    pub member_id: String,
}

#[endpoint(POST, "/v1/things", response = serde_json::Value)]
pub struct Traced {
    #[endpoint(header = "X-Trace-Id")]
    pub trace_id: Option<String>,
}

/// One client for all cases: building one loads the system's TLS roots (tens of milliseconds).
fn client() -> &'static Client {
    static CLIENT: std::sync::OnceLock<Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::builder()
            .credentials("p", "s")
            .base_url("http://127.0.0.1:9/base")
            .build()
            .unwrap()
    })
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&segment[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Strings rich in the characters that break paths: `/ % ? # .. CR LF`, spaces and unicode.
fn hostile_string() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("/".to_owned()),
            Just("%".to_owned()),
            Just("%2F".to_owned()),
            Just("?".to_owned()),
            Just("#".to_owned()),
            Just("..".to_owned()),
            Just("\r\n".to_owned()),
            Just(" ".to_owned()),
            Just("&=+".to_owned()),
            any::<String>(),
        ],
        1..6,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn captures_stay_one_segment_and_round_trip(org in hostile_string(), member in hostile_string()) {
        let built = client().http_request(GetMember::new(org.clone(), member.clone()), &RequestOptions::new());
        if org.is_empty() || org == "." || org == ".." || member.is_empty() || member == "." || member == ".." {
            prop_assert!(built.unwrap_err().is_invalid_request());
            return Ok(());
        }
        let request = built.unwrap();
        prop_assert!(request.uri().query().is_none());
        let path = request.uri().path();
        let segments: Vec<&str> = path.split('/').collect();
        prop_assert_eq!(segments.len(), 8, "path {}", path);
        prop_assert_eq!(&segments[..5], &["", "base", "v1", "b2b", "organizations"]);
        prop_assert_eq!(segments[6], "members");
        prop_assert_eq!(percent_decode(segments[5]), org);
        prop_assert_eq!(percent_decode(segments[7]), member);
    }

    #[test]
    fn header_values_with_cr_or_lf_are_refused(prefix in any::<String>(), suffix in any::<String>(), newline in prop_oneof![Just("\r"), Just("\n"), Just("\r\n")]) {
        let value = format!("{prefix}{newline}{suffix}");
        let field = client().http_request(Traced::new().trace_id(value.clone()), &RequestOptions::new());
        prop_assert!(field.unwrap_err().is_invalid_request());
        let per_call = client().http_request(Traced::new(), &RequestOptions::new().header("X-Trace-Id", &value));
        prop_assert!(per_call.unwrap_err().is_invalid_request());
    }

    #[test]
    fn printable_header_values_are_sent_unaltered(value in "[ -~]{1,64}") {
        let request = client().http_request(Traced::new().trace_id(value.clone()), &RequestOptions::new()).unwrap();
        let sent = request.headers().get("x-trace-id").map(|v| v.to_str().unwrap().to_owned());
        // Leading/trailing whitespace-only values are still one header; HTTP trims nothing here.
        prop_assert_eq!(sent, Some(value));
    }

    #[test]
    fn any_error_body_gives_an_api_error(status in 400u16..600, body in prop::collection::vec(any::<u8>(), 0..2048)) {
        let api = ApiError::from_response(StatusCode::from_u16(status).unwrap(), &body);
        prop_assert_eq!(api.status_code.as_u16(), status);
        let _ = api.to_string();
    }
}
