//! Stytch-shaped error responses.

use crate::policy;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error the emulator answers with: status, `error_type`, `error_message` and optional
/// `error_details`. Rendered with all five fields Stytch always sends.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub status: u16,
    pub error_type: String,
    pub message: String,
    pub details: Option<Value>,
}

/// Handler result.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: u16, error_type: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            error_type: error_type.to_owned(),
            message: message.into(),
            details: None,
        }
    }

    pub fn with_error_type(mut self, error_type: &str) -> Self {
        self.error_type = error_type.to_owned();
        self
    }

    pub fn with_message(mut self, message: &str) -> Self {
        self.message = message.to_owned();
        self
    }

    pub fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    fn field(error_type: &str, field: &str, message: String) -> Self {
        let e = Self::new(400, error_type, message);
        if policy::FIELD_ERRORS_CARRY_DETAILS {
            e.with_details(json!({ "field": field }))
        } else {
            e
        }
    }

    /// A required field is missing, null or empty.
    pub fn missing(field: &str) -> Self {
        Self::field(
            policy::MISSING_FIELD_ERROR,
            field,
            format!("{field} is a required field and must not be empty."),
        )
    }

    /// A field has the wrong JSON type or an unacceptable value.
    pub fn invalid(field: &str, why: impl std::fmt::Display) -> Self {
        Self::field(
            policy::INVALID_FIELD_ERROR,
            field,
            format!("{field} is invalid: {why}"),
        )
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "bad_request", message)
    }

    pub fn unauthorized() -> Self {
        Self::new(401, "unauthorized_credentials", "Unauthorized credentials.")
    }

    pub fn not_found(error_type: &str, message: impl Into<String>) -> Self {
        Self::new(policy::NOT_FOUND_STATUS, error_type, message)
    }

    pub fn organization_not_found() -> Self {
        Self::not_found("organization_not_found", "Organization could not be found.")
    }

    pub fn member_not_found() -> Self {
        Self::not_found("member_not_found", "Member could not be found.")
    }

    pub fn session_not_found() -> Self {
        Self::new(404, "session_not_found", "Session could not be found.")
    }

    pub fn invalid_session_token() -> Self {
        Self::new(400, "invalid_session_token", "Session token format is invalid.")
    }

    pub fn ist_not_found() -> Self {
        Self::not_found(
            "intermediate_session_not_found",
            "Intermediate session could not be found.",
        )
    }

    pub fn invalid_email() -> Self {
        Self::field(
            "invalid_email",
            "email_address",
            "Email format is invalid.".to_owned(),
        )
    }

    pub fn weak_password() -> Self {
        Self::new(
            policy::WEAK_PASSWORD_STATUS,
            "weak_password",
            "password doesn't meet our strength requirements.",
        )
    }

    pub fn cross_org_disabled() -> Self {
        Self::new(
            policy::CROSS_ORG_DISABLED_STATUS,
            "cross_org_passwords_not_enabled",
            "Cross-organization passwords are not enabled for this project.",
        )
    }

    pub fn too_many_session_arguments() -> Self {
        Self::new(
            400,
            policy::TOO_MANY_SESSION_ARGUMENTS,
            "Provide only one of session_token and session_jwt (and intermediate_session_token where accepted).",
        )
    }

    pub fn no_session_arguments() -> Self {
        Self::new(
            400,
            policy::NO_SESSION_ARGUMENTS,
            "A session_token or session_jwt is required.",
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            500,
            "internal_server_error",
            format!(
                "Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong. ({})",
                message.into()
            ),
        )
    }

    /// The JSON body with a fresh request id.
    pub fn body(&self) -> Value {
        let mut body = json!({
            "status_code": self.status,
            "request_id": crate::ids::request_id(),
            "error_type": self.error_type,
            "error_message": self.message,
            "error_url": format!("https://stytch.com/docs/b2b/api/errors/{}#{}", self.status, self.error_type),
        });
        if let Some(details) = &self.details {
            body["error_details"] = details.clone();
        }
        body
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        crate::server::json_response(status, &self.body())
    }
}
