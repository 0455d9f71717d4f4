//! The endpoint model: the struct as the macro understands it, with spans kept for errors.

use crate::attr::{self, StructArgs};
use crate::errors::Errors;
use crate::path::{self, Template};
use quote::format_ident;
use syn::ext::IdentExt;
use syn::{Attribute, DeriveInput, GenericArgument, Ident, LitStr, PathArguments, Type};

/// A struct carrying `#[endpoint]`, ready for validation and expansion.
pub struct Endpoint {
    /// The struct's name.
    pub ident: Ident,
    /// The HTTP method ident, e.g. `POST`.
    pub method: Ident,
    /// The path literal as written (for `PATH_TEMPLATE` and error spans).
    pub path_lit: LitStr,
    /// The parsed path template.
    pub template: Template,
    /// The response type (explicit, or `<Name>Response` spanned on the struct name).
    pub response: Type,
    /// Path to the runtime crate, `::stytch_client` unless overridden.
    pub krate: syn::Path,
    /// Marked `idempotent`: safe to retry like a GET.
    pub idempotent: bool,
    /// Named fields in declaration order.
    pub fields: Vec<Field>,
    /// True when the user derives `Default` (so the macro must not).
    pub derives_default: bool,
}

/// Where a field's value goes on the wire.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A `{capture}` in the path.
    Path,
    /// The query string.
    Query,
    /// The JSON body.
    Body,
    /// One header with this name.
    Header(LitStr),
    /// A value implementing `HeaderOptions`, which adds its own headers.
    Headers,
}

/// How optional a field is, read from its syntax.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Optionality {
    /// `T`: a `new(...)` argument, always sent.
    Required,
    /// `Option<T>`: omitted when `None`.
    Optional,
    /// `Option<Option<T>>`: omitted when `None`, `null` when `Some(None)`.
    Nullable,
}

/// One named field.
pub struct Field {
    /// The field name.
    pub ident: Ident,
    /// The declared type.
    pub ty: Type,
    /// For optional fields, the `T` of `Option<T>` (the setter's argument type).
    pub inner_ty: Type,
    /// Required, optional or nullable.
    pub optionality: Optionality,
    /// Where it goes.
    pub location: Location,
    /// The key on the wire (`#[serde(rename)]` or the unraw field name).
    pub wire_name: String,
    /// Redacted in `Debug`.
    pub sensitive: bool,
    /// The field's doc comments, copied onto its setters.
    pub docs: Vec<Attribute>,
}

impl Field {
    /// The field name without any `r#`.
    pub fn name(&self) -> String {
        self.ident.unraw().to_string()
    }
}

/// Builds the model, recording every problem; returns `None` only when the item cannot be modelled.
pub fn build(input: &DeriveInput, args: StructArgs, errors: &mut Errors) -> Option<Endpoint> {
    let template = match &args.path {
        Some(lit) => match path::parse(&lit.value()) {
            Ok(template) => Some(template),
            Err(problems) => {
                for problem in problems {
                    errors.spanned(lit, problem);
                }
                None
            }
        },
        None => None,
    };

    let derived = attr::derived_traits(&input.attrs);
    let derives_default = derived.iter().any(|path| path.is_ident("Default"));

    let named = match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Named(named) => named.named.iter().collect(),
            syn::Fields::Unit => Vec::new(),
            syn::Fields::Unnamed(unnamed) => {
                errors.spanned(
                    unnamed,
                    "#[endpoint] needs a struct with named fields: a tuple struct's fields have no names to put on the wire",
                );
                return None;
            }
        },
        syn::Data::Enum(data) => {
            errors.spanned(
                data.enum_token,
                "#[endpoint] goes on a struct with named fields, not on an enum",
            );
            return None;
        }
        syn::Data::Union(data) => {
            errors.spanned(
                data.union_token,
                "#[endpoint] goes on a struct with named fields, not on a union",
            );
            return None;
        }
    };

    let captures: Vec<String> = template
        .as_ref()
        .map(|t| t.captures().map(str::to_owned).collect())
        .unwrap_or_default();
    let body_by_default = args
        .method
        .as_ref()
        .is_some_and(|method| matches!(method.to_string().as_str(), "POST" | "PUT" | "PATCH"));

    let fields: Vec<Field> = named
        .into_iter()
        .map(|field| build_field(field, &captures, body_by_default, errors))
        .collect();

    let response = args.response.unwrap_or_else(|| {
        let name = input.ident.to_string();
        let base = name.strip_suffix("Request").unwrap_or(&name);
        let ident = format_ident!("{}Response", base, span = input.ident.span());
        syn::parse_quote!(#ident)
    });

    Some(Endpoint {
        ident: input.ident.clone(),
        method: args.method?,
        path_lit: args.path?,
        template: template?,
        response,
        krate: args.krate.unwrap_or_else(|| syn::parse_quote!(::stytch_client)),
        idempotent: args.idempotent,
        fields,
        derives_default,
    })
}

fn build_field(field: &syn::Field, captures: &[String], body_by_default: bool, errors: &mut Errors) -> Field {
    let ident = field.ident.clone().expect("named field");
    let name = ident.unraw().to_string();
    let field_args = attr::parse_field_args(&field.attrs, errors);
    let rename = attr::serde_rename(&field.attrs, errors);

    let mut explicit = Vec::new();
    if let Some(span) = field_args.query {
        explicit.push((span, Location::Query));
    }
    if let Some(span) = field_args.body {
        explicit.push((span, Location::Body));
    }
    if let Some(lit) = &field_args.header {
        explicit.push((lit.span(), Location::Header(lit.clone())));
    }
    if let Some(span) = field_args.headers {
        explicit.push((span, Location::Headers));
    }
    let is_capture = captures.contains(&name);
    if explicit.len() > 1 {
        errors.at(
            explicit[1].0,
            format!("field `{name}` is given more than one place: choose one of `query`, `body`, `header = \"...\"`, `headers`"),
        );
    }
    if is_capture && let Some((span, _)) = explicit.first() {
        errors.at(
            *span,
            format!("field `{name}` fills the path capture `{{{name}}}`, so it cannot also go elsewhere"),
        );
    }
    let location = if is_capture {
        Location::Path
    } else if let Some((_, location)) = explicit.into_iter().next() {
        location
    } else if body_by_default {
        Location::Body
    } else {
        Location::Query
    };

    let (optionality, inner_ty) = match option_inner(&field.ty) {
        Some(inner) => match option_inner(inner) {
            Some(_) => (Optionality::Nullable, inner.clone()),
            None => (Optionality::Optional, inner.clone()),
        },
        None => (Optionality::Required, field.ty.clone()),
    };

    Field {
        ident,
        ty: field.ty.clone(),
        inner_ty,
        optionality,
        location,
        wire_name: rename.map(|lit| lit.value()).unwrap_or_else(|| name.clone()),
        sensitive: field_args.sensitive,
        docs: field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"))
            .cloned()
            .collect(),
    }
}

/// `Some(T)` when `ty` is syntactically `Option<T>` (also `std::option::Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(type_path) = ty else { return None };
    if type_path.qself.is_some() {
        return None;
    }
    let segment = type_path.path.segments.last()?;
    if segment.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The last path segment's name of a type, e.g. `String` for `std::string::String`.
pub fn last_segment_name(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(type_path) => type_path.path.segments.last().map(|s| s.ident.to_string()),
        Type::Reference(reference) => last_segment_name(&reference.elem),
        _ => None,
    }
}
