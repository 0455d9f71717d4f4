//! Search queries of [`organizations::Search`] and [`members::Search`], and the page metadata
//! of their results.
//!
//! A query is an operator and a list of filters. It is built only from the constructors here,
//! so its shape is always one Stytch accepts: `operator` is `AND` or `OR`, and each filter holds
//! the value type its name takes (a string, a list of strings or a boolean). Organization and
//! member filters are different types, so a member filter cannot slip into an organization search.
//!
//! ```
//! use stytch_client::b2b::models::{
//!     MemberFilter, MemberSearchQuery, MemberStatus, OrganizationFilter, OrganizationSearchQuery,
//! };
//!
//! let organizations = OrganizationSearchQuery::and([
//!     OrganizationFilter::organization_slugs(["acme", "globex"]),
//!     OrganizationFilter::has_active_sso_connection(true),
//! ]);
//! assert_eq!(
//!     serde_json::to_value(&organizations).unwrap(),
//!     serde_json::json!({
//!         "operator": "AND",
//!         "operands": [
//!             {"filter_name": "organization_slugs", "filter_value": ["acme", "globex"]},
//!             {"filter_name": "has_active_sso_connection", "filter_value": true},
//!         ],
//!     }),
//! );
//!
//! let members = MemberSearchQuery::and([
//!     MemberFilter::member_email_fuzzy("acme.com"),
//!     MemberFilter::statuses([MemberStatus::Active, MemberStatus::Invited]),
//! ]);
//! assert_eq!(members.filters()[1].filter_name(), "statuses");
//! ```
//!
//! A filter of the other search, or a value of the wrong type, does not compile:
//!
//! ```compile_fail,E0308
//! use stytch_client::b2b::models::{MemberFilter, OrganizationSearchQuery};
//!
//! let query = OrganizationSearchQuery::and([MemberFilter::member_is_breakglass(true)]);
//! ```
//!
//! ```compile_fail,E0308
//! use stytch_client::b2b::models::OrganizationFilter;
//!
//! let filter = OrganizationFilter::has_active_sso_connection("yes");
//! ```
//!
//! A filter name this crate does not know yet goes through the explicitly named
//! [`OrganizationFilter::custom`] / [`MemberFilter::custom`], which send any JSON value.
//!
//! Stytch also checks values the types do not: fuzzy filters need at least 3 characters, and a
//! member search needs at least one organization id.
//!
//! [`organizations::Search`]: crate::b2b::organizations::Search
//! [`members::Search`]: crate::b2b::organizations::members::Search

use super::de::null_as_default;
use super::string_enum::string_enum;
use super::{ConnectionId, MemberId, MemberStatus, OrganizationId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

string_enum! {
    /// How a search query combines its filters.
    pub enum SearchQueryOperator {
        /// Every filter must match.
        And = "AND",
        /// At least one filter must match (deprecated by Stytch; kept for older integrations).
        Or = "OR",
    }
}

/// A search query: an operator and the filters it combines. Built with [`and`](Self::and) or
/// [`or`](Self::or); see [`OrganizationSearchQuery`] and [`MemberSearchQuery`].
///
/// `SearchQuery` in the official SDKs. With no filter, a search returns every organization or
/// (non-deleted) member in scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchQuery<F> {
    operator: SearchQueryOperator,
    operands: Vec<F>,
}

/// The query of [`organizations::Search`](crate::b2b::organizations::Search).
pub type OrganizationSearchQuery = SearchQuery<OrganizationFilter>;

/// The query of [`members::Search`](crate::b2b::organizations::members::Search).
pub type MemberSearchQuery = SearchQuery<MemberFilter>;

impl<F> SearchQuery<F> {
    /// A query matching what every filter matches (`"operator": "AND"`).
    pub fn and(filters: impl IntoIterator<Item = F>) -> Self {
        Self {
            operator: SearchQueryOperator::And,
            operands: filters.into_iter().collect(),
        }
    }

