//! Parsing of the macro's own attributes: the struct arguments
//! `#[endpoint(METHOD, "/path", response = T, crate = "...", idempotent)]` and the field
//! attributes `#[endpoint(query | body | header = "..." | headers | sensitive)]`, plus the one
//! serde attribute the macro honours, `#[serde(rename = "...")]`.

use crate::errors::Errors;
use crate::suggest::did_you_mean;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Token, Type};

/// The HTTP methods an endpoint may use.
pub const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const STRUCT_KEYS: [&str; 3] = ["response", "crate", "idempotent"];
const FIELD_KEYS: [&str; 5] = ["query", "body", "header", "headers", "sensitive"];

/// What the struct-level arguments said; anything missing was reported to [`Errors`].
#[derive(Default)]
pub struct StructArgs {
    /// `GET`, `POST`, ... (validated).
    pub method: Option<Ident>,
    /// The path literal.
    pub path: Option<LitStr>,
    /// `response = Type`.
    pub response: Option<Type>,
    /// `crate = "path"`.
    pub krate: Option<syn::Path>,
    /// `idempotent`: the endpoint may be retried like a GET.
    pub idempotent: bool,
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
            } else if position == 0 {
                saw_method = true;
                if METHODS.contains(&name.as_str()) {
                    out.method = Some(key);
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
}

/// True for `#[endpoint(...)]`.
pub fn is_endpoint_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("endpoint")
}

/// Parses every `#[endpoint(...)]` on a field.
pub fn parse_field_args(attrs: &[Attribute], errors: &mut Errors) -> FieldArgs {
    let mut out = FieldArgs::default();
    for attr in attrs.iter().filter(|attr| is_endpoint_attr(attr)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(|ident| ident.unraw().to_string())
                .unwrap_or_default();
            match key.as_str() {
                "query" => out.query = Some(meta.path.span()),
                "body" => out.body = Some(meta.path.span()),
                "headers" => out.headers = Some(meta.path.span()),
                "sensitive" => out.sensitive = true,
                "header" => out.header = Some(meta.value()?.parse()?),
                _ => {
                    errors.spanned(
                        &meta.path,
                        format!(
                            "unknown endpoint field attribute `{key}`{}",
                            did_you_mean(&key, FIELD_KEYS)
                        ),
                    );
                    if meta.input.peek(Token![=]) {
                        meta.value()?.parse::<syn::Expr>()?;
                    }
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    out
}

/// The wire name from `#[serde(rename = "...")]`, if any. Other serde keys are refused, since
/// the generated serializers would silently ignore them.
pub fn serde_rename(attrs: &[Attribute], errors: &mut Errors) -> Option<LitStr> {
    let mut rename = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                rename = Some(meta.value()?.parse::<LitStr>()?);
            } else {
                errors.spanned(
                    &meta.path,
                    "#[endpoint] honours only `#[serde(rename = \"...\")]` on fields; wrap the value in a type with its own Serialize impl instead",
                );
                if meta.input.peek(Token![=]) {
                    meta.value()?.parse::<syn::Expr>()?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    rename
}

/// The `Debug` (or other) idents inside `#[derive(...)]` attributes.
pub fn derived_traits(attrs: &[Attribute]) -> Vec<syn::Path> {
    let mut derived = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            derived.push(meta.path);
            Ok(())
        });
    }
    derived
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
        let field: syn::Field = syn::Field::parse_named
            .parse2(quote!(#[endpoint(header = "X-A", sensitive)] #[endpoint(query)] pub a: String))
            .unwrap();
        let mut errors = Errors::default();
        let parsed = parse_field_args(&field.attrs, &mut errors);
        errors.finish().unwrap();
        assert_eq!(parsed.header.unwrap().value(), "X-A");
        assert!(parsed.sensitive && parsed.query.is_some() && parsed.body.is_none());
    }

    #[test]
    fn serde_rename_and_refusals() {
        let field: syn::Field = syn::Field::parse_named
            .parse2(quote!(#[serde(rename = "type")] pub kind: String))
            .unwrap();
        let mut errors = Errors::default();
        assert_eq!(serde_rename(&field.attrs, &mut errors).unwrap().value(), "type");
        errors.finish().unwrap();

        let field: syn::Field = syn::Field::parse_named
            .parse2(quote!(#[serde(skip_serializing)] pub kind: String))
            .unwrap();
        let mut errors = Errors::default();
        assert!(serde_rename(&field.attrs, &mut errors).is_none());
        assert!(errors.finish().is_err());
    }
}
