//! Sends one B2B password strength check with reqwest, serde and tokio, by hand.

use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct StrengthCheck<'a> {
    password: &'a str,
}

#[derive(Deserialize)]
struct StrengthCheckResponse {
    valid_password: bool,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let project_id = std::env::var("STYTCH_PROJECT_ID")?;
    let secret = std::env::var("STYTCH_SECRET")?;
    let response: StrengthCheckResponse = reqwest::Client::new()
        .post("https://test.stytch.com/v1/b2b/passwords/strength_check")
        .basic_auth(project_id, Some(secret))
        .json(&StrengthCheck { password: "correct horse battery staple" })
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    println!("valid: {}", response.valid_password);
    Ok(())
}
