//! The in-memory state: organizations, members, passwords, sessions, tokens, outbox.
//!
//! One [`Store`] sits behind a `std::sync::Mutex`; handlers take the lock, do a short
//! read-modify-write, and drop it before any `.await` or slow hashing, so concurrent requests on
//! one member never lose an update.

use crate::hashing::StoredHash;
use crate::outbox::OutboxMessage;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// An organization and its settings.
#[derive(Clone, Debug)]
pub(crate) struct Organization {
    pub id: String,
    pub seq: u64,
    pub name: String,
    pub slug: String,
    pub logo_url: String,
    pub trusted_metadata: Option<Value>,
    pub external_id: Option<String>,
    pub sso_jit_provisioning: String,
    pub email_allowed_domains: Vec<String>,
    pub email_jit_provisioning: String,
    pub email_invites: String,
    pub auth_methods: String,
    pub allowed_auth_methods: Vec<String>,
    pub mfa_policy: String,
    pub rbac_email_implicit_role_assignments: Vec<Value>,
    pub mfa_methods: String,
    pub allowed_mfa_methods: Vec<String>,
    pub oauth_tenant_jit_provisioning: String,
    pub allowed_oauth_tenants: Option<Value>,
    pub claimed_email_domains: Vec<String>,
    pub first_party_connected_apps_allowed_type: String,
    pub allowed_first_party_connected_apps: Vec<String>,
    pub third_party_connected_apps_allowed_type: String,
    pub allowed_third_party_connected_apps: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    // -- RBAC (issue 13) --
    /// The organization's own roles (`rbac/organizations` set_org_policy; `custom_roles`).
    pub custom_roles: Vec<crate::rbac::RbacRole>,
    /// SSO connections allowed to JIT-provision members.
    pub sso_jit_provisioning_allowed_connections: Vec<String>,
}

impl Organization {
    /// Whether the password primary factor is allowed for this member.
    pub fn allows_password(&self, member: Option<&Member>) -> bool {
        if member.is_some_and(|m| m.is_breakglass) {
            return true;
        }
        self.auth_methods != "RESTRICTED" || self.allowed_auth_methods.iter().any(|m| m == "password")
    }

    /// Whether a non-member with this email may join by email domain.
    pub fn email_jit_allows(&self, email: &str) -> bool {
        let domain = email_domain(email);
        self.email_jit_provisioning == "RESTRICTED"
            && self
                .email_allowed_domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(domain))
    }
}

/// A member.
#[derive(Clone, Debug)]
pub(crate) struct Member {
    pub id: String,
    pub organization_id: String,
    pub email: String,
    pub email_id: String,
    pub status: String,
    pub name: String,
    pub is_breakglass: bool,
    pub email_verified: bool,
    pub mfa_phone_number: String,
    pub mfa_phone_number_verified: bool,
    pub mfa_enrolled: bool,
    pub roles: Vec<String>,
    pub trusted_metadata: Option<Value>,
    pub untrusted_metadata: Option<Value>,
    pub external_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Second factors: default method, phone id, TOTP registration and its recovery codes.
    pub mfa: crate::mfa::MemberMfa,
    // -- Member management (issue 13) --
    /// Email addresses the member used before (members update), oldest first.
    pub retired_emails: Vec<RetiredEmail>,
}

/// An email address a member no longer uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RetiredEmail {
    pub email_id: String,
    pub email: String,
}

/// Who a password belongs to: a member (organization-scoped passwords) or an email address
/// (cross-organization passwords).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PasswordOwner {
    Member(String),
    Email(String),
}

/// A stored password.
#[derive(Clone, Debug)]
pub(crate) struct Password {
    pub id: String,
    pub hash: StoredHash,
    /// Set by require_reset: the next authenticate answers `member_reset_password`.
    pub requires_reset: bool,
}

/// What an authentication factor in a session says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FactorKind {
    Password,
    TrustedAuthToken {
        token_id: String,
    },
    Imported,
    AccessTokenExchange {
        client_id: String,
    },
    // ---- Passwordless primary factors and second factors (magic links, OTP, TOTP) ----
    /// An email magic link (organization or discovery).
    MagicLink {
        email_id: String,
        email: String,
    },
    /// An email one-time passcode (organization or discovery).
    EmailOtp {
        email_id: String,
        email: String,
    },
    /// An SMS one-time passcode (MFA).
    SmsOtp {
        phone_id: String,
        phone: String,
    },
    /// A TOTP code from an authenticator app (MFA).
    Totp {
        totp_id: String,
    },
    /// A TOTP recovery code (MFA).
    RecoveryCode {
        recovery_code_id: String,
    },
}

