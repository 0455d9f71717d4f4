//! The whole B2B password flow step by step, then a magic-link login and a login with a second
//! factor (TOTP).
//!
//! Runs against the embedded Stytch emulator by default — no network, no credentials:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! With `STYTCH_PROJECT_ID` and `STYTCH_SECRET` set (and optionally `STYTCH_BASE_URL`), it runs
//! against that Stytch project instead. There, the steps that need a token from an email
//! (reset by email, discovery reset) are skipped, and discovery needs cross-org passwords
//! enabled in the project's password settings.
//!
//! Each step prints as it goes; a summary ends the run. Any failure exits non-zero with the
//! error.

use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use stytch_client::Client;
use stytch_client::b2b::models::HashType;
use stytch_client::b2b::models::SetMfaEnrollment;
use stytch_client::b2b::{magic_links, organizations, passwords, totps};
use stytch_client::jwt::{JwtOptions, VerifiedBy};

type Error = Box<dyn std::error::Error>;
use stytch_emulator::Emulator;

/// A legacy bcrypt hash (cost 10) of `MIGRATED_PASSWORD`, as an old user table would hold it.
const LEGACY_BCRYPT_HASH: &str = "$2b$10$X2gm4Sg2j2RD8sPUCaaLsev9e97Y2Qi6joIC/DFmy5oX43CpFOz1i";
const MIGRATED_PASSWORD: &str = "Migrated-from-Legacy-2019!";
const WEAK_PASSWORD: &str = "password";
const RESET_PASSWORD: &str = "velvet-Harbor-orbit-42-quietly";
const SESSION_RESET_PASSWORD: &str = "copper-Lantern-meadow-77-gently";
const EXISTING_RESET_PASSWORD: &str = "silver-Canyon-thistle-19-boldly";
const DISCOVERY_RESET_PASSWORD: &str = "amber-Glacier-pepper-63-softly";
/// Seconds per TOTP step (RFC 6238).
const TOTP_STEP: u64 = 30;

/// Where the flow runs.
enum Target {
    /// The embedded emulator, whose outbox holds the emails Stytch would have sent.
    Emulator(Emulator),
    /// A real Stytch project from the environment.
    Stytch(Client),
}

impl Target {
    fn client(&self) -> Client {
        match self {
            Target::Emulator(emulator) => emulator.client(),
            Target::Stytch(client) => client.clone(),
        }
    }

    /// The target's current time (the emulator's clock can run ahead of the system's).
    fn now(&self) -> u64 {
        match self {
            Target::Emulator(emulator) => emulator.clock().now().timestamp().max(0) as u64,
            Target::Stytch(_) => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default(),
        }
    }

    /// Moves to the next 30-second TOTP step, so that a fresh code differs from the last one:
    /// the emulator's clock is advanced; against Stytch this waits (at most 30 seconds).
    async fn next_totp_step(&self) {
        let left = TOTP_STEP - self.now() % TOTP_STEP;
        match self {
            Target::Emulator(emulator) => emulator.clock().advance(Duration::from_secs(left)),
            Target::Stytch(_) => tokio::time::sleep(Duration::from_secs(left)).await,
        }
    }

    /// The current code of a TOTP secret, as the member's authenticator app shows it.
    fn totp_code(&self, secret: &str) -> Result<String, Error> {
        let bytes = totp_rs::Secret::Encoded(secret.to_owned())
            .to_bytes()
            .map_err(|e| format!("TOTP secret: {e}"))?;
        Ok(
            totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 0, TOTP_STEP, bytes)
                .generate(self.now()),
        )
    }

    /// The token of the newest email to `address`, when the target has an outbox.
    fn emailed_token(&self, address: &str) -> Option<String> {
        match self {
            Target::Emulator(emulator) => emulator.last_email_to(address)?.token,
            Target::Stytch(_) => None,
        }
    }
}

/// What each step did, for the summary.
struct Report {
    steps: Vec<(String, &'static str, Duration)>,
}

impl Report {
    /// Prints what happened, in plain words, and records the step for the summary.
    fn done(&mut self, name: &str, started: Instant, what_happened: impl std::fmt::Display) {
        println!("  ok    {what_happened}");
        self.steps.push((name.to_owned(), "ok", started.elapsed()));
    }

