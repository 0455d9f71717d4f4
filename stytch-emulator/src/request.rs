//! Reading requests: the JSON body extractor and typed field access with Stytch-shaped errors.

use crate::errors::{ApiError, ApiResult};
use crate::policy;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A JSON object body. Rejects a non-JSON content type, an oversized body, malformed JSON and
/// non-object JSON with Stytch-shaped errors. An empty body reads as `{}`.
pub(crate) struct Body(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(ct) = req.headers().get(CONTENT_TYPE) {
            let ct = ct.to_str().unwrap_or("").trim().to_ascii_lowercase();
            let essence = ct.split(';').next().unwrap_or("").trim();
            if !(essence == "application/json" || essence.ends_with("+json")) {
                let (status, ty) = policy::WRONG_CONTENT_TYPE_ERROR;
                return Err(ApiError::new(
                    status,
                    ty,
                    "Request bodies must be JSON (Content-Type: application/json).",
                ));
            }
        }
        let bytes = axum::body::to_bytes(req.into_body(), policy::MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                let (status, ty) = policy::BODY_TOO_LARGE_ERROR;
                ApiError::new(
                    status,
                    ty,
                    format!("The request body exceeds {} bytes.", policy::MAX_BODY_BYTES),
                )
            })?;
        parse_object(&bytes).map(Body)
    }
}

/// Path parameters (one `String` or a tuple of them). A malformed path (bad percent-encoding,
/// invalid UTF-8) is Stytch's `400` rather than axum's plain-text rejection.
pub(crate) struct PathParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(_) => Err(ApiError::bad_request("The path is malformed.")),
        }
    }
}

/// Parses a body as a JSON object (empty → `{}`).
pub(crate) fn parse_object(bytes: &[u8]) -> ApiResult<Map<String, Value>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request("The request body must be a JSON object.")),
        Err(e) => Err(ApiError::bad_request(format!(
            "The submitted request is invalid: malformed JSON ({e})."
        ))),
    }
}

/// Typed access to request fields. `null` is the same as absent; an empty string is
/// "missing" for a required field and absent for an optional one.
pub(crate) trait Fields {
    fn field(&self, key: &str) -> Option<&Value>;

    fn req_str(&self, key: &str) -> ApiResult<&str> {
        self.opt_str(key)?.ok_or_else(|| ApiError::missing(key))
    }

    fn opt_str(&self, key: &str) -> ApiResult<Option<&str>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::invalid(key, "must be a string")),
        }
    }

    fn opt_int(&self, key: &str) -> ApiResult<Option<i64>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| ApiError::invalid(key, "must be an integer")),
            Some(_) => Err(ApiError::invalid(key, "must be an integer")),
        }
    }

    fn opt_bool(&self, key: &str) -> ApiResult<Option<bool>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(ApiError::invalid(key, "must be a boolean")),
        }
    }

    fn opt_object(&self, key: &str) -> ApiResult<Option<&Map<String, Value>>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m)),
            Some(_) => Err(ApiError::invalid(key, "must be an object")),
        }
    }

    fn opt_str_list(&self, key: &str) -> ApiResult<Option<Vec<String>>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| ApiError::invalid(key, "must be a list of strings"))
                })
                .collect::<ApiResult<Vec<_>>>()
                .map(Some),
            Some(_) => Err(ApiError::invalid(key, "must be a list of strings")),
        }
    }

    fn opt_list(&self, key: &str) -> ApiResult<Option<Vec<Value>>> {
        match self.field(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items.clone())),
            Some(_) => Err(ApiError::invalid(key, "must be a list")),
        }
    }
}

impl Fields for Map<String, Value> {
    fn field(&self, key: &str) -> Option<&Value> {
        self.get(key)
    }
}

/// A query string as fields (all values are strings).
pub(crate) struct QueryFields(pub Map<String, Value>);

impl QueryFields {
    pub fn parse(raw: Option<&str>) -> ApiResult<Self> {
        let pairs: Vec<(String, String)> = match raw {
            Some(q) => serde_urlencoded::from_str(q)
                .map_err(|_| ApiError::bad_request("The query string is malformed."))?,
            None => Vec::new(),
        };
        let mut map = Map::new();
        for (k, v) in pairs {
            map.entry(k).or_insert(Value::String(v));
        }
        Ok(QueryFields(map))
    }
}

impl Fields for QueryFields {
    fn field(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }
}

/// A plausible email address: one `@`, non-empty local part, a dotted domain, no spaces.
pub(crate) fn validate_email(email: &str) -> ApiResult<()> {
    let ok = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if ok {
        Ok(())
    } else {
        Err(ApiError::invalid_email())
    }
}
