//! Discovered organizations: which organizations an email may enter, and how.

use crate::app::App;
use crate::auth_flow::needs_mfa;
use crate::clock::{chrono_duration, rfc3339};
use crate::store::{Factor, FactorKind, IntermediateSession, Store, email_domain, normalize_email};
use crate::{ids, policy, render};
use serde_json::{Map, Value, json};

/// Starts a discovery intermediate session for `email` holding `factor`, and renders the
/// discovery authenticate response (`intermediate_session_token`, its expiry, `email_address`,
/// `discovered_organizations`).
pub(crate) fn start(
    app: &App,
    store: &mut Store,
    email: &str,
    email_verified: bool,
    factor: FactorKind,
) -> Value {
    let now = app.now();
    let token = ids::token();
    let expires_at = now + chrono_duration(policy::IST_LIFETIME);
    store.intermediate_sessions.insert(
        token.clone(),
        IntermediateSession {
            email: email.to_owned(),
            organization_id: None,
            member_id: None,
            factors: vec![Factor::new(factor.clone(), now)],
            email_verified,
            expires_at,
        },
    );
    let factors = [Factor::new(factor, now)];
    let orgs = discovered(
        store,
        email,
        Input::Intermediate { factors: &factors },
        app.settings().cross_org_passwords,
    );
    let mut out = Map::new();
    out.insert("email_address".into(), json!(email));
    out.insert("intermediate_session_token".into(), json!(token));
    out.insert(
        "intermediate_session_token_expires_at".into(),
        json!(rfc3339(expires_at)),
    );
    out.insert("discovered_organizations".into(), json!(orgs));
    render::success(out)
}

/// What the discovery input was.
pub(crate) enum Input<'a> {
    /// An intermediate session holding `factors`: every membership type is listed.
    Intermediate { factors: &'a [Factor] },
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
                if !matches!(input, Input::Intermediate { .. }) || !org.email_jit_allows(&email) {
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
        // With an intermediate session, its factors must include a method the organization
        // allows; with a session, its password factor (as before).
        let primary_ok = match &input {
            Input::Intermediate { factors } => factors
                .iter()
                .any(|f| crate::auth_flow::primary_allowed(org, member, &f.kind)),
            Input::Session { .. } => org.allows_password(member),
        };
        // Password factors carry across organizations only with cross-org passwords.
        let factor_applies = match input {
            Input::Intermediate { .. } => true,
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
