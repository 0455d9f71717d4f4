//! Typed ids: the ids that flow from a response into a later request.
//!
//! Each is a string newtype declared by one line of `typed_ids!`. Responses return them and
//! requests take them, so an organization id cannot land where a member id or an email address
//! belongs:
//!
//! ```compile_fail
//! use stytch_client::b2b::organizations::members::Get;
//! // A string is not an `OrganizationId`: build one explicitly.
//! let request = Get::new("organization-test-...");
//! ```
//!
//! ```
//! use stytch_client::b2b::models::{MemberId, OrganizationId};
//! use stytch_client::b2b::organizations::members::Get;
//!
//! let organization_id = OrganizationId::new("organization-test-...");
//! // Requests take an id by value or by reference (a cheap clone).
//! let request = Get::new(&organization_id).member_id(MemberId::new("member-test-..."));
//! assert_eq!(request.organization_id, "organization-test-...");
//! assert_eq!(organization_id.as_str(), "organization-test-...");
//! assert_eq!(organization_id.to_string(), "organization-test-...");
//! ```

use crate::PathParam;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::fmt;

/// Declares string newtype ids. Each gets `new` (the only way to build one from a string),
/// `as_str`, `into_string`, `Display`, `Deref<Target = str>` (string methods work, and `&id`
/// goes where a `&str` is expected), `AsRef<str>`, `Borrow<str>`, comparison with strings,
/// `From<&Self>` (so requests take `&id`), transparent serde, and `PathParam`.
macro_rules! typed_ids {
    ($( $(#[$doc:meta])* $name:ident; )+) => {$(
        $(#[$doc])*
        ///
        /// Serialized as a plain JSON string. Build one from a string only with
        /// [`new`](Self::new); requests also take `&id`.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id string as Stytch issued it.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id as an owned `String`.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<&$name> for $name {
            fn from(id: &$name) -> Self {
                id.clone()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self)
            }
        }

        impl PathParam for $name {
            fn segment(&self) -> Cow<'_, str> {
                Cow::Borrowed(&self.0)
            }
        }
    )+};
}

typed_ids! {
    /// An organization's id, `organization-test-...` or `organization-live-...`.
    ///
    /// Endpoints documented as accepting an organization's slug or external id in its place
    /// take that alias the same way: `OrganizationId::new("acme")`.
    OrganizationId;
    /// A member's id, `member-test-...`.
    MemberId;
    /// A member session's id, `member-session-test-...`.
    MemberSessionId;
    /// The id of a member's password, `member-password-test-...` (empty when the member has none).
    MemberPasswordId;
    /// A TOTP registration's id, `member-totp-test-...` (empty when the member has none).
    TotpId;
    /// An SSO (SAML, OIDC, external) or SCIM connection's id, e.g. `saml-connection-test-...`.
    ConnectionId;
    /// A connected app's id, `connected-app-test-...`.
    ConnectedAppId;
    /// The id of one of a member's email addresses, `member-email-test-...` (as listed in
    /// `Member::retired_email_addresses`).
    EmailId;
    /// The id of an X.509 certificate of a SAML connection (signing or verification).
    CertificateId;
    /// The id of an encryption private key of a SAML connection.
    PrivateKeyId;
    /// The id of a group a SCIM connection's identity provider pushed.
    ScimGroupId;
}