    /// A query matching what any filter matches (`"operator": "OR"`, deprecated by Stytch).
    pub fn or(filters: impl IntoIterator<Item = F>) -> Self {
        Self {
            operator: SearchQueryOperator::Or,
            operands: filters.into_iter().collect(),
        }
    }

    /// The operator.
    pub fn operator(&self) -> &SearchQueryOperator {
        &self.operator
    }

    /// The filters (`operands` on the wire).
    pub fn filters(&self) -> &[F] {
        &self.operands
    }
}

/// One operand: `{"filter_name": ..., "filter_value": ...}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Operand {
    filter_name: Cow<'static, str>,
    filter_value: FilterValue,
}

/// A filter's value, serialized as the bare JSON value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
enum FilterValue {
    Text(String),
    List(Vec<String>),
    Flag(bool),
    Json(serde_json::Value),
}

impl Operand {
    fn text(name: &'static str, value: impl Into<String>) -> Self {
        Self::new(name, FilterValue::Text(value.into()))
    }

    fn list<T: Into<String>>(name: &'static str, values: impl IntoIterator<Item = T>) -> Self {
        Self::new(
            name,
            FilterValue::List(values.into_iter().map(Into::into).collect()),
        )
    }

    fn flag(name: &'static str, value: bool) -> Self {
        Self::new(name, FilterValue::Flag(value))
    }

    fn custom(name: impl Into<String>, value: serde_json::Value) -> Self {
        Self {
            filter_name: Cow::Owned(name.into()),
            filter_value: FilterValue::Json(value),
        }
    }

    fn new(name: &'static str, value: FilterValue) -> Self {
        Self {
            filter_name: Cow::Borrowed(name),
            filter_value: value,
        }
    }
}

/// One filter of an organization search ([`OrganizationSearchQuery`]): one constructor per
/// filter name, taking the value type Stytch expects.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct OrganizationFilter(Operand);

impl OrganizationFilter {
    /// Organizations with one of these ids.
    pub fn organization_ids(ids: impl IntoIterator<Item = impl Into<OrganizationId>>) -> Self {
        let ids = ids.into_iter().map(|id| id.into().into_string());
        Self(Operand::list("organization_ids", ids))
    }

    /// Organizations with one of these slugs.
    pub fn organization_slugs(slugs: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("organization_slugs", slugs))
    }

    /// Organizations whose name contains this text (at least 3 characters).
    pub fn organization_name_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("organization_name_fuzzy", text))
    }

    /// Organizations whose slug contains this text (at least 3 characters).
    pub fn organization_slug_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("organization_slug_fuzzy", text))
    }

    /// Organizations with a member having one of these email addresses.
    pub fn member_emails(email_addresses: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("member_emails", email_addresses))
    }

    /// Organizations with a member whose email address contains this text (at least 3
    /// characters).
    pub fn member_email_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("member_email_fuzzy", text))
    }

    /// Organizations whose `email_allowed_domains` hold one of these domains.
    pub fn allowed_domains(domains: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("allowed_domains", domains))
    }

    /// Organizations with an allowed domain containing this text (at least 3 characters).
    pub fn allowed_domain_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("allowed_domain_fuzzy", text))
    }

    /// Organizations that claimed one of these email domains.
    pub fn claimed_email_domains(domains: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("claimed_email_domains", domains))
    }

    /// Organizations with (`true`) or without (`false`) an active SSO connection.
    pub fn has_active_sso_connection(value: bool) -> Self {
        Self(Operand::flag("has_active_sso_connection", value))
    }

    /// Organizations with this SSO connection.
    pub fn sso_connection_id(connection_id: impl Into<ConnectionId>) -> Self {
        Self(Operand::text(
            "sso_connection_id",
            connection_id.into().into_string(),
        ))
    }

    /// A filter this crate does not know yet, sent as given: nothing checks the name or the
    /// value's type.
    pub fn custom(filter_name: impl Into<String>, filter_value: serde_json::Value) -> Self {
        Self(Operand::custom(filter_name, filter_value))
    }

    /// The filter's name (`filter_name` on the wire).
    pub fn filter_name(&self) -> &str {
        &self.0.filter_name
    }
}

