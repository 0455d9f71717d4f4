//! The rules of magic links, passcodes, TOTP, recovery codes and the MFA engine, over raw HTTP:
//! the outbox over `/__emulator`, organization restrictions, proof checks, enrolment.

mod common;

use common::{H, STRONG, jwt_parts};
use serde_json::{Value, json};
use std::time::Duration;

const PHONE: &str = "+12025550123";

/// The current TOTP code for `secret` at the emulator's time.
fn totp(h: &H, secret: &str) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
    totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 0, 30, bytes)
        .generate(h.emu.clock().now().timestamp() as u64)
}

/// The outbox over HTTP, filtered by recipient.
async fn outbox_to(h: &H, to: &str) -> Vec<Value> {
    let to = to.replace('+', "%2B");
    let (status, v) = h.get(&format!("/__emulator/outbox?to={to}")).await;
    assert_eq!(status, 200, "{v:#}");
    v["messages"].as_array().unwrap().clone()
}

/// A member with a password in a new organization created with `org_body`; returns
/// (org, member, the password login's body).
async fn member_in(h: &H, org_body: Value, email: &str, member_body: Value) -> (String, String, Value) {
    let org = h.org_with(org_body).await;
    let mut body = member_body;
    body["email_address"] = json!(email);
    let member = h.member_with(&org, body).await;
    h.set_password(&org, email, STRONG).await;
    let login = h.authenticate(&org, email, STRONG).await;
    (org, member, login)
}

#[tokio::test]
async fn messages_are_readable_over_the_emulator_routes() {
    let h = H::new().await;
    let (org, member, login) = member_in(
        &h,
        json!({ "organization_name": "Acme", "organization_slug": "acme", "mfa_policy": "REQUIRED_FOR_ALL" }),
        "ada@acme.io",
        json!({ "mfa_phone_number": PHONE }),
    )
    .await;
    assert_eq!(login["mfa_required"]["secondary_auth_initiated"], "sms_otp");
    // One SMS after the password reset (MFA was already required then), one after the login.
    let all = outbox_to(&h, PHONE).await;
    assert_eq!(all.len(), 2);
    let sms = all.last().unwrap();
    assert_eq!(sms["kind"], "sms_otp");
    assert_eq!(sms["member_id"], member);
    let code = sms["token"].as_str().unwrap();
    assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
    let lifetime = chrono::DateTime::parse_from_rfc3339(sms["expires_at"].as_str().unwrap()).unwrap()
        - chrono::DateTime::parse_from_rfc3339(sms["sent_at"].as_str().unwrap()).unwrap();
    assert_eq!(lifetime.num_seconds(), 120);

    h.ok(
        "/v1/b2b/magic_links/email/login_or_signup",
        json!({ "organization_id": org, "email_address": "ada@acme.io", "login_redirect_url": "https://a.example/in?x=1" }),
    )
    .await;
    let mails = outbox_to(&h, "ADA@acme.io").await;
    let link = mails.last().unwrap();
    assert_eq!(link["kind"], "magic_link_login");
    assert!(
        link["link"]
            .as_str()
            .unwrap()
            .starts_with("https://a.example/in?x=1&stytch_token_type=multi_tenant_magic_links&token=")
    );
}

