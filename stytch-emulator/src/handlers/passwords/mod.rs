//! `/v1/b2b/passwords/*`: the eleven B2B password endpoints, and what they share.

pub(crate) mod authenticate;
pub(crate) mod discovery;
pub(crate) mod email;
pub(crate) mod existing;
pub(crate) mod migrate;
pub(crate) mod session_reset;
pub(crate) mod strength_check;

use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::hashing::{self, StoredHash};
use crate::ids;
use crate::policy;
use crate::store::{Member, Organization, Password, PasswordOwner, Store};
use chrono::{DateTime, Utc};

/// 404 for a member (or email) with no password.
pub(crate) fn password_not_found() -> ApiError {
    ApiError::not_found("member_password_not_found", "Member password not found.")
}

/// The organization (by id, slug or external id), its member with this email, and the
/// member's password: 404 `organization_not_found`, `member_not_found` or
/// `member_password_not_found` when one is missing.
pub(crate) fn member_with_password(
    app: &App,
    org_key: &str,
    email: &str,
) -> ApiResult<(Organization, Member, Password)> {
    let cross_org = app.settings().cross_org_passwords;
    let store = app.store();
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let member = store
        .member_by_email(&org.id, email)
        .ok_or_else(ApiError::member_not_found)?
        .clone();
    let record = store
        .password_of(&member, cross_org)
        .ok_or_else(password_not_found)?
        .clone();
    Ok((org, member, record))
}

/// 400 `member_reset_password`: the password must be reset before it can be used.
pub(crate) fn must_reset() -> ApiError {
    ApiError::new(
        policy::MEMBER_RESET_PASSWORD_STATUS,
        "member_reset_password",
        "The member's password must be reset before they can log in with it. Start a password reset.",
    )
}

/// Judges a new password (breach check included when breach detection is on) and hashes it
/// with argon2id off the executor. Fails with `weak_password`.
pub(crate) async fn hash_new_password(app: &App, password: &str, email: &str) -> ApiResult<StoredHash> {
    let strength = crate::strength::judge(app.settings(), password, Some(email), true);
    if !strength.valid {
        return Err(ApiError::weak_password());
    }
    let cost = app.settings().hashing;
    let password = password.to_owned();
    app.blocking(move || hashing::hash_native(&password, cost))
        .await?
}

/// Checks a password against a stored hash off the executor.
pub(crate) async fn verify_password(app: &App, hash: StoredHash, password: &str) -> ApiResult<bool> {
    let password = password.to_owned();
    app.blocking(move || hashing::verify(&hash, &password)).await
}

/// After a successful check: the breach-on-authentication rule and require_reset flag.
pub(crate) fn check_not_flagged(app: &App, password: &str, record: &Password) -> ApiResult<()> {
    let s = app.settings();
    if record.requires_reset || (s.breach_detection_on_authentication && s.is_breached(password)) {
        return Err(must_reset());
    }
    Ok(())
}

/// The password of `owner` is still `record`, the one verified with the store lock released:
/// otherwise it was changed meanwhile (a reset raced this request) and the verified password
/// is no longer the member's, so the request fails as a wrong password would. Call with the
/// lock held, in the same critical section that commits the result.
pub(crate) fn ensure_unchanged(store: &Store, owner: &PasswordOwner, record: &Password) -> ApiResult<()> {
    match store.passwords.get(owner) {
        Some(current) if current.id == record.id => Ok(()),
        _ => Err(wrong_password()),
    }
}

/// 401 for a password that does not match.
pub(crate) fn wrong_password() -> ApiError {
    let (status, ty) = policy::WRONG_PASSWORD_ERROR;
    ApiError::new(status, ty, "Unauthorized credentials.")
}

/// Re-hashes a verified migrated password with the emulator's own argon2id parameters.
pub(crate) async fn upgrade_hash(
    app: &App,
    owner: PasswordOwner,
    record: &Password,
    password: &str,
) -> ApiResult<()> {
    if !policy::REHASH_MIGRATED_ON_AUTH || hashing::is_native(&record.hash) {
        return Ok(());
    }
    let cost = app.settings().hashing;
    let pw = password.to_owned();
    let new = app.blocking(move || hashing::hash_native(&pw, cost)).await??;
    let mut store = app.store();
    if let Some(p) = store.passwords.get_mut(&owner)
        && p.id == record.id
    {
        p.hash = new;
    }
    Ok(())
}

/// Stores a password for a member (or their email, with cross-org passwords).
pub(crate) fn set_password(
    store: &mut Store,
    cross_org: bool,
    member: &Member,
    hash: StoredHash,
    now: DateTime<Utc>,
) {
    let owner = Store::password_owner(member, cross_org);
    store.passwords.insert(
        owner,
        Password {
            id: ids::id("member-password"),
            hash,
            requires_reset: false,
        },
    );
    if let Some(m) = store.members.get_mut(&member.id) {
        m.updated_at = now;
    }
}

/// Marks an email verified on a member.
pub(crate) fn verify_email(store: &mut Store, member_id: &str) {
    if let Some(m) = store.members.get_mut(member_id) {
        m.email_verified = true;
    }
}

/// Validates `reset_password_expiration_minutes` and returns minutes.
pub(crate) fn reset_expiration(minutes: Option<i64>) -> ApiResult<i64> {
    match minutes {
        None => Ok(policy::DEFAULT_RESET_EXPIRATION_MINUTES),
        Some(m) if policy::RESET_EXPIRATION_MINUTES.contains(&m) => Ok(m),
        Some(_) => Err(ApiError::new(
            400,
            "invalid_expiration",
            "reset_password_expiration_minutes must be between 5 and 10080.",
        )),
    }
}

/// The PKCE rule (shared with magic links).
pub(crate) use crate::one_time::check_pkce;

/// 401 for a reset token that is unknown, expired or used.
pub(crate) fn bad_reset_token() -> ApiError {
    ApiError::new(
        policy::RESET_TOKEN_STATUS,
        "unable_to_auth_password_reset_token",
        "The password reset token is invalid, expired, or has already been used.",
    )
}

/// Requires cross-org passwords.
pub(crate) fn require_cross_org(app: &App) -> ApiResult<()> {
    if app.settings().cross_org_passwords {
        Ok(())
    } else {
        Err(ApiError::cross_org_disabled())
    }
}

/// The reset redirect URL: given, or the project default, or 400.
pub(crate) fn redirect_url(given: Option<&str>, default: Option<&String>) -> ApiResult<String> {
    given
        .map(str::to_owned)
        .or_else(|| default.cloned())
        .ok_or_else(|| {
            ApiError::new(
                400,
                "no_password_reset_redirect_url",
                "No reset_password_redirect_url was given and the project has no default.",
            )
        })
}
