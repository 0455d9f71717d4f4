//! The B2B One-Time Passcodes API: SMS passcodes as a second factor ([`sms`]), and email
//! passcodes as a primary factor for one organization ([`email`]) or across organizations
//! ([`email::discovery`]).
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{ExchangeLocale, MemberId, OrganizationId, SetMfaEnrollment};
//! use stytch_client::b2b::otps::sms;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let member_id = MemberId::new("member-test-...");
//! // After a primary factor returned an intermediate session token:
//! let intermediate_session_token = "ist-from-the-primary-factor";
//! client
//!     .send(
//!         sms::Send::new(&organization_id, &member_id)
//!             .mfa_phone_number("+12025550123")
//!             .locale(ExchangeLocale::Fr)
//!             .intermediate_session_token(intermediate_session_token),
//!     )
//!     .await?;
//!
//! // With the code the member typed:
//! let session = client
//!     .send(
//!         sms::Authenticate::new(&organization_id, &member_id, "123456")
//!             .intermediate_session_token(intermediate_session_token)
//!             .set_mfa_enrollment(SetMfaEnrollment::Enroll),
//!     )
//!     .await?;
//! println!("session token: {:?}", session.session_token); // prints ***
//! # Ok(())
//! # }
//! ```

pub mod email;
pub mod sms;