#[tokio::test]
async fn proofs_must_belong_to_the_member_and_organization() {
    let h = H::new().await;
    let mfa =
        json!({ "organization_name": "A", "organization_slug": "a-org", "mfa_policy": "REQUIRED_FOR_ALL" });
    let (org, member, login) = member_in(&h, mfa, "ada@a.io", json!({ "mfa_phone_number": PHONE })).await;
    let ist = login["intermediate_session_token"].as_str().unwrap();
    let other_org = h.org("b-org").await;
    let other_member = h.member(&other_org, "ada@a.io").await;
    let code = h.emu.last_sms_to(PHONE).unwrap().token.unwrap();
    // The IST is bound to its organization and member.
    h.err(
        "/v1/b2b/otps/sms/authenticate",
        json!({ "organization_id": other_org, "member_id": other_member, "code": code, "intermediate_session_token": ist }),
        400,
        "invalid_intermediate_session_token_for_organization",
    )
    .await;
    let colleague = h.member(&org, "grace@a.io").await;
    h.err(
        "/v1/b2b/otps/sms/authenticate",
        json!({ "organization_id": org, "member_id": colleague, "code": code, "intermediate_session_token": ist }),
        400,
        "member_session_member_id_mismatch",
    )
    .await;
    // Null values count as absent (the Rust SDK sends them), so one proof is enough.
    let done = h
        .ok(
            "/v1/b2b/otps/sms/authenticate",
            json!({ "organization_id": org, "member_id": member, "code": code, "intermediate_session_token": ist,
                    "session_token": null, "session_jwt": null, "session_duration_minutes": 30 }),
        )
        .await;
    for absent in [
        "intermediate_session_token",
        "member_authenticated",
        "mfa_required",
    ] {
        assert!(done.get(absent).is_none(), "{absent} in {done:#}");
    }
    // The session JWT works as a proof for a step-up, and both factors are in the new JWT.
    let jwt = done["session_jwt"].as_str().unwrap();
    h.ok(
        "/v1/b2b/otps/sms/send",
        json!({ "organization_id": org, "member_id": member, "session_jwt": jwt }),
    )
    .await;
    let code = h.emu.last_sms_to(PHONE).unwrap().token.unwrap();
    let stepped = h
        .ok(
            "/v1/b2b/otps/sms/authenticate",
            json!({ "organization_id": org, "member_id": member, "code": code, "session_jwt": jwt }),
        )
        .await;
    assert_eq!(
        stepped["member_session"]["member_session_id"],
        done["member_session"]["member_session_id"]
    );
    let (_, claims) = jwt_parts(stepped["session_jwt"].as_str().unwrap());
    let types: Vec<_> = claims["https://stytch.com/session"]["authentication_factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["type"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(types, ["password", "otp"]);
}

#[tokio::test]
async fn sms_send_links_a_phone_and_guards_enrolled_members() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let member = h.member(&org, "ada@acme.io").await;
    let send = |body: Value| {
        let mut b = json!({ "organization_id": org, "member_id": member });
        b.as_object_mut()
            .unwrap()
            .extend(body.as_object().unwrap().clone());
        b
    };
    h.err(
        "/v1/b2b/otps/sms/send",
        send(json!({})),
        404,
        "member_phone_number_not_found",
    )
    .await;
    h.err(
        "/v1/b2b/otps/sms/send",
        send(json!({ "mfa_phone_number": "555-0123" })),
        400,
        "invalid_phone_number",
    )
    .await;
    let v = h
        .ok(
            "/v1/b2b/otps/sms/send",
            send(json!({ "mfa_phone_number": PHONE })),
        )
        .await;
    assert_eq!(v["member"]["mfa_phone_number"], PHONE);
    assert_eq!(v["member"]["mfa_phone_number_verified"], false);
    h.err(
        "/v1/b2b/otps/sms/send",
        send(json!({ "mfa_phone_number": "+12025550999" })),
        400,
        "duplicate_member_phone_number_for_member",
    )
    .await;

    // Verify the phone through a session step-up; then a bare send needs a proof.
    h.set_password(&org, "ada@acme.io", STRONG).await;
    let login = h.authenticate(&org, "ada@acme.io", STRONG).await;
    let token = login["session_token"].as_str().unwrap();
    h.ok("/v1/b2b/otps/sms/send", send(json!({ "session_token": token })))
        .await;
    let code = h.emu.last_sms_to(PHONE).unwrap().token.unwrap();
    let v = h
        .ok(
            "/v1/b2b/otps/sms/authenticate",
            send(json!({ "code": code, "session_token": token, "set_mfa_enrollment": "enroll" })),
        )
        .await;
    assert_eq!(v["member"]["mfa_phone_number_verified"], true);
    assert_eq!(v["member"]["mfa_enrolled"], true);
    h.err(
        "/v1/b2b/otps/sms/send",
        send(json!({})),
        400,
        "action_available_only_once_primary_authentication_is_met",
    )
    .await;
    // Enrolled under OPTIONAL: the next login requires MFA; `unenroll` lifts it.
    let login = h.authenticate(&org, "ada@acme.io", STRONG).await;
    assert_eq!(login["member_authenticated"], false);
    let code = h.emu.last_sms_to(PHONE).unwrap().token.unwrap();
    let v = h
        .ok(
            "/v1/b2b/otps/sms/authenticate",
            send(json!({ "code": code, "intermediate_session_token": login["intermediate_session_token"], "set_mfa_enrollment": "unenroll" })),
        )
        .await;
    assert_eq!(v["member"]["mfa_enrolled"], false);
    let login = h.authenticate(&org, "ada@acme.io", STRONG).await;
    assert_eq!(login["member_authenticated"], true);
}

