//! `#[endpoint]` in an edition-2015 crate (issue 16, item 13): fields named `async`, `await`,
//! `dyn` and `try` (ordinary identifiers in 2015) are accepted, and the generated code resolves.
//! `tests/ui.rs` checks that the macro's errors render in 2015 too.

extern crate serde_json;
extern crate stytch_client;

use stytch_client::endpoint;

/// Keyword-like field names of edition 2015, in the body.
#[endpoint(POST, "/v1/jobs/{try}", response = serde_json::Value)]
pub struct StartJob {
    pub try: u32,
    pub async: bool,
    pub dyn: Option<String>,
    pub await: Option<Option<u8>>,
}

/// ... and in the query.
#[endpoint(GET, "/v1/jobs", response = serde_json::Value)]
pub struct ListJobs {
    pub async: Option<bool>,
    pub dyn: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use stytch_client::http::Request;
    use stytch_client::{Client, Endpoint, RequestBody, RequestOptions};

    fn wire<E: Endpoint>(endpoint: E) -> Request<RequestBody> {
        let client = Client::builder()
            .credentials("project-test-x", "secret")
            .base_url("http://127.0.0.1:1")
            .build()
            .unwrap();
        client.http_request(endpoint, &RequestOptions::new()).unwrap()
    }

    #[test]
    fn keyword_like_fields_go_on_the_wire_by_name() {
        let request = wire(StartJob::new(3, true).r#dyn("d").await_null());
        assert_eq!(request.method(), "POST");
        assert_eq!(request.uri(), "http://127.0.0.1:1/v1/jobs/3");
        assert_eq!(
            request.body().as_ref(),
            &br#"{"async":true,"dyn":"d","await":null}"#[..]
        );
        let request = wire(ListJobs::new(vec!["a".to_owned(), "b".to_owned()]).r#async(false));
        assert_eq!(
            request.uri(),
            "http://127.0.0.1:1/v1/jobs?async=false&dyn=a&dyn=b"
        );
    }
}
