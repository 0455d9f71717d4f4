//! `Client::from_env`: the only test of this binary, since it writes the process environment.

use stytch_client::Client;

#[test]
fn a_base_url_from_the_environment_never_prints_its_userinfo() {
    // SAFETY: this binary runs no other test, so no other thread reads the environment.
    unsafe {
        std::env::set_var("STYTCH_PROJECT_ID", "project-test-1");
        std::env::set_var("STYTCH_SECRET", "secret-test-1");
        std::env::set_var("STYTCH_BASE_URL", "https://ada:pa55word@stytch.example.com/");
    }
    let error = Client::from_env().unwrap_err();
    let printed = format!("{error} {error:?} {error:#?}");
    assert!(error.is_config(), "{printed}");
    assert!(!printed.contains("pa55word"), "{printed}");
    assert!(printed.contains("https://***@stytch.example.com/"), "{printed}");

    // SAFETY: as above.
    unsafe { std::env::set_var("STYTCH_BASE_URL", "http://127.0.0.1:9/prefix/") };
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), "http://127.0.0.1:9/prefix");
}