#[tokio::test]
async fn organization_restrictions_on_methods() {
    let h = H::new().await;
    let (org, member, login) = member_in(
        &h,
        json!({ "organization_name": "T", "organization_slug": "totp-only", "mfa_policy": "REQUIRED_FOR_ALL",
                "mfa_methods": "RESTRICTED", "allowed_mfa_methods": ["totp"] }),
        "ada@t.io",
        json!({ "mfa_phone_number": PHONE }),
    )
    .await;
    // No automatic SMS where SMS is not an allowed MFA method.
    assert_eq!(login["mfa_required"]["secondary_auth_initiated"], Value::Null);
    assert!(h.emu.last_sms_to(PHONE).is_none());
    let ist = login["intermediate_session_token"].as_str().unwrap();
    h.err(
        "/v1/b2b/otps/sms/send",
        json!({ "organization_id": org, "member_id": member, "intermediate_session_token": ist }),
        403,
        "operation_restricted_by_organization_mfa_methods",
    )
    .await;

    let pw_only = h
        .org_with(json!({ "organization_name": "P", "organization_slug": "pw-only", "auth_methods": "RESTRICTED", "allowed_auth_methods": ["password"] }))
        .await;
    h.member(&pw_only, "ada@p.io").await;
    for path in [
        "/v1/b2b/magic_links/email/login_or_signup",
        "/v1/b2b/otps/email/login_or_signup",
    ] {
        h.err(
            path,
            json!({ "organization_id": pw_only, "email_address": "ada@p.io" }),
            403,
            "operation_restricted_by_organization_auth_methods",
        )
        .await;
    }
}

