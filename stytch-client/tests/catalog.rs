//! The catalog checked as data: every endpoint of the registry (`catalog_common/table.rs`)
//! against its fixture (`tests/catalog/...`), and the four lists of endpoints kept equal: the
//! registry rows, the fixture files, the `#[endpoint]` declarations under `src/b2b`, and the table
//! of `docs/api-coverage.md`. Forgetting a new endpoint in any of them fails a test here.
//!
//! Run one endpoint: `CATALOG_CASE=b2b::passwords::Migrate cargo test -p stytch-client --test catalog`.

mod catalog_common;

use catalog_common::table::CASES;
use catalog_common::{Case, catalog_dir, check_all};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[test]
fn every_endpoint_matches_its_fixture() {
    check_all(CASES);
}

#[test]
fn rows_are_unique() {
    let mut seen = BTreeSet::new();
    for case in CASES {
        assert!(seen.insert(case.rust_path), "{} has two rows", case.rust_path);
    }
}

/// Every `.json` below `dir` (but `models/`), as paths relative to `root` without `.json`.
fn fixture_files(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path != root.join("models") {
                fixture_files(root, &path, out);
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            let relative = path.strip_prefix(root).unwrap().with_extension("");
            out.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_fixture_file_has_a_row() {
    let root = catalog_dir();
    let mut files = BTreeSet::new();
    fixture_files(&root, &root, &mut files);
    let rows: BTreeSet<String> = CASES.iter().map(Case::fixture_path).collect();
    let orphans: Vec<_> = files.difference(&rows).collect();
    assert!(
        orphans.is_empty(),
        "fixtures without a row in catalog_common/table.rs: {orphans:?}"
    );
}

/// `(METHOD, path template)` of every `#[endpoint(..)]` declared under `src/b2b`, and of every
/// hand-written `impl Endpoint` (its `const METHOD` and `const PATH_TEMPLATE` lines).
fn declared_endpoints(dir: &Path, out: &mut BTreeSet<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            declared_endpoints(&path, out);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let by_hand = |prefix: &str| {
            text.lines()
                .find_map(|line| line.trim().strip_prefix(prefix))
                .map(|rest| rest.trim_end_matches(';').trim_matches('"').to_owned())
        };
        if let (Some(method), Some(template)) = (
            by_hand("const METHOD: Method = Method::"),
            by_hand("const PATH_TEMPLATE: &'static str = "),
        ) {
            out.insert((method, template));
        }
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let Some(first) = line.trim().strip_prefix("#[endpoint(") else {
                continue;
            };
            // rustfmt splits a long attribute over several lines: join them up to its `)]`.
            let mut args = first.to_owned();
            while !args.contains(")]") {
                let next = lines
                    .next()
                    .unwrap_or_else(|| panic!("{}: unclosed {line}", path.display()));
                args.push_str(next.trim());
            }
            let args = args.as_str();
            // Field attributes (`#[endpoint(headers)]`, ...) name no method.
            let Some((method, rest)) = args.split_once(',') else {
                continue;
            };
            let template = rest.trim().strip_prefix('"').and_then(|r| r.split('"').next());
            let template = template.unwrap_or_else(|| panic!("{}: {line}", path.display()));
            out.insert((method.trim().to_owned(), template.to_owned()));
        }
    }
}

fn catalog_endpoints() -> BTreeSet<(String, String)> {
    CASES
        .iter()
        .map(|case| (case.method.to_string(), case.template.to_owned()))
        .collect()
}

#[test]
fn every_declared_endpoint_has_a_row() {
    let mut declared = BTreeSet::new();
    declared_endpoints(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/b2b"),
        &mut declared,
    );
    assert_eq!(
        declared,
        catalog_endpoints(),
        "#[endpoint] declarations under src/b2b vs rows of catalog_common/table.rs"
    );
}

