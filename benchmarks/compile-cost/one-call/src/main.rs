//! Sends one `passwords::StrengthCheck` through stytch-client.

use stytch_client::Client;
use stytch_client::b2b::passwords::StrengthCheck;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), stytch_client::Error> {
    let client = Client::from_env()?;
    let response = client.send(StrengthCheck::new("correct horse battery staple")).await?;
    println!("valid: {}", response.valid_password);
    Ok(())
}