#[tokio::test]
async fn totp_registrations_pending_then_active() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let member = h
        .member_with(
            &org,
            json!({ "email_address": "ada@acme.io", "external_id": "ada-1" }),
        )
        .await;
    // member_id also takes the member's external id.
    let created = h
        .ok(
            "/v1/b2b/totp",
            json!({ "organization_id": "acme", "member_id": "ada-1", "expiration_minutes": 5 }),
        )
        .await;
    assert!(
        created["totp_registration_id"]
            .as_str()
            .unwrap()
            .starts_with("member-totp-test-")
    );
    assert_eq!(
        created["member"]["totp_registration_id"], "",
        "pending until confirmed"
    );
    let uri_svg = created["qr_code"].as_str().unwrap();
    assert!(uri_svg.starts_with("data:image/svg+xml;base64,"));
    // A pending registration has no recovery codes yet.
    h.err_get_recovery(&org, &member, 404, "recovery_codes_not_found")
        .await;
    // Shapes: recovery codes are not TOTP codes, and TOTP codes are six digits.
    let session = {
        h.set_password(&org, "ada@acme.io", STRONG).await;
        h.authenticate(&org, "ada@acme.io", STRONG).await["session_token"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let auth = |code: &str| json!({ "organization_id": org, "member_id": member, "code": code, "session_token": session });
    h.err(
        "/v1/b2b/totp/authenticate",
        auth("abcd-efgh-2345"),
        400,
        "recovery_code_used_as_totp_code",
    )
    .await;
    h.err(
        "/v1/b2b/totp/authenticate",
        auth("12345"),
        400,
        "invalid_totp_code",
    )
    .await;
    // Not confirmed within expiration_minutes: dead.
    h.emu.clock().advance(Duration::from_secs(5 * 60 + 1));
    let secret = created["secret"].as_str().unwrap();
    h.err(
        "/v1/b2b/totp/authenticate",
        auth(&totp(&h, secret)),
        401,
        "expired_totp",
    )
    .await;
    // A new create replaces the pending registration; confirming it activates it.
    let created = h
        .ok(
            "/v1/b2b/totp",
            json!({ "organization_id": org, "member_id": member, "session_token": session }),
        )
        .await;
    let secret = created["secret"].as_str().unwrap();
    let v = h.ok("/v1/b2b/totp/authenticate", auth(&totp(&h, secret))).await;
    assert_eq!(
        v["member"]["totp_registration_id"],
        created["totp_registration_id"]
    );
    let codes = h.get_recovery(&org, &member).await;
    assert_eq!(codes, created["recovery_codes"]);
    // TOTP is now an active factor: creating another needs... nothing less than a delete.
    h.err(
        "/v1/b2b/totp",
        json!({ "organization_id": org, "member_id": member, "session_token": session }),
        400,
        "active_totp_exists",
    )
    .await;
    // Migrate refuses too, and rejects a secret that is not base32.
    h.err(
        "/v1/b2b/totp/migrate",
        json!({ "organization_id": org, "member_id": member, "secret": "GEZDGNBV", "recovery_codes": [] }),
        400,
        "active_totp_exists",
    )
    .await;
    let other = h.member(&org, "grace@acme.io").await;
    h.err(
        "/v1/b2b/totp/migrate",
        json!({ "organization_id": org, "member_id": other, "secret": "not base32!", "recovery_codes": [] }),
        400,
        "invalid_argument",
    )
    .await;
    let migrated = h
        .ok(
            "/v1/b2b/totp/migrate",
            json!({ "organization_id": org, "member_id": other, "secret": "gezdgnbvgy3tqojq", "recovery_codes": [] }),
        )
        .await;
    assert_eq!(migrated["recovery_codes"].as_array().unwrap().len(), 10, "minted");
    assert!(
        migrated["member"]["totp_registration_id"]
            .as_str()
            .unwrap()
            .starts_with("member-totp-test-")
    );

    // Deleting the member's TOTP removes the registration and its recovery codes, so a new
    // authenticator app can be enrolled; a second delete finds nothing.
    let path = format!("/v1/b2b/organizations/{org}/members/{member}/totp");
    let (status, v) = h.call(reqwest::Method::DELETE, &path, None).await;
    assert_eq!(status, 200, "{v:#}");
    assert_eq!(v["member"]["totp_registration_id"], "");
    h.err_get_recovery(&org, &member, 404, "recovery_codes_not_found")
        .await;
    let (status, v) = h.call(reqwest::Method::DELETE, &path, None).await;
    assert_eq!((status, v["error_type"].as_str()), (404, Some("totp_not_found")));
    h.ok(
        "/v1/b2b/totp",
        json!({ "organization_id": org, "member_id": member, "session_token": session }),
    )
    .await;
}

#[tokio::test]
async fn expirations_are_range_checked() {
    let h = H::new().await;
    let org = h
        .org_with(json!({ "organization_name": "J", "organization_slug": "jit", "email_jit_provisioning": "RESTRICTED", "email_allowed_domains": ["j.io"] }))
        .await;
    h.err(
        "/v1/b2b/magic_links/email/login_or_signup",
        json!({ "organization_id": org, "email_address": "a@j.io", "login_expiration_minutes": 4 }),
        400,
        "invalid_expiration",
    )
    .await;
    h.err(
        "/v1/b2b/otps/email/login_or_signup",
        json!({ "organization_id": org, "email_address": "a@j.io", "signup_expiration_minutes": 16 }),
        400,
        "invalid_expiration_otp",
    )
    .await;
    h.err(
        "/v1/b2b/magic_links/email/invite",
        json!({ "organization_id": org, "email_address": "a@j.io", "invite_expiration_minutes": 10_081 }),
        400,
        "invalid_expiration",
    )
    .await;
    h.err(
        "/v1/b2b/totp",
        json!({ "organization_id": org, "member_id": h.member(&org, "b@j.io").await, "expiration_minutes": 1441 }),
        400,
        "invalid_expiration",
    )
    .await;
}

#[tokio::test]
async fn default_totp_members_get_no_automatic_sms() {
    let h = H::new().await;
    let org = h
        .org_with(
            json!({ "organization_name": "M", "organization_slug": "mfa", "mfa_policy": "REQUIRED_FOR_ALL" }),
        )
        .await;
    let member = h
        .member_with(
            &org,
            json!({ "email_address": "ada@m.io", "mfa_phone_number": PHONE }),
        )
        .await;
    h.set_password(&org, "ada@m.io", STRONG).await;
    h.emu.clear_outbox();
    let login = h.authenticate(&org, "ada@m.io", STRONG).await;
    let ist = login["intermediate_session_token"].as_str().unwrap();
    let created = h
        .ok(
            "/v1/b2b/totp",
            json!({ "organization_id": org, "member_id": member, "intermediate_session_token": ist }),
        )
        .await;
    let secret = created["secret"].as_str().unwrap();
    h.ok(
        "/v1/b2b/totp/authenticate",
        json!({ "organization_id": org, "member_id": member, "code": totp(&h, secret), "intermediate_session_token": ist, "set_default_mfa": true }),
    )
    .await;
    h.emu.clear_outbox();
    let login = h.authenticate(&org, "ada@m.io", STRONG).await;
    assert_eq!(login["member"]["default_mfa_method"], "totp");
    assert_eq!(login["mfa_required"]["secondary_auth_initiated"], Value::Null);
    assert_eq!(
        login["mfa_required"]["member_options"]["totp_registration_id"],
        created["totp_registration_id"]
    );
    assert!(h.emu.last_sms_to(PHONE).is_none());
}

/// Recovery-code GET helpers.
trait Recovery {
    async fn get_recovery(&self, org: &str, member: &str) -> Value;
    async fn err_get_recovery(&self, org: &str, member: &str, status: u16, error_type: &str);
}

impl Recovery for H {
    async fn get_recovery(&self, org: &str, member: &str) -> Value {
        let (status, v) = self.get(&format!("/v1/b2b/recovery_codes/{org}/{member}")).await;
        assert_eq!(status, 200, "{v:#}");
        v["recovery_codes"].clone()
    }

    async fn err_get_recovery(&self, org: &str, member: &str, status: u16, error_type: &str) {
        let (got, v) = self.get(&format!("/v1/b2b/recovery_codes/{org}/{member}")).await;
        assert_eq!(
            (got, v["error_type"].as_str()),
            (status, Some(error_type)),
            "{v:#}"
        );
    }
}
