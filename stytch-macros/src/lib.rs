//! The `#[endpoint]` attribute macro behind `stytch-client`.
//!
//! Use it through `stytch_client::endpoint`; this crate knows nothing about Stytch and generates
//! code that names the runtime only through `::stytch_client::__private` (or the path given with
//! `crate = "..."`). The pipeline is parse (`attr`, `path`) → model (`ast`) → check
//! (`valid`) → generate (`expand`); on any error `fallback` re-emits the struct beside the
//! errors so the rest of the user's crate keeps compiling.

mod ast;
mod attr;
mod errors;
mod expand;
mod fallback;
mod path;
mod suggest;
mod valid;

use proc_macro::TokenStream;

/// Declares a Stytch API endpoint on a struct with named fields.
///
/// ```text
/// #[endpoint(POST, "/v1/b2b/passwords/authenticate")]                // response: AuthenticateResponse
/// #[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = GetResponse)]
/// #[endpoint(POST, "/v1/things", crate = "my_reexport::stytch_client", idempotent)]
/// ```
///
/// # Arguments
///
/// - The method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
/// - The path: starts with `/`; `{name}` is filled from the field `name` (any Rust field name,
///   `{type}` for `r#type`). No `?`, `#`, whitespace, literal braces (`{{` is not an escape), or
///   `.`/`..` segments (URL parsers would resolve them and send the request elsewhere).
/// - `response = Type`: what a 2xx response decodes into. Without it, the macro names
///   `<Struct>Response` (with a trailing `Request` dropped: `AuthenticateRequest` →
///   `AuthenticateResponse`), resolved where the struct is declared; if no such type exists,
///   rustc reports "cannot find type `AuthenticateResponse`" at the struct's name, and
///   `response = Type` is the fix.
/// - `crate = "path"`: where `stytch_client` is, when the dependency is renamed or re-exported.
///   A wrong path is one "unresolved import" error at that path (with the default path: at the
///   attribute).
/// - `idempotent`: the request may be retried like a GET.
/// - `form`: the body is `application/x-www-form-urlencoded` instead of JSON (as OAuth endpoints
///   take it); each body field becomes `key=value` pairs by the query-string rules below. Only
///   for methods with a body.
///
/// # Fields
///
/// A field named like a `{capture}` fills it. Other fields go to the JSON body for
/// POST/PUT/PATCH and to the query string for GET/DELETE, unless moved with:
///
/// - `#[endpoint(query)]`, `#[endpoint(body)]`;
/// - `#[endpoint(header = "X-Name")]`: sent as that header; the type must implement
///   `stytch_client::HeaderText` (`String`, `Secret<String>`, aliases of them, an `Option` of
///   one). Headers the client or the HTTP stack set are refused: `Accept`, `Authorization`,
///   `Connection`, `Content-Length`, `Content-Type`, `Host`, `Keep-Alive`, `Proxy-Connection`,
///   `TE`, `Trailer`, `Transfer-Encoding`, `Upgrade`, `User-Agent`;
/// - `#[endpoint(headers)]`: a `stytch_client::HeaderOptions` value such as `Authorization`;
/// - `#[endpoint(sensitive)]`: printed as `***` by the generated `Debug`.
///
/// Field attributes are always spelled `endpoint` (also as a path, `#[stytch_client::endpoint(..)]`),
/// whatever name the macro was imported under.
///
/// Wire names: `#[serde(rename = "...")]` or `#[serde(rename(serialize = "..."))]` on a field,
/// and `#[serde(rename_all = "...")]` on the struct (serde's rules), for body and query keys.
/// Other serde keys that would change the wire (`skip_serializing_if`, `serialize_with`,
/// `flatten`, `tag`, ...) are refused with advice; deserialize-only keys are ignored. Two fields
/// on one body key, one query key, or one header (case-insensitively) are refused.
///
/// # Optional fields
///
/// Optionality is read from the written type, before types are resolved:
///
/// - `Option<T>` (any path ending in `Option` with one type argument, also through a
///   `macro_rules!` `$t:ty`): optional, left out of the body and the query when `None`;
/// - `Option<Option<T>>`: also sends an explicit `null` for `Some(None)`;
/// - anything else: required, a parameter of `new`.
///
/// `#[endpoint(optional)]` marks a field whose type is an `Option` under another name
/// (`type Maybe<T> = Option<T>`); `#[endpoint(required)]` makes a field required whatever its
/// type: your own type named `Option`, or an `Option` you want sent as `null` when `None`.
/// Mistakes are reported at the field: a required field whose type turns out to be an `Option`
/// (an alias without either marker), or an optional one whose type is not `std::option::Option`.
///
/// # Generated
///
/// - the `Endpoint` impl and a `Debug` that prints sensitive fields as `***`;
/// - `new(required fields…)`, each taking `impl Into<T>` (primitive numbers and `bool` as `T`);
/// - per optional field `x`: `x(value)` taking `impl Into<T>`, and `set_x(..)` taking the field's
///   own type (`set_` plus the field name, so `_id` gives `set__id`); a nullable field also gets
///   `x_null()`, which sends `null`. Setters have their field's visibility and doc comments, and its
///   `#[deprecated]`; a name that would collide (a field `new`, fields `email` and `set_email`)
///   is refused at the field;
/// - `Default` when no field is required, unless the struct derives it.
///
/// `#[cfg]` on a field applies to everything generated for it (a required field behind a `cfg`
/// that is off is not a parameter of `new`); `#[cfg_attr(.., endpoint(..))]` and
/// `#[cfg_attr(.., serde(..))]` are refused, because the macro runs before `cfg_attr` is
/// resolved. Generated items allow `deprecated`, `non_snake_case` and `dead_code`, so
/// `#![deny(warnings)]` crates compile.
///
/// Do not derive `Debug`: the derive is refused when written after `#[endpoint]`; written before
/// it, the derive has already run when the macro sees the struct (rustc expands attributes in
/// order and removes them), so rustc itself reports "conflicting implementations of trait
/// `Debug`" on the two. The same holds for `Default` written before the attribute; written
/// after, the macro leaves `Default` to the derive.
///
/// # Names and editions
///
/// Generated locals and helpers start with `__stytch` (`__Stytch`), so user constants and types
/// cannot capture them; the parameters of `new` and the setters are named after their fields
/// (and stay plain bindings even where a constant of the same name is in scope).
/// The macro works in every edition: in edition 2015, fields named `async`, `await`, `dyn`
/// or `try` are accepted, and errors render as errors.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(args);
    let item = proc_macro2::TokenStream::from(item);
    expand::endpoint(args, item).into()
}