/// One filter of a member search ([`MemberSearchQuery`]): one constructor per filter name,
/// taking the value type Stytch expects.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct MemberFilter(Operand);

impl MemberFilter {
    /// Members with one of these ids (or external ids, as `MemberId::new(..)`; not both kinds in
    /// one filter).
    pub fn member_ids(ids: impl IntoIterator<Item = impl Into<MemberId>>) -> Self {
        let ids = ids.into_iter().map(|id| id.into().into_string());
        Self(Operand::list("member_ids", ids))
    }

    /// Members with one of these email addresses.
    pub fn member_emails(email_addresses: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("member_emails", email_addresses))
    }

    /// Members whose email address contains this text (at least 3 characters).
    pub fn member_email_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("member_email_fuzzy", text))
    }

    /// Members who may (`true`) or may not (`false`) bypass auth-method restrictions.
    pub fn member_is_breakglass(value: bool) -> Self {
        Self(Operand::flag("member_is_breakglass", value))
    }

    /// Members with one of these statuses (deleted members are found only through this filter).
    pub fn statuses(statuses: impl IntoIterator<Item = MemberStatus>) -> Self {
        let statuses = statuses.into_iter().map(|status| status.as_str().to_owned());
        Self(Operand::list("statuses", statuses))
    }

    /// Members with one of these MFA phone numbers (E.164).
    pub fn member_mfa_phone_numbers(phone_numbers: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("member_mfa_phone_numbers", phone_numbers))
    }

    /// Members whose MFA phone number contains these digits (at least 3 characters).
    pub fn member_mfa_phone_number_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("member_mfa_phone_number_fuzzy", text))
    }

    /// Members with (`true`) or without (`false`) a password.
    pub fn member_password_exists(value: bool) -> Self {
        Self(Operand::flag("member_password_exists", value))
    }

    /// Members with one of these role ids.
    pub fn member_roles(role_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("member_roles", role_ids))
    }

    /// Members with one of these phone numbers: the Node SDK's spelling of
    /// [`member_mfa_phone_numbers`](Self::member_mfa_phone_numbers), which the API documents.
    pub fn member_phone_numbers(phone_numbers: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self(Operand::list("member_phone_numbers", phone_numbers))
    }

    /// Members whose phone number contains these digits: the Node SDK's spelling of
    /// [`member_mfa_phone_number_fuzzy`](Self::member_mfa_phone_number_fuzzy), which the API
    /// documents.
    pub fn member_phone_number_fuzzy(text: impl Into<String>) -> Self {
        Self(Operand::text("member_phone_number_fuzzy", text))
    }

    /// A filter this crate does not know yet, sent as given: nothing checks the name or the
    /// value's type.
    pub fn custom(filter_name: impl Into<String>, filter_value: serde_json::Value) -> Self {
        Self(Operand::custom(filter_name, filter_value))
    }

    /// The filter's name (`filter_name` on the wire).
    pub fn filter_name(&self) -> &str {
        &self.0.filter_name
    }
}