/// One row of the coverage table.
struct CoverageRow {
    ruby: String,
    node: String,
    python: String,
    request: String,
    response: String,
    member_auth: bool,
}

/// The endpoint table of `docs/api-coverage.md`, by `(METHOD, template)`.
fn coverage_table() -> BTreeMap<(String, String), CoverageRow> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api-coverage.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut rows = BTreeMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // ["", "`POST /v1/...`", ruby, node, python, request, response, member auth, ""]
        let Some(http) = cells
            .get(1)
            .and_then(|c| c.strip_prefix('`'))
            .and_then(|c| c.strip_suffix('`'))
        else {
            continue;
        };
        let Some((method, template)) = http.split_once(' ') else {
            continue;
        };
        if !template.starts_with('/') {
            continue;
        }
        assert_eq!(cells.len(), 9, "a coverage row has 7 columns: {line}");
        let code = |cell: &str| cell.trim_matches('`').to_owned();
        let row = CoverageRow {
            ruby: code(cells[2]),
            node: code(cells[3]),
            python: code(cells[4]),
            request: code(cells[5]),
            response: code(cells[6]),
            member_auth: match cells[7] {
                "yes" => true,
                "" => false,
                other => panic!("Member auth is `yes` or empty, not `{other}`: {line}"),
            },
        };
        let key = (method.to_owned(), template.to_owned());
        assert!(rows.insert(key, row).is_none(), "listed twice: {line}");
    }
    rows
}

#[test]
fn coverage_table_lists_exactly_the_catalog() {
    let table = coverage_table();
    let listed: BTreeSet<_> = table.keys().cloned().collect();
    assert_eq!(
        listed,
        catalog_endpoints(),
        "docs/api-coverage.md vs rows of catalog_common/table.rs"
    );
    for case in CASES {
        let row = &table[&(case.method.to_string(), case.template.to_owned())];
        let rust_path = case.rust_path;
        assert_eq!(row.request, rust_path, "{rust_path}: request type");
        let response = (case.response_type)().rsplit("::").next().unwrap();
        let module = rust_path.rsplit_once("::").unwrap().0;
        assert_eq!(
            row.response,
            format!("{module}::{response}"),
            "{rust_path}: response type"
        );
        for (sdk, name) in [("Ruby", &row.ruby), ("Node", &row.node), ("Python", &row.python)] {
            assert!(!name.is_empty(), "{rust_path}: no {sdk} name");
        }
        let fixture = case.fixture();
        let takes_auth = fixture["request"]["all_options"]["headers"]
            .get("x-stytch-member-session")
            .is_some();
        assert_eq!(row.member_auth, takes_auth, "{rust_path}: Member auth column");
    }
}

#[test]
fn only_posts_safe_to_resend_are_idempotent() {
    const IDEMPOTENT_POSTS: &[&str] = &[
        "b2b::passwords::StrengthCheck",
        "b2b::discovery::organizations::List",
        "b2b::sessions::Authenticate",
        "b2b::organizations::Search",
        "b2b::organizations::members::Search",
        "b2b::idp::oauth::AuthorizeStart",
        "b2b::idp::IntrospectTokenNetwork",
    ];
    for case in CASES {
        let rust_path = case.rust_path;
        let idempotent = (case.required)().idempotent;
        match case.method.as_str() {
            "POST" => assert_eq!(
                idempotent,
                IDEMPOTENT_POSTS.contains(&rust_path),
                "{rust_path}: idempotent()"
            ),
            _ => assert!(idempotent, "{rust_path}: GET, PUT and DELETE are idempotent"),
        }
    }
    use stytch_client::Endpoint as _;
    use stytch_client::b2b::models::{HashType, OrganizationId};
    use stytch_client::b2b::passwords;
    let org = OrganizationId::new("organization-test-1");
    assert!(passwords::StrengthCheck::new("pw-SECRET").idempotent());
    assert!(!passwords::Migrate::new(&org, "ada@acme.com", "hash-SECRET", HashType::Bcrypt).idempotent());
    assert!(!passwords::Authenticate::new(&org, "ada@acme.com", "pw-SECRET").idempotent());
}

