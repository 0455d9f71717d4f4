//! `POST /v1/b2b/passwords/migrate`: import a hash, creating the member if needed.

use super::set_password;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::handlers::members::{apply_member_fields, new_member};
use crate::handlers::organizations::obj;
use crate::hashing::{self, StoredHash};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

pub(crate) async fn handle(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    let hash = body.req_str("hash")?;
    let hash_type = body.req_str("hash_type")?;
    let org_key = body.req_str("organization_id")?;
    validate_email(email)?;
    let migrated = hashing::parse_migrate(&body, hash_type, hash)?;
    let set_phone_verified = body.opt_bool("set_phone_number_verified")?.unwrap_or(false);
    let cross_org = app.settings().cross_org_passwords;
    let now = app.now();

    let mut store = app.store();
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let existing = store.member_by_email(&org.id, email).cloned();
    let created = existing.is_none();
    let mut member = existing.unwrap_or_else(|| new_member(&org.id, email, now));
    if !created && !policy::MIGRATE_OVERWRITES_PASSWORD && store.password_of(&member, cross_org).is_some() {
        return Err(ApiError::new(
            400,
            "password_already_exists",
            "The member already has a password.",
        ));
    }
    // external_id is only applied to new members.
    apply_member_fields(&store, &mut member, &body, created)?;
    if set_phone_verified && !member.mfa_phone_number.is_empty() {
        member.mfa_phone_number_verified = true;
    }
    member.email_verified = true;
    member.updated_at = now;
    store.members.insert(member.id.clone(), member.clone());
    set_password(
        &mut store,
        cross_org,
        &member,
        StoredHash::Migrated(migrated),
        now,
    );
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member_created": created,
        "member": render::member_in(&store, &member, cross_org),
        "organization": render::organization(&org),
    })))))
}
