//! Cross-checks over the model. Every problem is recorded, each spanned on the token at fault.

use crate::ast::{self, Endpoint, Location, Optionality};
use crate::attr;
use crate::errors::Errors;
use crate::suggest::did_you_mean;
use syn::DeriveInput;

/// Types accepted for `#[endpoint(header = "...")]` fields (or `Option` of them).
const HEADER_TYPES: [&str; 4] = ["String", "str", "Secret", "Cow"];

/// Checks the item itself (before modelling): generics and a conflicting `derive(Debug)`.
pub fn check_item(input: &DeriveInput, errors: &mut Errors) {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        errors.spanned(
            &input.generics,
            "#[endpoint] does not support generic structs: declare one struct per concrete endpoint",
        );
    }
    for path in attr::derived_traits(&input.attrs) {
        if path.is_ident("Debug") || path.segments.last().is_some_and(|s| s.ident == "Debug") {
            errors.spanned(
                &path,
                "remove `Debug` from this derive: #[endpoint] generates a `Debug` that redacts sensitive fields",
            );
        }
    }
}

/// Checks the modelled endpoint.
pub fn check_endpoint(endpoint: &Endpoint, errors: &mut Errors) {
    let field_names: Vec<String> = endpoint.fields.iter().map(ast::Field::name).collect();
    for capture in endpoint.template.captures() {
        if !field_names.iter().any(|name| name == capture) {
            errors.spanned(
                &endpoint.path_lit,
                format!(
                    "path capture `{{{capture}}}` has no matching field{}",
                    did_you_mean(capture, field_names.iter().map(String::as_str))
                ),
            );
        }
    }

    for field in &endpoint.fields {
        match &field.location {
            Location::Path if field.optionality != Optionality::Required => errors.spanned(
                &field.ty,
                format!(
                    "field `{}` fills a path capture, so it cannot be optional",
                    field.name()
                ),
            ),
            Location::Header(name) => {
                let value = name.value();
                if value.is_empty() || !value.bytes().all(is_header_token_byte) {
                    errors.spanned(name, format!("`{value}` is not a valid HTTP header name"));
                }
                if field.optionality == Optionality::Nullable {
                    errors.spanned(
                        &field.ty,
                        "a header field may be `T` or `Option<T>`, not `Option<Option<T>>`",
                    );
                }
                let accepted = ast::last_segment_name(&field.inner_ty)
                    .is_some_and(|name| HEADER_TYPES.contains(&name.as_str()));
                if !accepted {
                    errors.spanned(
                        &field.inner_ty,
                        "a `header` field must be a string: `String`, `Secret<String>`, or an `Option` of one",
                    );
                }
            }
            _ => {}
        }
    }
}

fn is_header_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}