/// Where a page of search results sits in the whole result.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ResultsMetadata {
    /// How many results match in all (`-1` when totals are disabled for the project).
    #[serde(default, deserialize_with = "null_as_default")]
    pub total: i32,
    /// The `cursor` of the next page; `None` on the last page.
    #[serde(default)]
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn operands<F: Serialize>(query: &SearchQuery<F>) -> Vec<(String, Value)> {
        let value = serde_json::to_value(query).unwrap();
        value["operands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["filter_name"].as_str().unwrap().to_owned(),
                    o["filter_value"].clone(),
                )
            })
            .collect()
    }

    #[test]
    fn every_organization_filter_sends_its_name_and_value_type() {
        let query = OrganizationSearchQuery::or([
            OrganizationFilter::organization_ids([OrganizationId::new("organization-test-1")]),
            OrganizationFilter::organization_slugs(["acme"]),
            OrganizationFilter::organization_name_fuzzy("acm"),
            OrganizationFilter::organization_slug_fuzzy("acm"),
            OrganizationFilter::member_emails(["ada@acme.com"]),
            OrganizationFilter::member_email_fuzzy("ada"),
            OrganizationFilter::allowed_domains(["acme.com"]),
            OrganizationFilter::allowed_domain_fuzzy("acm"),
            OrganizationFilter::claimed_email_domains(["acme.com"]),
            OrganizationFilter::has_active_sso_connection(false),
            OrganizationFilter::sso_connection_id(ConnectionId::new("saml-connection-test-1")),
            OrganizationFilter::custom("future", json!(3)),
        ]);
        assert_eq!(query.operator(), &SearchQueryOperator::Or);
        assert_eq!(serde_json::to_value(&query).unwrap()["operator"], "OR");
        assert_eq!(query.filters()[11].filter_name(), "future");
        let expected = [
            ("organization_ids", json!(["organization-test-1"])),
            ("organization_slugs", json!(["acme"])),
            ("organization_name_fuzzy", json!("acm")),
            ("organization_slug_fuzzy", json!("acm")),
            ("member_emails", json!(["ada@acme.com"])),
            ("member_email_fuzzy", json!("ada")),
            ("allowed_domains", json!(["acme.com"])),
            ("allowed_domain_fuzzy", json!("acm")),
            ("claimed_email_domains", json!(["acme.com"])),
            ("has_active_sso_connection", json!(false)),
            ("sso_connection_id", json!("saml-connection-test-1")),
            ("future", json!(3)),
        ];
        let expected: Vec<(String, Value)> = expected.into_iter().map(|(n, v)| (n.to_owned(), v)).collect();
        assert_eq!(operands(&query), expected);
    }

    #[test]
    fn every_member_filter_sends_its_name_and_value_type() {
        let query = MemberSearchQuery::and([
            MemberFilter::member_ids([MemberId::new("member-test-1")]),
            MemberFilter::member_emails(["ada@acme.com"]),
            MemberFilter::member_email_fuzzy("ada"),
            MemberFilter::member_is_breakglass(true),
            MemberFilter::statuses([MemberStatus::Deleted, MemberStatus::Other("deactivated".into())]),
            MemberFilter::member_mfa_phone_numbers(["+12025550123"]),
            MemberFilter::member_mfa_phone_number_fuzzy("555"),
            MemberFilter::member_password_exists(true),
            MemberFilter::member_roles(["stytch_admin"]),
            MemberFilter::member_phone_numbers(["+12025550123"]),
            MemberFilter::member_phone_number_fuzzy("555"),
            MemberFilter::custom("totp_exists", json!(true)),
        ]);
        let expected = [
            ("member_ids", json!(["member-test-1"])),
            ("member_emails", json!(["ada@acme.com"])),
            ("member_email_fuzzy", json!("ada")),
            ("member_is_breakglass", json!(true)),
            ("statuses", json!(["deleted", "deactivated"])),
            ("member_mfa_phone_numbers", json!(["+12025550123"])),
            ("member_mfa_phone_number_fuzzy", json!("555")),
            ("member_password_exists", json!(true)),
            ("member_roles", json!(["stytch_admin"])),
            ("member_phone_numbers", json!(["+12025550123"])),
            ("member_phone_number_fuzzy", json!("555")),
            ("totp_exists", json!(true)),
        ];
        let expected: Vec<(String, Value)> = expected.into_iter().map(|(n, v)| (n.to_owned(), v)).collect();
        assert_eq!(operands(&query), expected);
    }

    #[test]
    fn a_query_without_filters_is_an_empty_operand_list() {
        let query = MemberSearchQuery::and([]);
        assert_eq!(
            serde_json::to_value(&query).unwrap(),
            json!({"operator": "AND", "operands": []})
        );
    }
}
