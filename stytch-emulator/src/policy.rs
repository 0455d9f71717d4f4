//! Every behaviour of the emulator that Stytch's documentation leaves open (an error type or
//! status not documented, a default inferred from SDK behaviour), and every limit the emulator
//! chooses, decided in one place. Each constant says what it settles and how sure the choice
//! is; change a decision here and the whole emulator follows.

use std::time::Duration;

// ---- Errors -------------------------------------------------------------------

/// Error type for a required request field that is missing, `null` or empty (the real
/// type is unconfirmed; `invalid_argument` exists in the API's error enum).
pub const MISSING_FIELD_ERROR: &str = "invalid_argument";
/// Error type for a field of the wrong JSON type or an out-of-domain value.
pub const INVALID_FIELD_ERROR: &str = "invalid_argument";
/// Whether field errors carry `error_details: {"field": name}` (when Stytch sends
/// `error_details` is unconfirmed; it helps callers and SDKs that surface it).
pub const FIELD_ERRORS_CARRY_DETAILS: bool = true;
/// Status of `weak_password`.
pub const WEAK_PASSWORD_STATUS: u16 = 400;
/// Status of `member_reset_password`.
pub const MEMBER_RESET_PASSWORD_STATUS: u16 = 400;
/// Wrong password on authenticate / discovery authenticate / existing_password reset:
/// 401 `unauthorized_credentials`.
pub const WRONG_PASSWORD_ERROR: (u16, &str) = (401, "unauthorized_credentials");
/// Status of `unable_to_auth_password_reset_token`.
pub const RESET_TOKEN_STATUS: u16 = 401;
/// Status of `member_not_found` / `organization_not_found` / `member_password_not_found`
/// / `intermediate_session_not_found` (404 for not-found).
pub const NOT_FOUND_STATUS: u16 = 404;
/// Status of the malformed-JWT and bad-signature errors.
pub const JWT_ERROR_STATUS: u16 = 401;
/// Error type of a session JWT that cannot be parsed.
pub const JWT_UNPARSABLE_ERROR: &str = "unable_to_parse_session_jwt";
/// Error type of a session JWT whose signature does not verify or whose `kid` is unknown.
pub const JWT_BAD_SIGNATURE_ERROR: &str = "jwt_invalid_signature";
/// Both `session_token` and `session_jwt` given (type name inferred).
pub const TOO_MANY_SESSION_ARGUMENTS: &str = "too_many_session_arguments";
/// None of the accepted session arguments given (inferred).
pub const NO_SESSION_ARGUMENTS: &str = "no_session_arguments";
/// A password flow in an organization whose `auth_methods` is `RESTRICTED` without `password`
///.
pub const RESTRICTED_AUTH_METHOD_ERROR: (u16, &str) =
    (403, "operation_restricted_by_organization_auth_methods");
