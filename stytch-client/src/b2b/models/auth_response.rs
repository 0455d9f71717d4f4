//! The one declaration of the fields every call that issues a member session answers with:
//! [`member_session_response!`] (a session, e.g. a second factor or a session exchange) and
//! [`member_auth_response!`] (a session, or an intermediate session while a factor is pending:
//! passwords, magic links, email OTP, SSO, OAuth, discovery, impersonation).

/// Declares a response struct that carries a member's session, followed by the endpoint's own
/// fields: `request_id`, `status_code`, `member_id`, `member`, `organization`, `member_session`,
/// `session_token` and `session_jwt`. The fields stay flat on the struct, as on the wire.
macro_rules! member_session_response {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident : $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
        pub struct $name {
            /// Stytch's id for this request; quote it to support.
            pub request_id: String,
            /// The HTTP status Stytch answered with.
            pub status_code: u16,
            /// The id of the member who authenticated.
            pub member_id: $crate::b2b::models::MemberId,
            /// The member who authenticated.
            pub member: $crate::b2b::models::Member,
            /// The member's organization.
            pub organization: $crate::b2b::models::Organization,
            /// The new or extended session; `None` while MFA or another primary factor is still
            /// needed.
            #[serde(default)]
            pub member_session: Option<$crate::b2b::models::MemberSession>,
            /// The session token (empty when no session was issued).
            #[serde(default, deserialize_with = "crate::b2b::models::de::null_as_default")]
            pub session_token: $crate::Secret<String>,
            /// The session JWT, valid for five minutes (empty when no session was issued).
            #[serde(default, deserialize_with = "crate::b2b::models::de::null_as_default")]
            pub session_jwt: $crate::Secret<String>,
            $($(#[$field_meta])* pub $field: $ty,)*
        }
    };
}

/// Declares a response struct that carries a member's session or intermediate session: the
/// fields of [`member_session_response!`], then `member_authenticated`,
/// `intermediate_session_token`, `intermediate_session_token_expires_at` and `mfa_required`,
/// then the endpoint's own fields.
macro_rules! member_auth_response {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* pub $field:ident : $ty:ty,)*
        }
    ) => {
        $crate::b2b::models::member_session_response! {
            $(#[$meta])*
            pub struct $name {
                /// Whether the member is fully authenticated (no MFA or primary factor pending).
                #[serde(default, deserialize_with = "crate::b2b::models::de::null_as_default")]
                pub member_authenticated: bool,
                /// An intermediate session token to finish MFA, another primary factor or the
                /// choice of an organization (empty when a full session was issued).
                #[serde(default, deserialize_with = "crate::b2b::models::de::null_as_default")]
                pub intermediate_session_token: $crate::Secret<String>,
                /// When the intermediate session token expires.
                #[serde(default, deserialize_with = "crate::b2b::models::timestamp::optional")]
                pub intermediate_session_token_expires_at: Option<chrono::DateTime<chrono::Utc>>,
                /// What the member must do to finish MFA, if it is required.
                #[serde(default)]
                pub mfa_required: Option<$crate::b2b::models::MfaRequired>,
                $($(#[$field_meta])* pub $field: $ty,)*
            }
        }
    };
}

pub(crate) use {member_auth_response, member_session_response};
