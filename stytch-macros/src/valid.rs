//! Cross-checks over the model. Every problem is recorded, each spanned on the token at fault.

use crate::ast::{self, Endpoint, Location, Optionality};
use crate::attr;
use crate::errors::Errors;
use crate::suggest::did_you_mean;
use std::collections::HashMap;
use syn::DeriveInput;

/// Headers the client or the HTTP stack sets on every request; a field may not replace them.
pub const OWNED_HEADERS: [&str; 13] = [
    "accept",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "user-agent",
];

/// Checks the item itself (before modelling): generics, a conflicting `derive(Debug)`, and a
/// second endpoint attribute.
pub fn check_item(input: &DeriveInput, errors: &mut Errors) {
    let generics = &input.generics;
    if let Some(lifetime) = generics
        .lifetimes()
        .next()
        .filter(|_| generics.type_params().next().is_none())
    {
        errors.spanned(
            lifetime,
            format!(
                "#[endpoint] structs own their data: remove `{}` and use owned types (`String` for `&str`)",
                lifetime.lifetime
            ),
        );
    } else if !generics.params.is_empty() || generics.where_clause.is_some() {
        errors.spanned(
            generics,
            "#[endpoint] does not support generic structs: declare one struct per concrete endpoint",
        );
    }
    for path in attr::derived_traits(&input.attrs) {
        if path.segments.last().is_some_and(|s| s.ident == "Debug") {
            errors.spanned(
                &path,
                "remove `Debug` from this derive: #[endpoint] generates a `Debug` that redacts sensitive fields",
            );
        }
    }
    for extra in input.attrs.iter().filter(|a| attr::is_struct_endpoint_attr(a)) {
        errors.spanned(
            extra,
            "a second #[endpoint] on the same struct: a struct declares one endpoint, so declare another struct for this one",
        );
    }
}

/// Checks the modelled endpoint.
pub fn check_endpoint(endpoint: &Endpoint, errors: &mut Errors) {
    if let Some(span) = endpoint
        .form
        .filter(|_| endpoint.method.is_some() && !endpoint.has_body())
    {
        errors.at(
            span,
            "`form` sets how the body is encoded, but this method sends no body: use POST, PUT or PATCH, or remove `form`",
        );
    }
    let field_names: Vec<String> = endpoint.fields.iter().map(ast::Field::name).collect();
    if let (Some(template), Some(lit)) = (&endpoint.template, &endpoint.path_lit) {
        for (capture, at) in template.captures_at() {
            if !field_names.iter().any(|name| name == capture) {
                let message = format!(
                    "path capture `{{{capture}}}` has no matching field{}",
                    did_you_mean(capture, field_names.iter().map(String::as_str))
                );
                errors.push(ast::literal_error(lit, Some(at), &message));
            }
        }
    }

    for field in &endpoint.fields {
        match &field.location {
            Location::Path => {
                if field.optionality != Optionality::Required {
                    errors.spanned(
                        &field.ty,
                        format!(
                            "field `{}` fills a path capture, so it cannot be optional",
                            field.name()
                        ),
                    );
                }
                if let Some(cfg) = field.cfgs.first() {
                    errors.spanned(
                        cfg,
                        format!(
                            "field `{}` fills a path capture, so it cannot be behind `#[cfg]`: declare one struct per configuration",
                            field.name()
                        ),
                    );
                }
            }
            Location::Header(name) => {
                let value = name.value();
                if value.is_empty() || !value.bytes().all(is_header_token_byte) {
                    errors.spanned(name, format!("`{value}` is not a valid HTTP header name"));
                } else if OWNED_HEADERS.contains(&value.to_ascii_lowercase().as_str()) {
                    errors.spanned(
                        name,
                        format!(
                            "`{value}` is set by the client or the HTTP stack on every request and cannot be a field (owned: {})",
                            OWNED_HEADERS.join(", ")
                        ),
                    );
                }
                if field.optionality == Optionality::Nullable {
                    errors.spanned(
                        &field.ty,
                        "a header field may be `T` or `Option<T>`, not `Option<Option<T>>`",
                    );
                }
            }
            Location::Query | Location::Body | Location::Headers => {}
        }
        if let Some(rename) = &field.rename
            && !matches!(field.location, Location::Body | Location::Query)
        {
            errors.spanned(
                rename,
                "`#[serde(rename)]` names a JSON or query key, but this field goes to the path or a header",
            );
        }
    }

    check_duplicate_wire_names(endpoint, errors);
    check_method_names(endpoint, errors);
}

/// Two fields may not land on the same body key, query key or (case-insensitively) header.
fn check_duplicate_wire_names(endpoint: &Endpoint, errors: &mut Errors) {
    let mut seen: HashMap<(u8, String), String> = HashMap::new();
    for field in &endpoint.fields {
        let (place, key, what) = match &field.location {
            Location::Body => (0, field.wire_name.clone(), "JSON key"),
            Location::Query => (1, field.wire_name.clone(), "query key"),
            Location::Header(_) => (2, field.wire_name.to_ascii_lowercase(), "header"),
            Location::Path | Location::Headers => continue,
        };
        if let Some(first) = seen.insert((place, key), field.name()) {
            errors.at(
                field.wire_span,
                format!(
                    "field `{}` would send the {what} `{}`, which field `{first}` already sends",
                    field.name(),
                    field.wire_name
                ),
            );
        }
    }
}

/// The generated methods (`new`, each setter, `set_` twin and `_null` setter) must not collide.
fn check_method_names(endpoint: &Endpoint, errors: &mut Errors) {
    let mut seen: HashMap<String, String> = HashMap::from([("new".to_owned(), "the constructor".to_owned())]);
    for field in &endpoint.fields {
        for method in field.methods() {
            let name = syn::ext::IdentExt::unraw(&method).to_string();
            let owner = format!("the setter of field `{}`", field.name());
            if let Some(first) = seen.insert(name.clone(), owner) {
                errors.spanned(
                    &field.ident,
                    format!(
                        "field `{}` would get a method `{name}`, which is already {first}: rename the field (`#[serde(rename = \"{}\")]` keeps its wire name)",
                        field.name(),
                        field.wire_name
                    ),
                );
            }
        }
    }
}

fn is_header_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}
