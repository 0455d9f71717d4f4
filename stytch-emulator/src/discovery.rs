//! Discovered organizations: which organizations an email may enter, and how.

use crate::auth_flow::needs_mfa;
use crate::render;
use crate::store::{Store, email_domain, normalize_email};
use serde_json::{Value, json};

/// What the discovery input was.
pub(crate) enum Input<'a> {
    /// An intermediate session: every membership type is listed.
    Intermediate,
    /// A member session in `org_id`: only active, pending and invited memberships.
    Session { org_id: &'a str },
}

/// The `discovered_organizations` array for `email`.
pub(crate) fn discovered(store: &Store, email: &str, input: Input<'_>, cross_org: bool) -> Vec<Value> {
    let email = normalize_email(email);
    let domain = email_domain(&email).to_owned();
    let mut out = Vec::new();
    for org in store.orgs_in_order() {
        let member = store.member_by_email(&org.id, &email);
        let (membership, member_value) = match member {
            Some(m) => {
                let ty = match m.status.as_str() {
                    "active" => "active_member",
                    "pending" => "pending_member",
                    "invited" => "invited_member",
                    _ => continue,
                };
                (ty, render::member_in(store, m, cross_org))
            }
            None => {
                if !matches!(input, Input::Intermediate) || !org.email_jit_allows(&email) {
                    continue;
                }
                // Anti-phishing: another member with a verified email on the domain.
                let vouched = store.members.values().any(|m| {
                    m.organization_id == org.id
                        && m.email_verified
                        && email_domain(&m.email).eq_ignore_ascii_case(&domain)
                });
                if !vouched {
                    continue;
                }
                ("eligible_to_join_by_email_domain", Value::Null)
            }
        };
        let primary_ok = org.allows_password(member);
        // Password factors carry across organizations only with cross-org passwords.
        let factor_applies = match input {
            Input::Intermediate => true,
            Input::Session { org_id } => org_id == org.id || cross_org,
        };
        let mfa = match member {
            Some(m) => needs_mfa(org, m),
            None => org.mfa_policy == "REQUIRED_FOR_ALL",
        };
        let details = if membership == "eligible_to_join_by_email_domain" {
            json!({ "domain": domain })
        } else {
            Value::Null
        };
        out.push(json!({
            "member_authenticated": member.is_some() && primary_ok && factor_applies && !mfa,
            "organization": render::organization(org),
            "membership": { "type": membership, "details": details, "member": member_value },
            "primary_required": if primary_ok && factor_applies { Value::Null } else { render::primary_required(org) },
            "mfa_required": if mfa { render::mfa_required(member, false) } else { Value::Null },
        }));
    }
    out
}