/// An organization-bound intermediate session token used for another organization.
pub const IST_WRONG_ORG_ERROR: &str = "invalid_intermediate_session_token_for_organization";
/// An organization-bound intermediate session token given to discovery organization create,
/// which takes only discovery tokens ("not valid for use with discovery endpoints").
pub const IST_NOT_DISCOVERY_ERROR: &str = "invalid_intermediate_session_token_for_discovery";
/// Cross-org password endpoints with the feature off (inferred mapping, status unconfirmed).
pub const CROSS_ORG_DISABLED_STATUS: u16 = 400;
/// Duplicate member email in one organization.
pub const DUPLICATE_MEMBER_EMAIL_STATUS: u16 = 400;
/// An unknown `project_id` on the JWKS endpoint (recommend 404 `project_not_found`).
pub const UNKNOWN_PROJECT_JWKS_ERROR: (u16, &str) = (404, "project_not_found");
/// A connected-apps access token the emulator did not issue, or one that expired.
pub const INVALID_ACCESS_TOKEN_ERROR: (u16, &str) = (401, "invalid_access_token");
/// A trusted-auth token (sessions/attest) the emulator was not told about.
pub const INVALID_TRUSTED_AUTH_TOKEN_ERROR: (u16, &str) = (401, "invalid_trusted_auth_token");
/// An external session token (sessions/migrate) the emulator was not told about.
pub const INVALID_EXTERNAL_SESSION_ERROR: (u16, &str) = (401, "unable_to_auth_external_session");
/// A request whose body is larger than [`MAX_BODY_BYTES`].
pub const BODY_TOO_LARGE_ERROR: (u16, &str) = (413, "request_too_large");
/// A POST with a `Content-Type` that is not JSON.
pub const WRONG_CONTENT_TYPE_ERROR: (u16, &str) = (400, "bad_request");
/// An unknown path.
pub const UNKNOWN_ROUTE_ERROR: (u16, &str) = (404, "route_not_found");
/// A route of Stytch's B2B API that this emulator does not serve (yet): a distinct error, so
/// that a test reaching past what is emulated is not mistaken for a typo.
pub const NOT_EMULATED_ERROR: (u16, &str) = (501, "not_emulated");
/// A known path with the wrong method.
pub const WRONG_METHOD_ERROR: (u16, &str) = (405, "method_not_allowed");
/// A PKCE code_verifier given to a reset whose start had no code_challenge (mapping
/// unconfirmed): `pkce_did_not_expect_code_verifier`. Missing verifier: `pkce_expected_code_verifier`;
/// wrong verifier: `pkce_mismatch`.
pub const PKCE_ERROR_STATUS: u16 = 400;

// ---- Sizes and limits ---------------------------------------------------------------------

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

// ---- Sessions ---------------------------------------------------------------