/// An authentication factor with its timestamps.
#[derive(Clone, Debug)]
pub(crate) struct Factor {
    pub kind: FactorKind,
    pub created_at: DateTime<Utc>,
    pub last_authenticated_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Factor {
    pub fn new(kind: FactorKind, now: DateTime<Utc>) -> Self {
        Self {
            kind,
            created_at: now,
            last_authenticated_at: now,
            updated_at: now,
        }
    }
}

/// Adds `factor` to `factors`, or refreshes the existing factor of the same kind.
pub(crate) fn add_factor(factors: &mut Vec<Factor>, factor: Factor) {
    match factors.iter_mut().find(|f| f.kind == factor.kind) {
        Some(existing) => {
            existing.last_authenticated_at = factor.last_authenticated_at;
            existing.updated_at = factor.updated_at;
        }
        None => factors.push(factor),
    }
}

/// A member session.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    pub id: String,
    pub token: String,
    pub member_id: String,
    pub organization_id: String,
    pub started_at: DateTime<Utc>,
    pub last_accessed_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub factors: Vec<Factor>,
    pub custom_claims: Map<String, Value>,
}

/// An intermediate session.
#[derive(Clone, Debug)]
pub(crate) struct IntermediateSession {
    pub email: String,
    /// Set for organization-scoped ISTs (password authenticate with MFA pending).
    pub organization_id: Option<String>,
    pub member_id: Option<String>,
    pub factors: Vec<Factor>,
    pub email_verified: bool,
    pub expires_at: DateTime<Utc>,
}

/// What a reset token resets.
#[derive(Clone, Debug)]
pub(crate) enum ResetTarget {
    Member {
        organization_id: String,
        member_id: String,
    },
    Discovery {
        email: String,
    },
}

/// A password reset token.
#[derive(Clone, Debug)]
pub(crate) struct ResetToken {
    pub target: ResetTarget,
    pub code_challenge: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
}

/// A connected-apps access token handed out by a test hook.
#[derive(Clone, Debug)]
pub(crate) struct AccessToken {
    pub session_id: String,
    pub client_id: String,
    pub expires_at: DateTime<Utc>,
}

/// All state.
#[derive(Default)]
pub(crate) struct Store {
    pub next_seq: u64,
    pub organizations: HashMap<String, Organization>,
    pub members: HashMap<String, Member>,
    pub passwords: HashMap<PasswordOwner, Password>,
    pub sessions: HashMap<String, Session>,
    pub session_tokens: HashMap<String, String>,
    pub intermediate_sessions: HashMap<String, IntermediateSession>,
    pub reset_tokens: HashMap<String, ResetToken>,
    pub access_tokens: HashMap<String, AccessToken>,
    /// (profile_id, token) → email, for sessions/attest.
    pub trusted_auth_tokens: HashMap<(String, String), String>,
    /// External session token → email, for sessions/migrate.
    pub external_sessions: HashMap<String, String>,
    pub outbox: Vec<OutboxMessage>,
    /// Magic-link tokens and email / SMS passcodes, oldest first.
    pub one_time: Vec<crate::one_time::Credential>,
    // -- RBAC and member management (issue 13) --
    /// The project's RBAC policy.
    pub rbac: crate::rbac::ProjectPolicy,
    /// Pending start_email_update verifications, by member id.
    pub email_updates: HashMap<String, EmailUpdate>,
    /// Tokens Stytch holds for members at OAuth / OIDC providers (a test hook sets them).
    pub provider_tokens: Vec<crate::providers::ProviderToken>,
    /// Connected apps members have authorized (a test hook sets them).
    pub connected_app_grants: Vec<crate::providers::ConnectedAppGrant>,
}

/// A pending email change started by start_email_update.
#[derive(Clone, Debug)]
pub(crate) struct EmailUpdate {
    pub email: String,
    /// The magic-link token or six-digit code that confirms the change.
    pub token: stytch_client::Secret<String>,
    pub expires_at: DateTime<Utc>,
}

/// Lower-cased email, the lookup key.
pub(crate) fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The part after `@`.
pub(crate) fn email_domain(email: &str) -> &str {
    email.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
}

impl Store {
    pub fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// Resolves an organization id, slug or external id.
    pub fn find_org(&self, key: &str) -> Option<&Organization> {
        self.organizations.get(key).or_else(|| {
            self.organizations
                .values()
                .find(|o| o.slug == key || o.external_id.as_deref() == Some(key))
        })
    }

    /// Organizations in creation order.
    pub fn orgs_in_order(&self) -> Vec<&Organization> {
        let mut orgs: Vec<_> = self.organizations.values().collect();
        orgs.sort_by_key(|o| o.seq);
        orgs
    }

