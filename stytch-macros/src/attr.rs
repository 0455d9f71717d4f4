//! Parsing of the macro's own attributes: the struct arguments
//! `#[endpoint(METHOD, "/path", response = T, crate = "...", idempotent, form)]` and the field
//! attributes `#[endpoint(query | body | header = "..." | headers | sensitive | optional |
//! required)]`, plus the serde attributes the macro honours: `rename` on fields and `rename_all`
//! on the struct.

use crate::errors::Errors;
use crate::suggest::did_you_mean;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Meta, Token, Type};

/// The HTTP methods an endpoint may use.
pub const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const STRUCT_KEYS: [&str; 4] = ["response", "crate", "idempotent", "form"];
const FIELD_KEYS: [&str; 7] = [
    "query",
    "body",
    "header",
    "headers",
    "sensitive",
    "optional",
    "required",
];

/// What the struct-level arguments said; anything missing was reported to [`Errors`].
#[derive(Default)]
pub struct StructArgs {
    /// `GET`, `POST`, ... (validated, `r#` removed).
    pub method: Option<Ident>,
    /// The path literal.
    pub path: Option<LitStr>,
    /// `response = Type`.
    pub response: Option<Type>,
    /// `crate = "path"`.
    pub krate: Option<syn::Path>,
    /// `idempotent`: the endpoint may be retried like a GET.
    pub idempotent: bool,
    /// `form`: the body is form-encoded (`application/x-www-form-urlencoded`), not JSON.
    pub form: Option<Span>,
}

/// Parses the struct arguments, recording every problem.
pub fn parse_struct_args(args: TokenStream, errors: &mut Errors) -> StructArgs {
    let mut parsed = StructArgs::default();
    if args.is_empty() {
        errors.at(
            Span::call_site(),
            "expected `#[endpoint(METHOD, \"/path\")]`, e.g. `#[endpoint(POST, \"/v1/b2b/passwords/authenticate\")]`",
        );
        return parsed;
    }
    let parser = |input: ParseStream| parse_args_stream(input, &mut parsed, errors);
    if let Err(error) = parser.parse2(args) {
        errors.push(error);
    }
    parsed
}

fn parse_args_stream(input: ParseStream, out: &mut StructArgs, errors: &mut Errors) -> syn::Result<()> {
    let mut position = 0usize;
    let mut saw_method = false;
    while !input.is_empty() {
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            if out.path.is_some() {
                errors.spanned(&lit, "the path is given twice");
            } else {
                if !saw_method {
                    errors.spanned(
                        &lit,
                        format!(
                            "missing HTTP method before the path: write `#[endpoint(POST, {:?})]` (one of {})",
                            lit.value(),
                            METHODS.join(", ")
                        ),
                    );
                }
                out.path = Some(lit);
            }
        } else {
            let key = Ident::parse_any(input)?;
            let name = key.unraw().to_string();
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                match name.as_str() {
                    "response" => out.response = Some(input.parse()?),
                    "crate" => {
                        let lit: LitStr = input.parse()?;
                        out.krate = errors.ok(lit.parse::<syn::Path>());
                    }
                    _ => {
                        errors.spanned(
                            &key,
                            format!(
                                "unknown endpoint argument `{name}`{}",
                                did_you_mean(&name, STRUCT_KEYS)
                            ),
                        );
                        skip_value(input)?;
                    }
                }
            } else if name == "idempotent" {
                out.idempotent = true;
            } else if name == "form" {
                out.form = Some(key.span());
            } else if position == 0 {
                saw_method = true;
                if METHODS.contains(&name.as_str()) {
                    // Normalized once: `r#POST` is `POST` from here on.
                    out.method = Some(Ident::new(&name, key.span()));
                } else {
                    let upper = name.to_ascii_uppercase();
                    let hint = if METHODS.contains(&upper.as_str()) {
                        format!("; did you mean `{upper}`?")
                    } else {
                        did_you_mean(&upper, METHODS)
                    };
                    errors.spanned(
                        &key,
                        format!(
                            "unknown HTTP method `{name}`: expected one of {}{hint}",
                            METHODS.join(", ")
                        ),
                    );
                }
            } else {
                errors.spanned(
                    &key,
                    format!(
                        "unknown endpoint argument `{name}`{}",
                        did_you_mean(&name, STRUCT_KEYS)
                    ),
                );
            }
        }
        position += 1;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    if out.path.is_none() {
        errors.at(
            Span::call_site(),
            "missing path: write `#[endpoint(METHOD, \"/path\")]`, e.g. `#[endpoint(GET, \"/v1/b2b/organizations/{organization_id}\")]`",
        );
    }
    Ok(())
}