/// `session_duration_minutes` range.
pub const SESSION_DURATION_MINUTES: std::ops::RangeInclusive<i64> = 5..=527_040;
/// Session length when `session_duration_minutes` is omitted.
pub const DEFAULT_SESSION_MINUTES: i64 = 60;
/// Session JWT lifetime.
pub const JWT_LIFETIME: Duration = Duration::from_secs(300);
/// Intermediate session token lifetime.
pub const IST_LIFETIME: Duration = Duration::from_secs(600);
/// Whether JWTs carry a `jti` claim (unconfirmed; left out).
pub const JWT_HAS_JTI: bool = false;
/// How long a rotated-out signing key stays in the JWKS ("old and new keys are both served
/// for 1 month").
pub const OLD_KEY_GRACE: Duration = Duration::from_secs(30 * 24 * 3600);
/// The session/reset five-minute rule.
pub const SESSION_RESET_MAX_FACTOR_AGE: Duration = Duration::from_secs(300);
/// Custom claims size limit in bytes of JSON.
pub const MAX_CUSTOM_CLAIMS_BYTES: usize = 4096;
/// Claims a caller cannot set through `session_custom_claims`.
pub const RESERVED_CLAIMS: &[&str] = &["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];
/// A session passed to a password reset or authenticate that belongs to another member is
/// ignored rather than rejected.
pub const FOREIGN_SESSION_IGNORED: bool = true;
/// Break-glass members still need MFA (unconfirmed whether they skip it).
pub const BREAKGLASS_SKIPS_MFA: bool = false;

// ---- Passwords ------------------------------------------------------------------------

/// `reset_password_expiration_minutes` range and default.
pub const RESET_EXPIRATION_MINUTES: std::ops::RangeInclusive<i64> = 5..=10_080;
/// Default reset token lifetime in minutes.
pub const DEFAULT_RESET_EXPIRATION_MINUTES: i64 = 30;
/// Query parameter carrying the token type in reset links (unconfirmed).
pub const RESET_TOKEN_TYPE: &str = "multi_tenant_passwords";
/// Query parameter value for discovery reset links.
pub const DISCOVERY_RESET_TOKEN_TYPE: &str = "discovery";
/// `passwords/email/reset/start` for an unknown email: 404 `member_not_found` (unconfirmed).
pub const RESET_START_UNKNOWN_EMAIL_IS_ERROR: bool = true;
/// `passwords/discovery/email/reset/start` for an email with no member anywhere: answer 200 and
/// send nothing (anti-enumeration; unconfirmed).
pub const DISCOVERY_RESET_START_UNKNOWN_EMAIL_SILENT: bool = true;
/// `passwords/migrate` onto a member that already has a password overwrites it.
pub const MIGRATE_OVERWRITES_PASSWORD: bool = true;
/// After a migrated (non-argon2id) hash verifies, re-hash the password with the emulator's own
/// argon2id parameters, as a password service would.
pub const REHASH_MIGRATED_ON_AUTH: bool = true;
/// The score reported under the LUDS policy ("LUDS examples show score: 0").
pub const LUDS_SCORE: i64 = 0;
/// Minimum zxcvbn score for a valid password.
pub const ZXCVBN_MIN_SCORE: u8 = 3;
/// The password a discovery email reset sets also revokes the sessions of every member with
/// that email (unconfirmed; mirrors the org-scoped reset).
pub const DISCOVERY_RESET_REVOKES_SESSIONS: bool = true;

/// What `primary_required.allowed_auth_methods` lists for an organization whose
/// `auth_methods` is `ALL_ALLOWED`: every primary authentication method.
pub const ALL_AUTH_METHODS: &[&str] = &[
    "sso",
    "magic_link",
    "email_otp",
    "password",
    "google_oauth",
    "microsoft_oauth",
    "slack_oauth",
    "github_oauth",
    "hubspot_oauth",
];

// ---- Objects ------------------------------------------------------------------------------

/// A created member lists the implicit `stytch_member` role (unconfirmed).
pub const MEMBER_HAS_IMPLICIT_STYTCH_MEMBER_ROLE: bool = true;
/// Members created through a password reset flow have their email marked verified.
pub const RESET_VERIFIES_EMAIL: bool = true;
/// A missing `organization_slug` on create is generated from the name (either require it or
/// generate it; generated).
pub const GENERATE_MISSING_SLUG: bool = true;
/// Success status of every endpoint (200 is safe).
pub const SUCCESS_STATUS: u16 = 200;
/// Environment part of generated ids (`organization-test-…`).
pub const ID_ENV: &str = "test";
/// Shape of member session ids (`session-test-…` and `member-session-test-…` both seen;
/// the latter chosen).
pub const SESSION_ID_PREFIX: &str = "member-session";
/// Shape of member email ids (likely).
pub const MEMBER_EMAIL_ID_PREFIX: &str = "member-email";
/// JWKS `kid` prefix, giving `jwk-test-<uuid>` (format unconfirmed).
pub const KID_PREFIX: &str = "jwk";

// ---- Work factors of migrated hashes ------------------------------------------------------------
//
// `passwords/migrate` refuses hashes whose parameters would make every later authenticate take
// minutes or exhaust memory. The limits sit well above what real deployments use (bcrypt 10-14,
// argon2 19-64 MiB, PBKDF2 600,000 iterations, scrypt N = 2^15..2^17, phpass 2^8).

/// Highest bcrypt cost accepted.
pub const MAX_BCRYPT_COST: u32 = 16;
/// Highest argon2 memory accepted, in KiB (1 GiB).
pub const MAX_ARGON2_MEMORY_KIB: u32 = 1024 * 1024;
/// Highest argon2 iteration count accepted.
pub const MAX_ARGON2_ITERATIONS: u32 = 64;
/// Highest argon2 parallelism accepted.
pub const MAX_ARGON2_THREADS: u32 = 64;
/// Highest PBKDF2 iteration count accepted.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// Highest scrypt memory (128 · N · r bytes) accepted (1 GiB).
pub const MAX_SCRYPT_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;
/// Highest scrypt parallelism accepted.
pub const MAX_SCRYPT_P: u32 = 16;
/// Highest phpass iteration exponent accepted (2^20 MD5 rounds).
pub const MAX_PHPASS_LOG2: usize = 20;

// ---- Magic links, one-time passcodes, TOTP, recovery codes, MFA ------------------------------

/// Magic-link `login_expiration_minutes` / `signup_expiration_minutes` /
/// `discovery_expiration_minutes` range.
pub const MAGIC_LINK_EXPIRATION_MINUTES: std::ops::RangeInclusive<i64> = 5..=10_080;
/// Magic-link lifetime when none is given (login, signup, discovery).
pub const DEFAULT_MAGIC_LINK_MINUTES: i64 = 60;
/// Invite link lifetime when none is given: one week (also the maximum).
pub const DEFAULT_INVITE_MINUTES: i64 = 10_080;
/// Whether a new magic link invalidates the earlier ones sent to the same address
/// (unconfirmed; each link lives until used or expired).
pub const MAGIC_LINK_LATEST_ONLY: bool = false;
/// `stytch_token_type` of organization magic links.
pub const MAGIC_LINK_TOKEN_TYPE: &str = "multi_tenant_magic_links";
/// `stytch_token_type` of discovery magic links.
pub const DISCOVERY_MAGIC_LINK_TOKEN_TYPE: &str = "discovery";
/// Where login / signup / invite / discovery links point when the request names no URL (the
/// project's dashboard defaults in a real project).
pub const DEFAULT_LOGIN_REDIRECT_URL: &str = "http://localhost:3000/authenticate";
/// See [`DEFAULT_LOGIN_REDIRECT_URL`].
pub const DEFAULT_SIGNUP_REDIRECT_URL: &str = "http://localhost:3000/authenticate";
/// See [`DEFAULT_LOGIN_REDIRECT_URL`].
pub const DEFAULT_INVITE_REDIRECT_URL: &str = "http://localhost:3000/authenticate";
/// See [`DEFAULT_LOGIN_REDIRECT_URL`].
pub const DEFAULT_DISCOVERY_REDIRECT_URL: &str = "http://localhost:3000/discovery";
/// An unknown magic-link token.
pub const MAGIC_LINK_NOT_FOUND_ERROR: (u16, &str) = (404, "magic_link_not_found");
/// A used or expired magic-link token, or one of the other kind (a discovery token on the
/// organization endpoint or the reverse; unconfirmed).
pub const MAGIC_LINK_UNUSABLE_ERROR: (u16, &str) = (401, "unable_to_auth_magic_link");
/// A new email in an organization whose `email_jit_provisioning` is `NOT_ALLOWED`
/// (status unconfirmed).
pub const JIT_NOT_ALLOWED_ERROR: (u16, &str) = (403, "email_jit_provisioning_not_allowed");
/// A new email whose domain is not in `email_allowed_domains` under `RESTRICTED` JIT.
pub const JIT_DOMAIN_ERROR: (u16, &str) = (400, "invalid_email_for_jit_provisioning");
/// An invite refused by `email_invites` (`NOT_ALLOWED`, or a domain outside
/// `email_allowed_domains` under `RESTRICTED`; unconfirmed).
pub const INVITE_REFUSED_ERROR: (u16, &str) = (400, "invalid_email_for_invites");
/// Inviting a member who is already active (unconfirmed).
pub const INVITE_ACTIVE_MEMBER_ERROR: (u16, &str) = (400, "duplicate_member_email");
/// The factor `type` of email passcodes in sessions (`otp` or `email_otp`; unconfirmed).
pub const EMAIL_OTP_FACTOR_TYPE: &str = "otp";
/// Email passcode `*_expiration_minutes` range.
pub const EMAIL_OTP_EXPIRATION_MINUTES: std::ops::RangeInclusive<i64> = 2..=15;
/// Email passcode lifetime when none is given.
pub const DEFAULT_EMAIL_OTP_MINUTES: i64 = 10;
/// SMS passcode lifetime.
pub const SMS_OTP_LIFETIME: Duration = Duration::from_secs(120);
/// Wrong tries after which a passcode stops working; `None`: wrong tries never spend it
/// (no documented limit).
pub const MAX_OTP_ATTEMPTS: Option<u32> = None;
/// No passcode was ever sent to this recipient (unconfirmed).
pub const OTP_NOT_FOUND_ERROR: (u16, &str) = (404, "otp_code_not_found");
/// A wrong, used, superseded or expired passcode (unconfirmed).
pub const OTP_UNUSABLE_ERROR: (u16, &str) = (401, "unable_to_auth_otp_code");
/// `otps/sms/send` for a member with no phone and no `mfa_phone_number`.
pub const NO_PHONE_ERROR: (u16, &str) = (404, "member_phone_number_not_found");
/// `otps/sms/send` with an `mfa_phone_number` other than the member's (unconfirmed).
pub const OTHER_PHONE_ERROR: (u16, &str) = (400, "duplicate_member_phone_number_for_member");
/// A phone number already used by another member of the organization (unconfirmed).
pub const DUPLICATE_PHONE_ERROR: (u16, &str) = (400, "duplicate_member_phone_number");
/// An intermediate session or session of another member than `member_id` (unconfirmed).
pub const PROOF_MEMBER_MISMATCH_ERROR: &str = "member_session_member_id_mismatch";
/// An MFA method outside `allowed_mfa_methods` under `mfa_methods: RESTRICTED` (unconfirmed).
pub const RESTRICTED_MFA_METHOD_ERROR: (u16, &str) =
    (403, "operation_restricted_by_organization_mfa_methods");
/// The automatic SMS after a primary factor is skipped when the member's default MFA method is
/// TOTP (unconfirmed; the frontend SDKs tie the automatic SMS to the default method).
pub const AUTO_SMS_SKIPPED_WHEN_DEFAULT_IS_TOTP: bool = true;
/// Shape of member phone ids (unconfirmed).
pub const MEMBER_PHONE_ID_PREFIX: &str = "member-phone";
/// TOTP steps accepted either side of the current one (unconfirmed; ±1 as most servers).
pub const TOTP_WINDOW_STEPS: u64 = 1;
/// Pending TOTP registration `expiration_minutes` range.
pub const TOTP_EXPIRATION_MINUTES: std::ops::RangeInclusive<i64> = 5..=1440;
/// Pending TOTP registration lifetime when none is given.
pub const DEFAULT_TOTP_MINUTES: i64 = 60;
/// Media type of `qr_code` (Stytch sends a PNG; an SVG QR code needs no image library and
/// scans the same).
pub const TOTP_QR_CODE_MEDIA_TYPE: &str = "image/svg+xml";
/// A wrong TOTP code (unconfirmed).
pub const TOTP_WRONG_CODE_ERROR: (u16, &str) = (401, "unable_to_authenticate_totp");
/// A TOTP code already accepted (its step or an earlier one; unconfirmed).
pub const TOTP_REPLAY_ERROR: (u16, &str) = (401, "totp_code_already_authenticated");
/// A pending TOTP registration past its `expiration_minutes` (unconfirmed).
pub const TOTP_EXPIRED_ERROR: (u16, &str) = (401, "expired_totp");
/// Recovery codes per TOTP registration.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// A member without an active TOTP has no recovery codes (unconfirmed: 404 chosen over
/// 400 `no_active_recovery_code_backed_factor`).
pub const NO_RECOVERY_CODES_ERROR: (u16, &str) = (404, "recovery_codes_not_found");
/// A wrong or used recovery code (unconfirmed).
pub const RECOVERY_CODE_WRONG_ERROR: (u16, &str) = (401, "unable_to_authenticate_recovery_code");
/// A successful magic-link or email-passcode authenticate makes a pending or invited member
/// active and verifies their email at once, even when MFA is still required (the primary
/// factor proved the address).
pub const PASSWORDLESS_ACTIVATES_BEFORE_MFA: bool = true;
// ---- RBAC, organizations and members (issue 13) ---------------------------------------------

/// The actions of `stytch.organization` in the default policy: the per-field update actions the
/// SDKs document, `delete`, and the names chosen below for fields and endpoints whose action is
/// undocumented.
pub const ORGANIZATION_ACTIONS: &[&str] = &[
    "update.info.name",
    "update.info.slug",
    "update.info.logo-url",
    "update.settings.default-sso-connection",
    "update.settings.sso-jit-provisioning",
    "update.settings.allowed-domains",
    "update.settings.email-jit-provisioning",
    "update.settings.email-invites",
    "update.settings.allowed-auth-methods",
    "update.settings.mfa-policy",
    "update.settings.implicit-roles",
    "update.settings.allowed-mfa-methods",
    "update.settings.oauth-tenant-jit-provisioning",
    "update.settings.allowed-oauth-tenants",
    "delete",
    ORG_EXTERNAL_ID_ACTION,
    ORG_CLAIMED_DOMAINS_ACTION,
    ORG_CONNECTED_APPS_SETTINGS_ACTION,
    ORG_CONNECTED_APPS_READ_ACTION,
];
/// The actions of `stytch.member` in the default policy.
pub const MEMBER_ACTIONS: &[&str] = &[
    "create",
    "search",
    "delete",
    "update.info.name",
    "update.info.untrusted-metadata",
    "update.info.mfa-phone",
    "update.info.email",
    "update.info.delete.mfa-phone",
    "update.info.delete.password",
    "update.info.delete.mfa-totp",
    "update.settings.is-breakglass",
    "update.settings.mfa-enrolled",
    "update.settings.roles",
    "update.settings.default-mfa-method",
    MEMBER_REVOKE_SESSIONS_ACTION,
    MEMBER_REACTIVATE_ACTION,
    MEMBER_EXTERNAL_ID_ACTION,
    MEMBER_RESET_PASSWORD_ACTION,
    MEMBER_CONNECTED_APPS_READ_ACTION,
    MEMBER_CONNECTED_APPS_REVOKE_ACTION,
];
/// The actions of `stytch.self` in the default policy (what `stytch_member` may do to itself).
pub const SELF_ACTIONS: &[&str] = &[
    "delete",
    "update.info.name",
    "update.info.untrusted-metadata",
    "update.info.mfa-phone",
    "update.info.email",
    "update.info.delete.mfa-phone",
    "update.info.delete.password",
    "update.info.delete.mfa-totp",
    "update.settings.mfa-enrolled",
    "update.settings.default-mfa-method",
    MEMBER_REVOKE_SESSIONS_ACTION,
    MEMBER_RESET_PASSWORD_ACTION,
    MEMBER_CONNECTED_APPS_READ_ACTION,
    MEMBER_CONNECTED_APPS_REVOKE_ACTION,
];
/// The resources on which `stytch_admin` holds `*` (`stytch.scim` is likely but unconfirmed;
/// included).
pub const ADMIN_RESOURCES: &[&str] = &[
    "stytch.organization",
    "stytch.member",
    "stytch.sso",
    "stytch.scim",
];

/// `organization_external_id` on organizations update and organizations delete_external_id
/// (no documented action; chosen).
pub const ORG_EXTERNAL_ID_ACTION: &str = "update.info.external-id";
/// `claimed_email_domains` on organizations update (no documented action; chosen).
pub const ORG_CLAIMED_DOMAINS_ACTION: &str = "update.settings.claimed-email-domains";
/// The `*_connected_apps_*` fields of organizations update (no documented action; chosen).
pub const ORG_CONNECTED_APPS_SETTINGS_ACTION: &str = "update.settings.connected-apps";
/// The organization connected-app reads (no documented action; chosen).
pub const ORG_CONNECTED_APPS_READ_ACTION: &str = "get.connected-apps";
/// sessions/revoke with a member-session header (chosen; `stytch.self` for one's own sessions).
pub const MEMBER_REVOKE_SESSIONS_ACTION: &str = "revoke-sessions";
/// members reactivate (no documented action; chosen).
pub const MEMBER_REACTIVATE_ACTION: &str = "reactivate";
/// members `external_id` on update and members delete_external_id (no documented action; chosen).
pub const MEMBER_EXTERNAL_ID_ACTION: &str = "update.info.external-id";
/// passwords/email/require_reset with a member-session header (no documented action; chosen;
/// `stytch.self` for one's own password).
pub const MEMBER_RESET_PASSWORD_ACTION: &str = "update.info.reset-password";
/// The member connected-app reads (no documented action; chosen; `stytch.self` on oneself).
pub const MEMBER_CONNECTED_APPS_READ_ACTION: &str = "get.connected-apps";
/// The member connected-app revoke (no documented action; chosen; `stytch.self` on oneself).
pub const MEMBER_CONNECTED_APPS_REVOKE_ACTION: &str = "revoke.connected-apps";

/// Status of RBAC policy validation errors (`rbac_role_duplicate`, `invalid_permission_action`, …).
pub const RBAC_VALIDATION_STATUS: u16 = 400;
/// Longest role id accepted.
pub const MAX_RBAC_ID_LEN: usize = 128;
/// Longest role description accepted.
pub const MAX_RBAC_DESCRIPTION_LEN: usize = 1024;
/// A member-session header whose member lacks the permission: 403 `session_authorization_error`.
pub const RBAC_DENIED_ERROR: (u16, &str) = (403, "session_authorization_error");
/// A member-session header of another organization: 403 `session_authorization_tenancy_error`.
pub const RBAC_TENANCY_ERROR: (u16, &str) = (403, "session_authorization_tenancy_error");
/// `trusted_metadata` sent with a member-session header (type documented on the consumer 401 page).
pub const RBAC_TRUSTED_METADATA_ERROR: (u16, &str) = (401, "cannot_update_trusted_metadata");
/// A member changing their own email address through members update with their session.
pub const RBAC_OWN_EMAIL_ERROR: (u16, &str) = (403, "member_cannot_update_their_email_address");

/// Default and largest `limit` of the search endpoints.
pub const SEARCH_DEFAULT_LIMIT: usize = 100;
/// Largest `limit` of the search endpoints.
pub const SEARCH_MAX_LIMIT: usize = 1000;
/// Shortest value of a fuzzy search filter.
pub const SEARCH_FUZZY_MIN_LEN: usize = 3;
/// A `limit` above [`SEARCH_MAX_LIMIT`] (type unconfirmed).
pub const SEARCH_INVALID_LIMIT_ERROR: (u16, &str) = (400, "invalid_limit");
/// A `cursor` this emulator did not hand out (type unconfirmed).
pub const SEARCH_INVALID_CURSOR_ERROR: (u16, &str) = (400, "invalid_cursor");

/// Consumer email domains an organization may not list in `email_allowed_domains` or
/// `claimed_email_domains` (`organization_settings_domain_too_common`).
pub const COMMON_EMAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "mail.com",
    "yandex.com",
    "zoho.com",
    "qq.com",
    "163.com",
];
/// Longest `organization_logo_url` accepted (`organization_logo_url_too_long`; chosen).
pub const MAX_LOGO_URL_LEN: usize = 2048;
/// members update setting `mfa_phone_number` on a member who has one (type unconfirmed).
pub const PHONE_ALREADY_SET_ERROR: (u16, &str) = (400, "duplicate_member_phone_number_for_member");
/// Deleting an MFA phone number / TOTP the member does not have is a 404
/// (`member_phone_number_not_found` / `totp_not_found`) rather than an idempotent 200.
pub const DELETE_MISSING_FACTOR_IS_ERROR: bool = true;
/// How long a start_email_update verification stays valid.
pub const EMAIL_UPDATE_LIFETIME_MINUTES: i64 = 5;
/// A Google / Microsoft provider-token read for a member without that registration.
pub const NO_OAUTH_TOKEN_ERROR: (u16, &str) = (404, "member_oauth_token_not_found");
/// `organizations/metrics` counts only non-deleted members.
pub const METRICS_COUNT_DELETED: bool = false;
/// `stytch_token_type` in start_email_update links (unconfirmed).
pub const EMAIL_UPDATE_TOKEN_TYPE: &str = "multi_tenant_magic_links";