    /// A member of `org_id` by id or, when `external_ok`, by external id (any status).
    pub fn find_member(&self, org_id: &str, key: &str, external_ok: bool) -> Option<&Member> {
        self.members
            .get(key)
            .filter(|m| m.organization_id == org_id)
            .or_else(|| {
                external_ok
                    .then(|| {
                        self.members
                            .values()
                            .find(|m| m.organization_id == org_id && m.external_id.as_deref() == Some(key))
                    })
                    .flatten()
            })
    }

    pub fn member_by_email(&self, org_id: &str, email: &str) -> Option<&Member> {
        let email = normalize_email(email);
        self.members
            .values()
            .find(|m| m.organization_id == org_id && m.email == email && m.status != "deleted")
    }

    /// Every live member with this email, across organizations.
    pub fn members_with_email(&self, email: &str) -> Vec<&Member> {
        let email = normalize_email(email);
        self.members
            .values()
            .filter(|m| m.email == email && m.status != "deleted")
            .collect()
    }

    /// Where this member's password lives under the project's cross-org setting.
    pub fn password_owner(member: &Member, cross_org: bool) -> PasswordOwner {
        if cross_org {
            PasswordOwner::Email(member.email.clone())
        } else {
            PasswordOwner::Member(member.id.clone())
        }
    }

    pub fn password_of(&self, member: &Member, cross_org: bool) -> Option<&Password> {
        self.passwords.get(&Self::password_owner(member, cross_org))
    }

    /// A live session by token.
    pub fn session_by_token(&self, token: &str, now: DateTime<Utc>) -> Option<&Session> {
        let id = self.session_tokens.get(token)?;
        self.sessions.get(id).filter(|s| s.expires_at > now)
    }

    /// A live session by id.
    pub fn live_session(&self, id: &str, now: DateTime<Utc>) -> Option<&Session> {
        self.sessions.get(id).filter(|s| s.expires_at > now)
    }

    pub fn insert_session(&mut self, session: Session) {
        self.session_tokens
            .insert(session.token.clone(), session.id.clone());
        self.sessions.insert(session.id.clone(), session);
    }

    pub fn remove_session(&mut self, id: &str) -> Option<Session> {
        let s = self.sessions.remove(id)?;
        self.session_tokens.remove(&s.token);
        Some(s)
    }

    /// Revokes every session of `member_id` except `keep`.
    pub fn revoke_member_sessions(&mut self, member_id: &str, keep: Option<&str>) {
        let ids: Vec<String> = self
            .sessions
            .values()
            .filter(|s| s.member_id == member_id && Some(s.id.as_str()) != keep)
            .map(|s| s.id.clone())
            .collect();
        for id in ids {
            self.remove_session(&id);
        }
    }

    /// Completes a pending start_email_update whose verification `token` (the magic-link token
    /// or the OTP code) is still valid: the member moves to the new, verified address (the old
    /// one is retired, the organization-scoped password goes). The member's id, or `None`.
    pub fn complete_email_update(&mut self, token: &str, now: DateTime<Utc>) -> Option<String> {
        let member_id = self
            .email_updates
            .iter()
            .find(|(_, u)| u.token.expose_secret() == token && u.expires_at > now)
            .map(|(id, _)| id.clone())?;
        let update = self.email_updates.remove(&member_id)?;
        self.passwords.remove(&PasswordOwner::Member(member_id.clone()));
        let m = self.members.get_mut(&member_id)?;
        if m.email != update.email {
            let old = RetiredEmail {
                email_id: std::mem::replace(
                    &mut m.email_id,
                    crate::ids::id(crate::policy::MEMBER_EMAIL_ID_PREFIX),
                ),
                email: std::mem::replace(&mut m.email, update.email.clone()),
            };
            m.retired_emails.retain(|r| r.email != update.email);
            m.retired_emails.push(old);
        }
        m.email_verified = true;
        m.updated_at = now;
        Some(member_id)
    }

    /// Drops expired sessions, ISTs, reset tokens and access tokens (called opportunistically).
    pub fn sweep(&mut self, now: DateTime<Utc>) {
        let expired: Vec<String> = self
            .sessions
            .values()
            .filter(|s| s.expires_at <= now)
            .map(|s| s.id.clone())
            .collect();
        for id in expired {
            self.remove_session(&id);
        }
        self.intermediate_sessions.retain(|_, i| i.expires_at > now);
        self.access_tokens.retain(|_, t| t.expires_at > now);
        // Used and expired reset tokens are kept for a day so that reusing one reports the
        // right error; then dropped.
        let horizon = now - chrono::Duration::days(1);
        self.reset_tokens.retain(|_, t| t.expires_at > horizon);
        self.one_time.retain(|c| c.expires_at > horizon);
    }
}