/// Skips an unknown argument's value up to the next top-level comma, so one typo produces
/// one error (a type such as `HashMap<K, V>` has commas inside its angle brackets).
fn skip_value(input: ParseStream) -> syn::Result<()> {
    let mut angle_depth = 0usize;
    while !input.is_empty() {
        if angle_depth == 0 && input.peek(Token![,]) {
            break;
        }
        let tree: proc_macro2::TokenTree = input.parse()?;
        if let proc_macro2::TokenTree::Punct(punct) = &tree {
            match punct.as_char() {
                '<' => angle_depth += 1,
                '>' => angle_depth = angle_depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    Ok(())
}

/// True when a struct attribute is another endpoint declaration, however the macro was
/// imported: `#[endpoint(...)]`, `#[stytch_client::endpoint(...)]`, or `#[ep(GET, "/...")]`.
pub fn is_struct_endpoint_attr(attr: &Attribute) -> bool {
    is_endpoint_attr(attr)
        || attr
            .parse_args_with(|input: ParseStream| {
                let method = Ident::parse_any(input)?.unraw().to_string();
                input.parse::<Token![,]>()?;
                input.parse::<LitStr>()?;
                input.parse::<TokenStream>()?;
                Ok(METHODS.contains(&method.as_str()))
            })
            .unwrap_or(false)
}

/// What a field's `#[endpoint(...)]` attributes said.
#[derive(Default)]
pub struct FieldArgs {
    /// `query`: force the field into the query string.
    pub query: Option<Span>,
    /// `body`: force the field into the JSON body.
    pub body: Option<Span>,
    /// `header = "Name"`.
    pub header: Option<LitStr>,
    /// `headers`: the field applies header options.
    pub headers: Option<Span>,
    /// `sensitive`: redacted in `Debug` (and marked sensitive when sent as a header).
    pub sensitive: bool,
    /// `optional`: the type is an `Option` under another name.
    pub optional: Option<Span>,
    /// `required`: always sent, even if its type is written `Option<T>`.
    pub required: Option<Span>,
}

/// True for `#[endpoint(...)]`, also written as a path (`#[stytch_client::endpoint(...)]`).
pub fn is_endpoint_attr(attr: &Attribute) -> bool {
    attr.path().segments.last().is_some_and(|s| s.ident == "endpoint")
}

/// Parses every `#[endpoint(...)]` on a field.
pub fn parse_field_args(attrs: &[Attribute], errors: &mut Errors) -> FieldArgs {
    let mut out = FieldArgs::default();
    for attr in attrs.iter().filter(|attr| is_endpoint_attr(attr)) {
        if let Err(error) = attr.parse_nested_meta(|meta| field_key(meta, &mut out, errors)) {
            errors.push(error);
        }
    }
    out
}

fn field_key(meta: ParseNestedMeta, out: &mut FieldArgs, errors: &mut Errors) -> syn::Result<()> {
    let key = meta
        .path
        .get_ident()
        .map(|ident| ident.unraw().to_string())
        .unwrap_or_default();
    let span = meta.path.span();
    match key.as_str() {
        "query" => out.query = Some(span),
        "body" => out.body = Some(span),
        "headers" => out.headers = Some(span),
        "sensitive" => out.sensitive = true,
        "optional" => out.optional = Some(span),
        "required" => out.required = Some(span),
        "header" => out.header = Some(meta.value()?.parse()?),
        _ => {
            errors.spanned(
                &meta.path,
                format!(
                    "unknown endpoint field attribute `{key}`{}",
                    did_you_mean(&key, FIELD_KEYS)
                ),
            );
            skip_meta_value(&meta)?;
        }
    }
    Ok(())
}

/// Field attributes that are certainly not `#[endpoint]` helpers under another name.
const OTHER_FIELD_ATTRS: [&str; 11] = [
    "endpoint",
    "serde",
    "doc",
    "cfg",
    "cfg_attr",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "deprecated",
];

/// A field attribute such as `#[ep(query)]`: the endpoint keys under a name the macro cannot
/// know (field attributes are read by name, not through `use ... as ep`). Only asked when the
/// struct derives nothing that could own such a helper attribute.
pub fn looks_like_renamed_field_attr(attr: &Attribute) -> bool {
    let Some(ident) = attr.path().get_ident() else {
        return false;
    };
    if OTHER_FIELD_ATTRS.iter().any(|name| ident == name) || !matches!(attr.meta, Meta::List(_)) {
        return false;
    }
    let mut scratch = Errors::default();
    let mut out = FieldArgs::default();
    attr.parse_nested_meta(|meta| field_key(meta, &mut out, &mut scratch))
        .is_ok()
        && scratch.is_empty()
}

/// Consumes `= value` or `(...)` after a nested meta key that is being refused.
fn skip_meta_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

/// The wire name from `#[serde(rename = "...")]` or `#[serde(rename(serialize = "..."))]`, if
/// any. Deserialize-only keys are ignored; keys that would change the wire are refused with
/// advice, since the generated serializers would silently ignore them.
pub fn serde_field(attrs: &[Attribute], is_option: bool, errors: &mut Errors) -> Option<LitStr> {
    let mut rename = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
            let advice = match key.as_str() {
                "rename" if meta.input.peek(Token![=]) => {
                    rename = Some(meta.value()?.parse::<LitStr>()?);
                    return Ok(());
                }
                "rename" => {
                    return meta.parse_nested_meta(|inner| {
                        let value = inner.value()?.parse::<LitStr>()?;
                        if inner.path.is_ident("serialize") {
                            rename = Some(value);
                        } else if !inner.path.is_ident("deserialize") {
                            errors.spanned(&inner.path, "expected `serialize` or `deserialize`");
                        }
                        Ok(())
                    });
                }
                // Deserialization only: no effect on the request.
                "alias" | "default" | "deserialize_with" | "skip_deserializing" | "borrow" => {
                    return skip_meta_value(&meta);
                }
                "skip_serializing_if" if is_option => {
                    "an `Option` field is already left out of the request when it is `None`: remove `skip_serializing_if`"
                }
                "skip_serializing_if" => {
                    "#[endpoint] ignores `skip_serializing_if`: make the field an `Option<T>`, which is left out of the request when `None`"
                }
                "skip" | "skip_serializing" => {
                    "#[endpoint] sends every field: remove the field, or make it an `Option<T>` and leave it `None`"
                }
                "serialize_with" | "with" => {
                    "#[endpoint] ignores `serialize_with`: wrap the value in a type with its own `Serialize` impl"
                }
                "flatten" => {
                    "#[endpoint] cannot flatten a field: declare its fields on the endpoint struct itself"
                }
                _ => {
                    "#[endpoint] honours only `#[serde(rename = \"...\")]` on fields; wrap the value in a type with its own `Serialize` impl instead"
                }
            };
            errors.spanned(&meta.path, advice);
            skip_meta_value(&meta)
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    rename
}

/// The serde casing rules `rename_all` accepts.
const RENAME_RULES: [&str; 8] = [
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// The struct's `#[serde(rename_all = "...")]` (or `rename_all(serialize = "...")`), applied to
/// every body and query key the way serde would. Other struct-level serde keys that would change
/// the wire are refused; deserialize-side and bookkeeping keys are left to the user's derive.
pub fn serde_rename_all(attrs: &[Attribute], errors: &mut Errors) -> Option<String> {
    let mut rule = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
            let mut check = |lit: LitStr| {
                if RENAME_RULES.contains(&lit.value().as_str()) {
                    rule = Some(lit.value());
                } else {
                    errors.spanned(
                        &lit,
                        format!(
                            "unknown rename rule `{}`: expected one of {}{}",
                            lit.value(),
                            RENAME_RULES.join(", "),
                            did_you_mean(&lit.value(), RENAME_RULES)
                        ),
                    );
                }
            };
            match key.as_str() {
                "rename_all" if meta.input.peek(Token![=]) => check(meta.value()?.parse()?),
                "rename_all" => meta.parse_nested_meta(|inner| {
                    let value = inner.value()?.parse::<LitStr>()?;
                    if inner.path.is_ident("serialize") {
                        check(value);
                    }
                    Ok(())
                })?,
                "deny_unknown_fields" | "default" | "crate" | "bound" | "rename" | "expecting" => {
                    skip_meta_value(&meta)?;
                }
                _ => {
                    errors.spanned(
                        &meta.path,
                        format!(
                            "#[endpoint] builds the request from the fields and does not honour `#[serde({key})]`; of the struct-level serde keys only `rename_all` applies to the wire"
                        ),
                    );
                    skip_meta_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    rule
}

/// A field name under a serde `rename_all` rule, exactly as serde renames fields.
pub fn apply_rename_all(rule: &str, field: &str) -> String {
    let pascal = || {
        let mut out = String::new();
        let mut capitalize = true;
        for c in field.chars() {
            if c == '_' {
                capitalize = true;
            } else if capitalize {
                out.push(c.to_ascii_uppercase());
                capitalize = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    match rule {
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => field.to_ascii_uppercase(),
        "PascalCase" => pascal(),
        "camelCase" => {
            let pascal = pascal();
            let mut chars = pascal.chars();
            chars
                .next()
                .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
                .unwrap_or_default()
        }
        "kebab-case" => field.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => field.to_ascii_uppercase().replace('_', "-"),
        _ => field.to_owned(),
    }
}

/// The attributes inside `#[cfg_attr(predicate, a, b, ...)]`, nested ones flattened.
fn cfg_attr_contents(attr: &Attribute) -> Vec<Meta> {
    fn walk(tokens: TokenStream, out: &mut Vec<Meta>) {
        let Ok(metas) = Punctuated::<Meta, Token![,]>::parse_terminated.parse2(tokens) else {
            return;
        };
        for meta in metas.into_iter().skip(1) {
            match &meta {
                Meta::List(list) if list.path.is_ident("cfg_attr") => walk(list.tokens.clone(), out),
                _ => out.push(meta),
            }
        }
    }
    let mut out = Vec::new();
    if let Meta::List(list) = &attr.meta
        && list.path.is_ident("cfg_attr")
    {
        walk(list.tokens.clone(), &mut out);
    }
    out
}

/// Refuses `#[cfg_attr(.., endpoint(..))]` and `#[cfg_attr(.., serde(..))]`: the macro runs
/// before `cfg_attr` is resolved, so it could only guess what the wire looks like.
pub fn check_cfg_attr(attrs: &[Attribute], errors: &mut Errors) {
    for meta in attrs.iter().flat_map(cfg_attr_contents) {
        let path = meta.path();
        if path.segments.last().is_some_and(|s| s.ident == "endpoint") || path.is_ident("serde") {
            errors.spanned(
                path,
                "#[endpoint] cannot see through `cfg_attr`: write this attribute unconditionally, or put `#[cfg(...)]` on whole fields and declare one field per configuration",
            );
        }
    }
}

/// The `#[cfg(...)]` attributes among `attrs`.
pub fn cfgs(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .cloned()
        .collect()
}

/// The paths inside `#[derive(...)]` attributes, including derives behind `cfg_attr`.
pub fn derived_traits(attrs: &[Attribute]) -> Vec<syn::Path> {
    let parse = |tokens: TokenStream| {
        Punctuated::<syn::Path, Token![,]>::parse_terminated
            .parse2(tokens)
            .map(|paths| paths.into_iter().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let mut derived: Vec<syn::Path> = Vec::new();
    for attr in attrs {
        if let Meta::List(list) = &attr.meta
            && list.path.is_ident("derive")
        {
            derived.extend(parse(list.tokens.clone()));
        }
        for meta in cfg_attr_contents(attr) {
            if let Meta::List(list) = meta
                && list.path.is_ident("derive")
            {
                derived.extend(parse(list.tokens));
            }
        }
    }
    derived
}

/// True when one of `paths` ends in `name` (`Debug`, `std::fmt::Debug`, ...).
pub fn any_named(paths: &[syn::Path], name: &str) -> bool {
    paths
        .iter()
        .any(|path| path.segments.last().is_some_and(|s| s.ident == name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn args(tokens: TokenStream) -> (StructArgs, Result<(), syn::Error>) {
        let mut errors = Errors::default();
        let parsed = parse_struct_args(tokens, &mut errors);
        (parsed, errors.finish())
    }

    fn field(tokens: TokenStream) -> syn::Field {
        syn::Field::parse_named.parse2(tokens).unwrap()
    }

    #[test]
    fn method_path_and_options() {
        let (parsed, result) = args(quote!(
            GET,
            "/v1/x/{id}",
            response = X,
            crate = "::other",
            idempotent
        ));
        result.unwrap();
        assert_eq!(parsed.method.unwrap().to_string(), "GET");
        assert_eq!(parsed.path.unwrap().value(), "/v1/x/{id}");
        assert!(parsed.response.is_some());
        assert!(parsed.krate.is_some());
        assert!(parsed.idempotent);
    }

    #[test]
    fn raw_method_is_normalized() {
        let (parsed, result) = args(quote!(r#POST, "/v1/x"));
        result.unwrap();
        assert_eq!(parsed.method.unwrap().to_string(), "POST");
    }

    #[test]
    fn missing_and_unknown_method() {
        let (_, result) = args(quote!("/v1/x"));
        assert!(result.unwrap_err().to_string().contains("missing HTTP method"));
        let (_, result) = args(quote!(post, "/v1/x"));
        assert!(result.unwrap_err().to_string().contains("did you mean `POST`"));
        let (_, result) = args(quote!(FETCH, "/v1/x"));
        assert!(
            result
                .unwrap_err()
                .to_string()
                .contains("unknown HTTP method `FETCH`")
        );
    }

    #[test]
    fn unknown_key_is_suggested_and_all_errors_kept() {
        let (_, result) = args(quote!(PATCH, "/v1/x", respons = X, idempotnt));
        let messages: Vec<String> = result.unwrap_err().into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("did you mean `response`"));
        assert!(messages[1].contains("did you mean `idempotent`"));
    }

    #[test]
    fn field_attributes() {
        let field = field(
            quote!(#[endpoint(header = "X-A", sensitive)] #[stytch_client::endpoint(query, required)] pub a: String),
        );
        let mut errors = Errors::default();
        let parsed = parse_field_args(&field.attrs, &mut errors);
        errors.finish().unwrap();
        assert_eq!(parsed.header.unwrap().value(), "X-A");
        assert!(parsed.sensitive && parsed.query.is_some() && parsed.body.is_none());
        assert!(parsed.required.is_some() && parsed.optional.is_none());
    }

    #[test]
    fn renamed_field_attributes_are_recognized() {
        let attrs = field(quote!(#[ep(query)] #[validate(email)] #[allow(dead_code)] pub a: String)).attrs;
        let flags: Vec<bool> = attrs.iter().map(looks_like_renamed_field_attr).collect();
        assert_eq!(flags, [true, false, false]);
    }

    #[test]
    fn serde_rename_and_refusals() {
        let mut errors = Errors::default();
        let renamed = field(quote!(#[serde(rename = "type")] pub kind: String));
        assert_eq!(
            serde_field(&renamed.attrs, false, &mut errors).unwrap().value(),
            "type"
        );
        let split = field(
            quote!(#[serde(rename(serialize = "out", deserialize = "in"), alias = "x")] pub kind: String),
        );
        assert_eq!(
            serde_field(&split.attrs, false, &mut errors).unwrap().value(),
            "out"
        );
        errors.finish().unwrap();

        let skipped =
            field(quote!(#[serde(skip_serializing_if = "Option::is_none")] pub kind: Option<String>));
        let mut errors = Errors::default();
        assert!(serde_field(&skipped.attrs, true, &mut errors).is_none());
        assert!(
            errors
                .finish()
                .unwrap_err()
                .to_string()
                .contains("already left out")
        );
    }

    #[test]
    fn rename_all_rules_match_serde() {
        let cases = [
            ("camelCase", "session_custom_claims", "sessionCustomClaims"),
            ("PascalCase", "session_id", "SessionId"),
            ("kebab-case", "session_id", "session-id"),
            ("SCREAMING-KEBAB-CASE", "session_id", "SESSION-ID"),
            ("SCREAMING_SNAKE_CASE", "id", "ID"),
            ("lowercase", "session_id", "session_id"),
        ];
        for (rule, field, expected) in cases {
            assert_eq!(apply_rename_all(rule, field), expected, "{rule}");
        }
        let attrs = field(quote!(#[serde(rename_all = "camelCase", deny_unknown_fields)] pub a: u8)).attrs;
        let mut errors = Errors::default();
        assert_eq!(
            serde_rename_all(&attrs, &mut errors).as_deref(),
            Some("camelCase")
        );
        errors.finish().unwrap();
        let attrs = field(quote!(#[serde(rename_all = "camelcase", tag = "t")] pub a: u8)).attrs;
        let mut errors = Errors::default();
        assert!(serde_rename_all(&attrs, &mut errors).is_none());
        assert_eq!(errors.finish().unwrap_err().into_iter().count(), 2);
    }

    #[test]
    fn derives_are_found_behind_cfg_attr_and_paths() {
        let attrs = field(quote!(
            #[derive(Clone)]
            #[cfg_attr(test, derive(std::fmt::Debug), cfg_attr(all(), derive(Default)))]
            pub a: u8
        ))
        .attrs;
        let derived = derived_traits(&attrs);
        assert!(
            any_named(&derived, "Clone") && any_named(&derived, "Debug") && any_named(&derived, "Default")
        );
        let mut errors = Errors::default();
        check_cfg_attr(
            &field(quote!(#[cfg_attr(x, serde(rename = "y"))] pub a: u8)).attrs,
            &mut errors,
        );
        assert!(errors.finish().is_err());
    }
}