/// Identity fields the API documents as optional: `(endpoint or "*", parent key or "$" for the
/// top level, key)`. A parent starting with `*` matches by suffix.
const OPTIONAL_IDENTITIES: &[(&str, &str, &str)] = &[
    ("*", "member", "external_id"),
    ("*", "scim_registration", "external_id"),
    ("*", "organization", "organization_external_id"),
    ("*", "organization", "sso_default_connection_id"),
    ("*", "*_oauth_factor", "email_id"),
    ("*", "$", "organization_id_hint"),
    ("b2b::passwords::email::RequireReset", "$", "member_id"),
    // Lists and maps of members and organizations (the member search's `organizations` map is
    // keyed by the organization's id).
    ("*", "members", "external_id"),
    ("*", "organizations", "organization_external_id"),
    ("*", "organizations", "sso_default_connection_id"),
    (
        "b2b::organizations::members::Search",
        "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
        "organization_external_id",
    ),
    (
        "b2b::organizations::members::Search",
        "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
        "sso_default_connection_id",
    ),
    ("b2b::idp::IntrospectTokenNetwork", "$", "client_id"),
];

fn is_identity(key: &str) -> bool {
    key == "id" || key.ends_with("_id") || key.ends_with("email_address")
}

fn is_optional_identity(endpoint: &str, parent: &str, key: &str) -> bool {
    OPTIONAL_IDENTITIES.iter().any(|(e, p, k)| {
        (*e == "*" || *e == endpoint)
            && *k == key
            && match p.strip_prefix('*') {
                Some(suffix) => parent.ends_with(suffix),
                None => *p == parent,
            }
    })
}

/// `(JSON pointer, parent key, key)` of every identity field in `value`.
fn identities(value: &Value, parent: &str, at: &str, out: &mut Vec<(String, String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // RFC 6901 escapes, for keys such as `https://stytch.com/organization`.
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                if is_identity(key) && !child.is_object() && !child.is_array() {
                    out.push((pointer.clone(), parent.to_owned(), key.clone()));
                }
                identities(child, key, &pointer, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                identities(item, parent, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Ids and email addresses are never invented: in every full response, removing one or setting
/// it to `null` fails the decode, unless the API documents that field as optional.
///
/// A nested field is tried once, in the first response that holds it (`member.email_address` is
/// the same `Member` field in every response); top-level fields in every response.
#[test]
fn identity_fields_are_required_everywhere() {
    let mut tried = BTreeSet::new();
    for case in CASES {
        let full = case.fixture()["response"]["full"].clone();
        let mut found = Vec::new();
        identities(&full, "$", "", &mut found);
        for (pointer, parent, key) in found {
            let scope = if parent == "$" { case.rust_path } else { "" };
            if !tried.insert((scope, parent.clone(), key.clone())) {
                continue;
            }
            let optional = is_optional_identity(case.rust_path, &parent, &key);
            let (container, _) = pointer.rsplit_once('/').unwrap();
            for mutation in ["absent", "null"] {
                let mut mutated = full.clone();
                let object = mutated
                    .pointer_mut(container)
                    .and_then(Value::as_object_mut)
                    .unwrap();
                match mutation {
                    "absent" => drop(object.remove(&key)),
                    _ => drop(object.insert(key.clone(), Value::Null)),
                }
                let decoded = (case.decode)(&serde_json::to_vec(&mutated).unwrap());
                assert_eq!(
                    decoded.is_ok(),
                    optional,
                    "{}: `{pointer}` {mutation} {}",
                    case.rust_path,
                    if optional {
                        "must still decode (documented optional)"
                    } else {
                        "must fail to decode"
                    },
                );
            }
        }
    }
}