    fn skipped(&mut self, name: &str, why: &str) {
        println!("  skip  {name}: {why}");
        self.steps.push((name.to_owned(), "skipped", Duration::ZERO));
    }
}

const USAGE: &str = "\
quickstart: the whole B2B password flow step by step, a magic-link login and a TOTP second factor

USAGE: cargo run --example quickstart [-- --allow-live]

Runs against the embedded Stytch emulator: no network, no credentials. With STYTCH_PROJECT_ID and
STYTCH_SECRET set (and optionally STYTCH_BASE_URL) it runs against that Stytch project instead,
creating an organization and a member there. A live project (project-live-...) is refused unless
--allow-live is given.

  --allow-live   allow running against a live Stytch project
  -h, --help     this text";

#[tokio::main]
async fn main() -> ExitCode {
    let mut allow_live = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--allow-live" => allow_live = true,
            other => {
                eprintln!("quickstart: unknown argument {other:?}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match run(allow_live).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nquickstart failed: {error}");
            let mut source = error.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(allow_live: bool) -> Result<(), Error> {
    let target =
        if std::env::var_os("STYTCH_PROJECT_ID").is_some() && std::env::var_os("STYTCH_SECRET").is_some() {
            let client = Client::from_env()?;
            if client.project_id().starts_with("project-live-") && !allow_live {
                return Err(format!(
                    "STYTCH_PROJECT_ID is a live project ({}): the quickstart would create an \
                     organization and a member in it. Use a test project, unset the variables to \
                     use the embedded emulator, or pass --allow-live.",
                    client.project_id()
                )
                .into());
            }
            println!(
                "Running against Stytch at {} (project {}).\nThis creates an organization \
                 \"Quickstart Inc.\" (slug quickstart-<time>) and one member in it.",
                client.base_url(),
                client.project_id()
            );
            Target::Stytch(client)
        } else {
            let emulator = Emulator::builder().cross_org_passwords(true).start().await?;
            println!(
                "Running against the embedded Stytch emulator at {}",
                emulator.base_url()
            );
            Target::Emulator(emulator)
        };
    let client = target.client();
    let mut report = Report { steps: Vec::new() };
    let unique = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    let email = format!("ada+{unique}@example.com");

    // 1. An organization to log into.
    let started = Instant::now();
    let created = client
        .send(organizations::Create::new("Quickstart Inc.").organization_slug(format!("quickstart-{unique}")))
        .await?;
    let organization_id = created.organization.organization_id.clone();
    report.done(
        "create organization",
        started,
        format!("Created the organization \"Quickstart Inc.\" ({organization_id})."),
    );

    // 2. Strength check: a weak password is refused with feedback, a strong one passes.
    let started = Instant::now();
    let weak = client
        .send(passwords::StrengthCheck::new(WEAK_PASSWORD).email_address(&email))
        .await?;
    let strong = client
        .send(passwords::StrengthCheck::new(RESET_PASSWORD).email_address(&email))
        .await?;
    if weak.valid_password || !strong.valid_password {
        return Err("strength check: expected the weak password refused and the strong one accepted".into());
    }
    let warning = weak
        .zxcvbn_feedback
        .as_ref()
        .map(|f| f.warning.clone())
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "too weak".to_owned());
    report.done(
        "strength check",
        started,
        format!(
            "Checked two passwords before accepting them: \"{WEAK_PASSWORD}\" is refused \
             (score {} of 4: {warning}), a long passphrase is accepted (score {}).",
            weak.score, strong.score
        ),
    );

    // 3. Migrate a member whose password only exists as a legacy bcrypt hash.
    let started = Instant::now();
    let migrated = client
        .send(
            passwords::Migrate::new(&organization_id, &email, LEGACY_BCRYPT_HASH, HashType::Bcrypt)
                .name("Ada Lovelace"),
        )
        .await?;
    report.done(
        "migrate bcrypt hash",
        started,
        format!(
            "Imported Ada's password from a legacy user table as a bcrypt hash; her member \
             record {} was created without her typing anything.",
            migrated.member_id
        ),
    );

    // 4. Log in with the migrated password.
    let started = Instant::now();
    let login = client
        .send(
            passwords::Authenticate::new(&organization_id, &email, MIGRATED_PASSWORD)
                .session_duration_minutes(60),
        )
        .await?;
    require(
        login.member_authenticated,
        "authenticate: expected a full session",
    )?;
    report.done(
        "authenticate",
        started,
        format!(
            "Ada logged in with her old password: the imported hash matched, and she has a \
             60-minute session ({}).",
            session_id(&login.member_session)
        ),
    );
    let mut session_token = login.session_token.clone();

    // 5. Reset by email: start, read the link's token from the outbox, reset.
    let started = Instant::now();
    client
        .send(passwords::email::ResetStart::new(&organization_id, &email))
        .await?;
    match target.emailed_token(&email) {
        Some(token) => {
            let reset = client
                .send(passwords::email::Reset::new(token, RESET_PASSWORD))
                .await?;
            session_token = reset.session_token.clone();
            report.done(
                "reset by email",
                started,
                format!(
                    "Ada forgot her password: a reset link was emailed (read here from the \
                     emulator's outbox), she chose a new password and got a new session ({}); \
                     her earlier sessions were ended.",
                    session_id(&reset.member_session)
                ),
            );
        }
        None => report.skipped(
            "reset by email",
            "reset email sent; its token arrives in the member's inbox",
        ),
    }

    // 6. Reset by session: allowed while the session is under five minutes old.
    let started = Instant::now();
    let by_session = client
        .send(
            passwords::sessions::Reset::new(&organization_id, SESSION_RESET_PASSWORD)
                .session_token(session_token),
        )
        .await?;
    report.done(
        "reset by session",
        started,
        format!(
            "While logged in (a session under 5 minutes old), Ada changed her password \
             without typing the old one; she stays in the same session ({}).",
            session_id(&by_session.member_session)
        ),
    );

    // 7. Reset with the existing password.
    let started = Instant::now();
    let by_existing = client
        .send(passwords::existing_password::Reset::new(
            &organization_id,
            &email,
            SESSION_RESET_PASSWORD,
            EXISTING_RESET_PASSWORD,
        ))
        .await?;
    report.done(
        "reset by existing password",
        started,
        format!(
            "Ada changed her password by typing the current one; she got a new session ({}) \
             and every other session of hers was ended.",
            session_id(&by_existing.member_session)
        ),
    );
    let session_jwt = by_existing.session_jwt.clone();

    // 8. Discovery: authenticate across organizations with email and password.
    let started = Instant::now();
    let discovered = client
        .send(passwords::discovery::Authenticate::new(
            &email,
            EXISTING_RESET_PASSWORD,
        ))
        .await?;
    report.done(
        "discovery authenticate",
        started,
        format!(
            "Ada logged in before choosing an organization: her email and password found {} \
             organization(s) she can enter (Stytch calls this discovery).",
            discovered.discovered_organizations.len()
        ),
    );

    // 9. Discovery reset: start, token from the outbox, reset.
    let started = Instant::now();
    let mut password = EXISTING_RESET_PASSWORD;
    client
        .send(passwords::discovery::email::ResetStart::new(&email))
        .await?;
    match target.emailed_token(&email) {
        Some(token) => {
            let reset = client
                .send(passwords::discovery::email::Reset::new(
                    token,
                    DISCOVERY_RESET_PASSWORD,
                ))
                .await?;
            password = DISCOVERY_RESET_PASSWORD;
            report.done(
                "discovery reset",
                started,
                format!(
                    "Ada reset the password she uses across organizations from an emailed \
                     link; it opens {} organization(s).",
                    reset.discovered_organizations.len()
                ),
            );
        }
        None => report.skipped(
            "discovery reset",
            "reset email sent; its token arrives in the member's inbox",
        ),
    }

    // 10. Verify the session JWT locally, against the project's JWKS.
    let started = Instant::now();
    let verified = client
        .authenticate_session_jwt(session_jwt.expose_secret(), &JwtOptions::new())
        .await?;
    let how = match verified.verified_by {
        VerifiedBy::Local => "locally",
        _ => "remotely",
    };
    report.done(
        "verify session JWT",
        started,
        format!(
            "The app checked Ada's session JWT {how}, against the project's public keys: \
             member {} of \"{}\".",
            verified.member_id, created.organization.organization_name
        ),
    );

    // 11. Magic link: an emailed link logs Ada in without a password.
    let started = Instant::now();
    client
        .send(magic_links::email::LoginOrSignup::new(&organization_id, &email))
        .await?;
    match target.emailed_token(&email) {
        Some(token) => {
            let login = client.send(magic_links::Authenticate::new(token.clone())).await?;
            require(login.member_authenticated, "magic link: expected a full session")?;
            let used_again = client.send(magic_links::Authenticate::new(token)).await;
            require(used_again.is_err(), "magic link: a link must work only once")?;
            report.done(
                "magic link login",
                started,
                format!(
                    "Ada logged in by clicking an emailed link, no password typed (the link, read \
                     from the emulator's outbox, gave session {}); clicking it again was refused.",
                    session_id(&login.member_session)
                ),
            );
        }
        None => report.skipped(
            "magic link login",
            "login link sent; its token arrives in the member's inbox",
        ),
    }

    // 12. Enrol in MFA with an authenticator app (TOTP), from a logged-in session.
    let started = Instant::now();
    let login = client
        .send(passwords::Authenticate::new(&organization_id, &email, password))
        .await?;
    let member_id = login.member_id.clone();
    let registration = client
        .send(totps::Create::new(&organization_id, &member_id).session_token(login.session_token.clone()))
        .await?;
    let secret = registration.secret.expose_secret().clone();
    client
        .send(
            totps::Authenticate::new(&organization_id, &member_id, target.totp_code(&secret)?)
                .session_token(login.session_token)
                .set_mfa_enrollment(SetMfaEnrollment::Enroll),
        )
        .await?;
    report.done(
        "enrol TOTP",
        started,
        format!(
            "Ada added an authenticator app: Stytch gave a secret (and a QR code, and {} recovery \
             codes), the app's first six-digit code confirmed it, and she is now enrolled in MFA.",
            registration.recovery_codes.len()
        ),
    );

    // 13. Log in with two factors: the password alone is no longer enough.
    let started = Instant::now();
    let first = client
        .send(passwords::Authenticate::new(&organization_id, &email, password))
        .await?;
    require(
        !first.member_authenticated && first.mfa_required.is_some(),
        "MFA login: expected the password alone to stop at mfa_required",
    )?;
    target.next_totp_step().await;
    let second = client
        .send(
            totps::Authenticate::new(&organization_id, &member_id, target.totp_code(&secret)?)
                .intermediate_session_token(first.intermediate_session_token),
        )
        .await?;
    let factors: Vec<String> = second
        .member_session
        .as_ref()
        .map(|s| {
            s.authentication_factors
                .iter()
                .map(|f| f.kind.as_str().to_owned())
                .collect()
        })
        .unwrap_or_default();
    require(
        factors.len() == 2,
        "MFA login: expected a session with two factors",
    )?;
    report.done(
        "MFA login (password + TOTP)",
        started,
        format!(
            "Ada's password alone now only gave an intermediate session asking for MFA; the code \
             from her authenticator app turned it into a session ({}) carrying both factors ({}).",
            session_id(&second.member_session),
            factors.join(" + ")
        ),
    );

    println!("\nSummary");
    for (name, outcome, took) in &report.steps {
        println!(
            "  {outcome:<7} {name:<28} {:>8.1} ms",
            took.as_secs_f64() * 1000.0
        );
    }
    let passed = report
        .steps
        .iter()
        .filter(|(_, outcome, _)| *outcome == "ok")
        .count();
    let skipped = report.steps.len() - passed;
    let place = match target {
        Target::Emulator(_) => "the embedded emulator, with no network and no credentials",
        Target::Stytch(_) => "your Stytch project",
    };
    println!(
        "\nThis run showed a B2B app's whole password lifecycle working end to end against \
         {place}: importing a legacy hash, logging in, three kinds of password reset, logging \
         in across organizations, checking a session without calling Stytch, logging in with an \
         emailed link, and requiring a second factor from an authenticator app{}.",
        if skipped > 0 {
            format!(" ({skipped} step(s) skipped: they need an emailed token)")
        } else {
            String::new()
        }
    );
    Ok(())
}

fn session_id(session: &Option<stytch_client::b2b::models::MemberSession>) -> &str {
    session
        .as_ref()
        .map_or("(none)", |s| s.member_session_id.as_str())
}

fn require(condition: bool, what: &'static str) -> Result<(), Error> {
    if condition { Ok(()) } else { Err(what.into()) }
}
