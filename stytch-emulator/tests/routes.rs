//! The route table agrees with what the emulator serves: every real Stytch route is either
//! served or answered `501 not_emulated`; anything else is `404 route_not_found`.

mod common;

use common::*;
use reqwest::Method;
use stytch_emulator::routes::ROUTES;

/// The template with every capture filled.
fn filled(template: &str) -> String {
    template
        .split('/')
        .map(|s| if s.starts_with('{') { "x-1" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_stytch_route_is_served_or_says_not_emulated() {
    let h = H::new().await;
    let mut served = 0;
    for route in ROUTES {
        let method = Method::from_bytes(route.method.as_bytes()).unwrap();
        let body = (method != Method::GET).then(|| serde_json::json!({}));
        let (status, v) = h.call(method, &filled(route.path), body.as_ref()).await;
        let error_type = v["error_type"].as_str().unwrap_or("");
        if route.emulated {
            served += 1;
            assert!(
                !["not_emulated", "route_not_found", "method_not_allowed"].contains(&error_type),
                "{} {} is marked emulated but answered {status} {v:#}",
                route.method,
                route.path
            );
        } else {
            assert_eq!(
                (status, error_type),
                (501, "not_emulated"),
                "{} {}: {v:#}",
                route.method,
                route.path
            );
            assert_error_shape(&v, 501);
            let message = v["error_message"].as_str().unwrap();
            assert!(message.contains(route.path), "{message}");
        }
    }
    assert!(served >= 27, "{served} routes served");
}

#[tokio::test]
async fn a_typo_is_still_route_not_found() {
    let h = H::new().await;
    let (status, v) = h
        .post("/v1/b2b/passwords/authenticat", serde_json::json!({}))
        .await;
    assert_eq!((status, v["error_type"].as_str()), (404, Some("route_not_found")));
    let (status, v) = h.get("/v1/b2b/impersonation/authenticate").await;
    assert_eq!(
        (status, v["error_type"].as_str()),
        (404, Some("route_not_found")),
        "{v:#}"
    );
    // A served path with a method Stytch does not have either.
    let (status, v) = h
        .call(Method::PATCH, "/v1/b2b/passwords/authenticate", None)
        .await;
    assert_eq!(
        (status, v["error_type"].as_str()),
        (405, Some("method_not_allowed"))
    );
}
