//! JSON for the emulator's objects, written from its own state (never from the client's models).
//! Required string and list fields are `""` / `[]` when empty, never `null`.

use crate::clock::rfc3339;
use crate::store::{Factor, FactorKind, Member, Organization, Session, Store};
use serde_json::{Map, Value, json};

/// An Organization object.
pub(crate) fn organization(o: &Organization) -> Value {
    json!({
        "organization_id": o.id,
        "organization_name": o.name,
        "organization_logo_url": o.logo_url,
        "organization_slug": o.slug,
        "organization_external_id": o.external_id,
        "trusted_metadata": o.trusted_metadata.clone().unwrap_or_else(|| json!({})),
        "sso_jit_provisioning": o.sso_jit_provisioning,
        "sso_jit_provisioning_allowed_connections": o.sso_jit_provisioning_allowed_connections,
        "sso_active_connections": [],
        "sso_default_connection_id": null,
        "scim_active_connection": null,
        "email_allowed_domains": o.email_allowed_domains,
        "email_jit_provisioning": o.email_jit_provisioning,
        "email_invites": o.email_invites,
        "auth_methods": o.auth_methods,
        "allowed_auth_methods": o.allowed_auth_methods,
        "mfa_policy": o.mfa_policy,
        "rbac_email_implicit_role_assignments": o.rbac_email_implicit_role_assignments,
        "mfa_methods": o.mfa_methods,
        "allowed_mfa_methods": o.allowed_mfa_methods,
        "oauth_tenant_jit_provisioning": o.oauth_tenant_jit_provisioning,
        "allowed_oauth_tenants": o.allowed_oauth_tenants.clone().unwrap_or_else(|| json!({})),
        "claimed_email_domains": o.claimed_email_domains,
        "first_party_connected_apps_allowed_type": o.first_party_connected_apps_allowed_type,
        "allowed_first_party_connected_apps": o.allowed_first_party_connected_apps,
        "third_party_connected_apps_allowed_type": o.third_party_connected_apps_allowed_type,
        "allowed_third_party_connected_apps": o.allowed_third_party_connected_apps,
        "custom_roles": o.custom_roles,
        "created_at": rfc3339(o.created_at),
        "updated_at": rfc3339(o.updated_at),
    })
}

/// A Member object. `password_id` is `""` when the member has no password; `roles` says which
/// roles the member holds and why.
pub(crate) fn member(m: &Member, password_id: &str, roles: &[crate::rbac::RoleGrant]) -> Value {
    let is_admin = roles.iter().any(|g| g.role_id == crate::rbac::ADMIN_ROLE);
    let retired: Vec<Value> = m
        .retired_emails
        .iter()
        .map(|r| json!({ "email_id": r.email_id, "email_address": r.email }))
        .collect();
    let roles = crate::rbac::render_roles(roles);
    json!({
        "organization_id": m.organization_id,
        "member_id": m.id,
        "email_address": m.email,
        "status": m.status,
        "name": m.name,
        "sso_registrations": [],
        "is_breakglass": m.is_breakglass,
        "member_password_id": password_id,
        "oauth_registrations": [],
        "email_address_verified": m.email_verified,
        "mfa_phone_number_verified": m.mfa_phone_number_verified,
        "is_admin": is_admin,
        "totp_registration_id": m.mfa.totp_registration_id(),
        "retired_email_addresses": retired,
        "is_locked": false,
        "mfa_enrolled": m.mfa_enrolled,
        "mfa_phone_number": m.mfa_phone_number,
        "default_mfa_method": default_mfa_method(m),
        "roles": roles,
        "trusted_metadata": m.trusted_metadata.clone().unwrap_or_else(|| json!({})),
        "untrusted_metadata": m.untrusted_metadata.clone().unwrap_or_else(|| json!({})),
        "created_at": rfc3339(m.created_at),
        "updated_at": rfc3339(m.updated_at),
        "scim_registration": null,
        "external_id": m.external_id,
        "lock_created_at": null,
        "lock_expires_at": null,
    })
}

/// The member's default MFA method: the one chosen (`set_default_mfa`, or the first completed),
/// else `sms_otp` when a phone is on file.
fn default_mfa_method(m: &Member) -> &str {
    if !m.mfa.default_method.is_empty() {
        &m.mfa.default_method
    } else if m.mfa_phone_number.is_empty() {
        ""
    } else {
        "sms_otp"
    }
}

