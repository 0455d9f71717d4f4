//! The search query language of organizations/search and members/search, as data: each filter
//! is a name, a value type, whether it is fuzzy, and a predicate. Parsing reports Stytch's
//! errors (`<scope>_search_filter_name_not_recognized`, `<scope>_search_expected_string`, …);
//! paging hands out opaque cursors.

use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::request::Fields;
use crate::store::Store;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

/// The value a filter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    List,
    Flag,
}

/// A parsed filter value.
#[derive(Clone, Debug)]
pub(crate) enum FilterValue {
    Text(String),
    List(Vec<String>),
    Flag(bool),
}

impl FilterValue {
    /// The text of a `Text` value (lower-cased for fuzzy matching by the predicates).
    pub fn text(&self) -> &str {
        match self {
            FilterValue::Text(s) => s,
            _ => "",
        }
    }

    pub fn list(&self) -> &[String] {
        match self {
            FilterValue::List(l) => l,
            _ => &[],
        }
    }

    pub fn flag(&self) -> bool {
        matches!(self, FilterValue::Flag(true))
    }
}

/// What predicates may look at besides the item.
pub(crate) struct SearchCtx<'a> {
    pub store: &'a Store,
    pub cross_org: bool,
}

/// One filter of a search.
pub(crate) struct Filter<T> {
    pub name: &'static str,
    pub kind: Kind,
    pub fuzzy: bool,
    pub matches: fn(&SearchCtx<'_>, &T, &FilterValue) -> bool,
}

/// A parsed query: the operator (`true` = AND) and the operands.
pub(crate) struct Query<'f, T> {
    and: bool,
    operands: Vec<(&'f Filter<T>, FilterValue)>,
}

impl<T> Query<'_, T> {
    /// Whether `item` matches (an empty query matches everything).
    pub fn matches(&self, ctx: &SearchCtx<'_>, item: &T) -> bool {
        if self.operands.is_empty() {
            return true;
        }
        let mut hits = self.operands.iter().map(|(f, v)| (f.matches)(ctx, item, v));
        if self.and {
            hits.all(|b| b)
        } else {
            hits.any(|b| b)
        }
    }

    /// The values given to the filter `name`.
    pub fn values_of(&self, name: &str) -> impl Iterator<Item = &FilterValue> {
        self.operands
            .iter()
            .filter(move |(f, _)| f.name == name)
            .map(|(_, v)| v)
    }
}

/// Parses `query` against `filters`; `scope` prefixes error types (`organization`, `member`).
pub(crate) fn parse_query<'f, T>(
    body: &Map<String, Value>,
    scope: &str,
    filters: &'f [Filter<T>],
) -> ApiResult<Query<'f, T>> {
    let err =
        |suffix: &str, message: String| ApiError::new(400, &format!("{scope}_search_{suffix}"), message);
    let Some(query) = body.opt_object("query")? else {
        return Ok(Query {
            and: true,
            operands: Vec::new(),
        });
    };
    let and = match query.get("operator").and_then(Value::as_str) {
        Some(op) if op.eq_ignore_ascii_case("AND") => true,
        Some(op) if op.eq_ignore_ascii_case("OR") => false,
        _ => {
            return Err(err(
                "invalid_operator",
                "query.operator must be AND or OR.".to_owned(),
            ));
        }
    };
    let operands = match query.get("operands") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(ApiError::invalid("query.operands", "must be a list")),
    };
    let mut parsed = Vec::new();
    for operand in &operands {
        let name = operand["filter_name"].as_str().unwrap_or("");
        let filter = filters.iter().find(|f| f.name == name).ok_or_else(|| {
            err(
                "filter_name_not_recognized",
                format!("Search filter name {name:?} is not recognized."),
            )
        })?;
        let raw = &operand["filter_value"];
        let value = match (filter.kind, raw) {
            (_, Value::Null) => {
                return Err(err(
                    &format!("missing_{}", name),
                    format!("The {name} filter needs a filter_value."),
                ));
            }
            (Kind::Text, Value::String(s)) => FilterValue::Text(s.clone()),
            (Kind::Flag, Value::Bool(b)) => FilterValue::Flag(*b),
            (Kind::List, Value::Array(items)) => FilterValue::List(
                items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| {
                        err(
                            "expected_array_of_strings",
                            format!("The {name} filter takes a list of strings."),
                        )
                    })?,
            ),
            (Kind::Text, _) => {
                return Err(err(
                    "expected_string",
                    format!("The {name} filter takes a string."),
                ));
            }
            (Kind::Flag, _) => {
                return Err(err(
                    "expected_boolean",
                    format!("The {name} filter takes a boolean."),
                ));
            }
            (Kind::List, _) => {
                return Err(err(
                    "expected_array_of_strings",
                    format!("The {name} filter takes a list of strings."),
                ));
            }
        };
        if filter.fuzzy && value.text().chars().count() < policy::SEARCH_FUZZY_MIN_LEN {
            return Err(err(
                &format!("{name}_too_short"),
                format!(
                    "The {name} filter needs at least {} characters.",
                    policy::SEARCH_FUZZY_MIN_LEN
                ),
            ));
        }
        parsed.push((filter, value));
    }
    Ok(Query {
        and,
        operands: parsed,
    })
}

/// Case-insensitive substring.
pub(crate) fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// Case-insensitive membership.
pub(crate) fn in_ci(list: &[String], value: &str) -> bool {
    list.iter().any(|v| v.eq_ignore_ascii_case(value))
}

/// A page of `items` (already in order) per `limit` and `cursor`, and its `results_metadata`.
pub(crate) fn page<T>(body: &Map<String, Value>, items: Vec<T>) -> ApiResult<(Vec<T>, Value)> {
    let limit = match body.opt_int("limit")? {
        None | Some(0) => policy::SEARCH_DEFAULT_LIMIT,
        Some(n) if n > 0 && n as usize <= policy::SEARCH_MAX_LIMIT => n as usize,
        Some(_) => {
            let (status, ty) = policy::SEARCH_INVALID_LIMIT_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                format!("limit must be between 1 and {}.", policy::SEARCH_MAX_LIMIT),
            ));
        }
    };
    let offset = match body.opt_str("cursor")? {
        None => 0,
        Some(c) => decode_cursor(c).ok_or_else(|| {
            let (status, ty) = policy::SEARCH_INVALID_CURSOR_ERROR;
            ApiError::new(status, ty, "The cursor is not one this search returned.")
        })?,
    };
    let total = items.len();
    let next = (offset + limit < total).then(|| encode_cursor(offset + limit));
    let page: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
    Ok((page, json!({ "total": total, "next_cursor": next })))
}

fn encode_cursor(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("emulator-search:{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let raw = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(raw)
        .ok()?
        .strip_prefix("emulator-search:")?
        .parse()
        .ok()
}