/// A Member object looked up with its password id.
pub(crate) fn member_in(store: &Store, m: &Member, cross_org: bool) -> Value {
    let password_id = store
        .password_of(m, cross_org)
        .map(|p| p.id.as_str())
        .unwrap_or("");
    member(m, password_id, &crate::rbac::member_roles(store, m))
}

/// An AuthenticationFactor.
pub(crate) fn factor(f: &Factor) -> Value {
    let (ty, delivery) = match &f.kind {
        FactorKind::Password => ("password", "knowledge"),
        FactorKind::TrustedAuthToken { .. } => ("trusted_auth_token", "trusted_token_exchange"),
        FactorKind::Imported => ("imported", "imported_auth0"),
        FactorKind::AccessTokenExchange { .. } => ("oauth", "oauth_access_token_exchange"),
        FactorKind::MagicLink { .. } => ("magic_link", "email"),
        FactorKind::EmailOtp { .. } => (crate::policy::EMAIL_OTP_FACTOR_TYPE, "email"),
        FactorKind::SmsOtp { .. } => ("otp", "sms"),
        FactorKind::Totp { .. } => ("totp", "authenticator_app"),
        FactorKind::RecoveryCode { .. } => ("recovery_codes", "recovery_code"),
    };
    let mut v = json!({
        "type": ty,
        "delivery_method": delivery,
        "created_at": rfc3339(f.created_at),
        "last_authenticated_at": rfc3339(f.last_authenticated_at),
        "updated_at": rfc3339(f.updated_at),
    });
    match &f.kind {
        FactorKind::TrustedAuthToken { token_id } => {
            v["trusted_auth_token_factor"] = json!({ "token_id": token_id })
        }
        FactorKind::AccessTokenExchange { client_id } => {
            v["oauth_access_token_exchange_factor"] = json!({ "client_id": client_id })
        }
        FactorKind::MagicLink { email_id, email } | FactorKind::EmailOtp { email_id, email } => {
            v["email_factor"] = json!({ "email_id": email_id, "email_address": email })
        }
        FactorKind::SmsOtp { phone_id, phone } => {
            v["phone_number_factor"] = json!({ "phone_id": phone_id, "phone_number": phone })
        }
        FactorKind::Totp { totp_id } => v["authenticator_app_factor"] = json!({ "totp_id": totp_id }),
        FactorKind::RecoveryCode { recovery_code_id } => {
            v["recovery_code_factor"] = json!({ "totp_recovery_code_id": recovery_code_id })
        }
        _ => {}
    }
    v
}

/// A MemberSession.
pub(crate) fn member_session(s: &Session, org: &Organization, roles: &[String]) -> Value {
    json!({
        "member_session_id": s.id,
        "member_id": s.member_id,
        "started_at": rfc3339(s.started_at),
        "last_accessed_at": rfc3339(s.last_accessed_at),
        "expires_at": rfc3339(s.expires_at),
        "authentication_factors": s.factors.iter().map(factor).collect::<Vec<_>>(),
        "organization_id": s.organization_id,
        "roles": roles,
        "organization_slug": org.slug,
        "custom_claims": Value::Object(s.custom_claims.clone()),
    })
}

/// `mfa_required` for a member; `initiated` is true when an SMS OTP was "sent".
pub(crate) fn mfa_required(member: Option<&Member>, initiated: bool) -> Value {
    let options = member
        .filter(|m| !m.mfa_phone_number.is_empty() || m.mfa.active_totp().is_some())
        .map(|m| {
            json!({
                "mfa_phone_number": m.mfa_phone_number,
                "totp_registration_id": m.mfa.totp_registration_id(),
            })
        });
    json!({
        "member_options": options,
        "secondary_auth_initiated": if initiated { json!("sms_otp") } else { Value::Null },
    })
}

/// `primary_required`.
/// Under `auth_methods: ALL_ALLOWED` every primary method is allowed, and the list says so.
pub(crate) fn primary_required(org: &Organization) -> Value {
    if org.auth_methods == "RESTRICTED" {
        json!({ "allowed_auth_methods": org.allowed_auth_methods })
    } else {
        json!({ "allowed_auth_methods": crate::policy::ALL_AUTH_METHODS })
    }
}

/// Inserts `request_id` and `status_code` into a success body.
pub(crate) fn success(mut body: Map<String, Value>) -> Value {
    body.insert("request_id".into(), json!(crate::ids::request_id()));
    body.insert("status_code".into(), json!(crate::policy::SUCCESS_STATUS));
    Value::Object(body)
}
