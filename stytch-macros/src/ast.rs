//! The endpoint model: the struct as the macro understands it, with spans kept for errors.

use crate::attr::{self, StructArgs};
use crate::errors::Errors;
use crate::path::{self, Template};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::format_ident;
use std::ops::Range;
use syn::ext::IdentExt;
use syn::{Attribute, DeriveInput, GenericArgument, Ident, LitStr, PathArguments, Type, Visibility};

/// A struct carrying `#[endpoint]`, ready for validation and expansion. Method, path and
/// template are `None` when they were wrong (the errors are recorded); the fields are still
/// modelled, so that the fallback can emit `new` and the setters.
pub struct Endpoint {
    /// The struct's name.
    pub ident: Ident,
    /// The HTTP method ident, e.g. `POST` (without `r#`).
    pub method: Option<Ident>,
    /// The path literal as written (for `PATH_TEMPLATE` and error spans).
    pub path_lit: Option<LitStr>,
    /// The parsed path template.
    pub template: Option<Template>,
    /// The response type (explicit, or `<Name>Response` spanned on the struct name).
    pub response: Type,
    /// Path to the runtime crate, `::stytch_client` unless overridden.
    pub krate: syn::Path,
    /// Marked `idempotent`: safe to retry like a GET.
    pub idempotent: bool,
    /// Marked `form` (where it was written): the body is form-encoded instead of JSON.
    pub form: Option<Span>,
    /// Named fields in declaration order.
    pub fields: Vec<Field>,
    /// True when the user derives `Default` (so the macro must not).
    pub derives_default: bool,
    /// The struct's own `#[cfg(...)]` attributes, repeated on everything generated.
    pub cfgs: Vec<Attribute>,
    /// The struct has generic parameters (refused; nothing can be generated for it).
    pub generic: bool,
}

impl Endpoint {
    /// POST, PUT and PATCH carry a body (JSON, or form-encoded when marked `form`).
    pub fn has_body(&self) -> bool {
        self.method
            .as_ref()
            .is_some_and(|method| matches!(method.to_string().as_str(), "POST" | "PUT" | "PATCH"))
    }
}

/// Where a field's value goes on the wire.
#[derive(Clone)]
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

impl PartialEq for Location {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Header(a), Self::Header(b)) => a.value() == b.value(),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// How optional a field is: read from its written type, or from `#[endpoint(optional)]` /
/// `#[endpoint(required)]`.
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
    /// The field's visibility, given to its setters.
    pub vis: Visibility,
    /// The declared type.
    pub ty: Type,
    /// What `new` or a setter takes: the type itself when required, `T` when optional or
    /// nullable.
    pub value_ty: Type,
    /// The `T` of the field's `Option<T>` (`Option<U>` when nullable); the type itself when
    /// required.
    pub inner_ty: Type,
    /// Required, optional or nullable.
    pub optionality: Optionality,
    /// Required by its written type (not by `#[endpoint(required)]`): checked at compile time
    /// not to be an `Option` under another name.
    pub check_not_option: bool,
    /// Where it goes.
    pub location: Location,
    /// The key on the wire: the header name, the capture, or the body/query key.
    pub wire_name: String,
    /// Where the wire name was written (for duplicate-name errors).
    pub wire_span: Span,
    /// `#[serde(rename = "...")]`, if given.
    pub rename: Option<LitStr>,
    /// Redacted in `Debug`.
    pub sensitive: bool,
    /// The field's doc comments, copied onto its setters.
    pub docs: Vec<Attribute>,
    /// The field's `#[cfg(...)]`, copied onto everything generated for it.
    pub cfgs: Vec<Attribute>,
    /// The field's `#[deprecated]`, copied onto its setters.
    pub deprecated: Vec<Attribute>,
}

impl Field {
    /// The field name without any `r#`.
    pub fn name(&self) -> String {
        self.ident.unraw().to_string()
    }

    /// The inherent methods generated for this field: the setter, its `set_` twin and, for a
    /// nullable field, the `_null` setter.
    pub fn methods(&self) -> Vec<Ident> {
        let span = self.ident.span();
        match self.optionality {
            Optionality::Required => Vec::new(),
            Optionality::Optional => vec![self.ident.clone(), self.set_ident()],
            Optionality::Nullable => vec![
                self.ident.clone(),
                self.set_ident(),
                format_ident!("{}_null", self.ident.unraw(), span = span),
            ],
        }
    }

    /// `set_` followed by the field name (`set__id` for `_id`: predictable, lint allowed).
    pub fn set_ident(&self) -> Ident {
        format_ident!("set_{}", self.ident.unraw(), span = self.ident.span())
    }
}

/// Edition 2015 allows fields named `async`, `await`, `dyn` and `try`, which syn refuses as
/// identifiers. An identifier token followed by a single `:` directly inside the struct's braces
/// is a field name whatever it spells (had the edition reserved it, rustc would have refused the
/// struct before the macro ran), so those four are rewritten as raw identifiers.
pub fn raw_keyword_fields(item: TokenStream) -> TokenStream {
    const EDITION_2015_NAMES: [&str; 4] = ["async", "await", "dyn", "try"];
    let mut after_struct = false;
    item.into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) => {
                after_struct |= ident == "struct";
                TokenTree::Ident(ident)
            }
            TokenTree::Group(group) if after_struct && group.delimiter() == Delimiter::Brace => {
                let mut trees: Vec<TokenTree> = group.stream().into_iter().collect();
                for i in 0..trees.len() {
                    let is_field_name = matches!(&trees[i], TokenTree::Ident(ident)
                        if EDITION_2015_NAMES.iter().any(|name| ident == name))
                        && matches!(trees.get(i + 1), Some(TokenTree::Punct(p))
                            if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Alone);
                    if is_field_name {
                        let ident = trees[i].to_string();
                        trees[i] = TokenTree::Ident(Ident::new_raw(&ident, trees[i].span()));
                    }
                }
                let mut rewritten = Group::new(Delimiter::Brace, trees.into_iter().collect());
                rewritten.set_span(group.span());
                TokenTree::Group(rewritten)
            }
            other => other,
        })
        .collect()
}

/// Builds the model, recording every problem; returns `None` only when the item is not a
/// struct with named fields (or a unit struct).
pub fn build(input: &DeriveInput, args: StructArgs, errors: &mut Errors) -> Option<Endpoint> {
    let template = args
        .path
        .as_ref()
        .and_then(|lit| match path::parse(&lit.value()) {
            Ok(template) => Some(template),
            Err(problems) => {
                for problem in problems {
                    errors.push(literal_error(lit, problem.at, &problem.message));
                }
                None
            }
        });

    let derived = attr::derived_traits(&input.attrs);
    let derives_default = attr::any_named(&derived, "Default");
    let rename_all = attr::serde_rename_all(&input.attrs, errors);
    attr::check_cfg_attr(&input.attrs, errors);

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

    let krate = args.krate.unwrap_or_else(|| syn::parse_quote!(::stytch_client));
    let captures: Vec<String> = template
        .as_ref()
        .map(|t| t.captures().map(str::to_owned).collect())
        .unwrap_or_default();
    let body_by_default = args
        .method
        .as_ref()
        .is_some_and(|method| matches!(method.to_string().as_str(), "POST" | "PUT" | "PATCH"));
    let context = FieldContext {
        captures: &captures,
        body_by_default,
        rename_all: rename_all.as_deref(),
        // A derive could own helper attributes the macro does not know.
        flag_renamed_attrs: derived.is_empty(),
    };
    let fields = named
        .into_iter()
        .map(|field| build_field(field, &context, errors))
        .collect();

    let response = args.response.unwrap_or_else(|| {
        let name = input.ident.to_string();
        let base = name.strip_suffix("Request").unwrap_or(&name);
        let ident = format_ident!("{}Response", base, span = input.ident.span());
        syn::parse_quote!(#ident)
    });

    Some(Endpoint {
        ident: input.ident.clone(),
        method: args.method,
        path_lit: args.path,
        template,
        response,
        krate,
        idempotent: args.idempotent,
        form: args.form,
        fields,
        derives_default,
        cfgs: attr::cfgs(&input.attrs),
        generic: !input.generics.params.is_empty() || input.generics.where_clause.is_some(),
    })
}

struct FieldContext<'a> {
    captures: &'a [String],
    body_by_default: bool,
    rename_all: Option<&'a str>,
    flag_renamed_attrs: bool,
}

fn build_field(field: &syn::Field, context: &FieldContext, errors: &mut Errors) -> Field {
    let ident = field.ident.clone().expect("named field");
    let name = ident.unraw().to_string();
    let args = attr::parse_field_args(&field.attrs, errors);
    attr::check_cfg_attr(&field.attrs, errors);
    if context.flag_renamed_attrs {
        for attr in field
            .attrs
            .iter()
            .filter(|a| attr::looks_like_renamed_field_attr(a))
        {
            errors.spanned(
                attr.path(),
                "field attributes are read by name: write `#[endpoint(...)]` here, even when the macro is imported under another name",
            );
        }
    }

    let mut explicit = Vec::new();
    if let Some(span) = args.query {
        explicit.push((span, Location::Query));
    }
    if let Some(span) = args.body {
        explicit.push((span, Location::Body));
    }
    if let Some(lit) = &args.header {
        explicit.push((lit.span(), Location::Header(lit.clone())));
    }
    if let Some(span) = args.headers {
        explicit.push((span, Location::Headers));
    }
    let is_capture = context.captures.contains(&name);
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
    } else if context.body_by_default {
        Location::Body
    } else {
        Location::Query
    };

    if let (Some(_), Some(span)) = (args.optional, args.required) {
        errors.at(span, "a field is either `optional` or `required`, not both");
    }
    let ty = &field.ty;
    let (optionality, inner_ty, value_ty) = match option_inner(ty) {
        _ if args.required.is_some() => (Optionality::Required, ty.clone(), ty.clone()),
        Some(inner) => match option_inner(inner) {
            Some(value) => (Optionality::Nullable, inner.clone(), value.clone()),
            None => (Optionality::Optional, inner.clone(), inner.clone()),
        },
        None if args.optional.is_some() => {
            // Named through the `__stytch` alias of the generated block, located at the field.
            let lo = Span::call_site().located_at(syn::spanned::Spanned::span(ty));
            let inner: Type = syn::parse_quote_spanned!(lo=> __stytch::OptionInner<#ty>);
            (Optionality::Optional, inner.clone(), inner)
        }
        None => (Optionality::Required, ty.clone(), ty.clone()),
    };

    let rename = attr::serde_field(&field.attrs, optionality != Optionality::Required, errors);
    let (wire_name, wire_span) = match (&location, &rename) {
        (Location::Header(lit), _) => (lit.value(), lit.span()),
        (Location::Body | Location::Query, Some(lit)) => (lit.value(), lit.span()),
        (Location::Body | Location::Query, None) => (
            match context.rename_all {
                Some(rule) => attr::apply_rename_all(rule, &name),
                None => name.clone(),
            },
            ident.span(),
        ),
        _ => (name.clone(), ident.span()),
    };
    let with_path = |path: &str| -> Vec<Attribute> {
        field
            .attrs
            .iter()
            .filter(|a| a.path().is_ident(path))
            .cloned()
            .collect()
    };

    Field {
        ident,
        vis: field.vis.clone(),
        ty: ty.clone(),
        value_ty,
        inner_ty,
        check_not_option: optionality == Optionality::Required && args.required.is_none(),
        optionality,
        location,
        wire_name,
        wire_span,
        rename,
        sensitive: args.sensitive,
        docs: with_path("doc"),
        cfgs: with_path("cfg"),
        deprecated: with_path("deprecated"),
    }
}

/// An error on a path literal, at the given bytes of its value when the compiler can point
/// inside a literal (nightly); on stable the whole literal is underlined and the message shows
/// where, under a copy of the path.
pub fn literal_error(lit: &LitStr, at: Option<Range<usize>>, message: &str) -> syn::Error {
    let Some(at) = at else {
        return syn::Error::new(lit.span(), message);
    };
    let repr = lit.token().to_string();
    let offset = repr
        .find('"')
        .filter(|_| !repr.contains('\\'))
        .map(|quote| quote + 1);
    if let Some(span) = offset.and_then(|offset| lit.token().subspan(at.start + offset..at.end + offset)) {
        return syn::Error::new(span, message);
    }
    let value = lit.value();
    let pad = value[..at.start].chars().count();
    let width = value[at.clone()].chars().count().max(1);
    syn::Error::new(
        lit.span(),
        format!("{message}\n{value}\n{}{}", " ".repeat(pad), "^".repeat(width)),
    )
}

/// Looks through the invisible groups of `macro_rules!` fragments (`$ty:ty`) and parentheses.
pub fn peel(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => peel(&group.elem),
        Type::Paren(paren) => peel(&paren.elem),
        _ => ty,
    }
}

/// `Some(T)` when `ty` is written `Option<T>` (also `std::option::Option<T>`, or through a
/// `$ty:ty` fragment).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(type_path) = peel(ty) else {
        return None;
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn model(tokens: TokenStream) -> (Option<Endpoint>, Result<(), syn::Error>) {
        let input: DeriveInput = syn::parse2(raw_keyword_fields(tokens)).unwrap();
        let mut errors = Errors::default();
        let args = attr::parse_struct_args(quote!(GET, "/v1/{id}"), &mut errors);
        let endpoint = build(&input, args, &mut errors);
        (endpoint, errors.finish())
    }

    #[test]
    fn option_is_seen_through_groups_and_parens() {
        let grouped = Type::Group(syn::TypeGroup {
            attrs: Vec::new(),
            group_token: Default::default(),
            elem: Box::new(syn::parse_quote!(Option<String>)),
        });
        assert!(option_inner(&grouped).is_some());
        assert!(option_inner(&syn::parse_quote!((std::option::Option<u8>))).is_some());
        assert!(option_inner(&syn::parse_quote!(Vec<u8>)).is_none());
    }

    #[test]
    fn fields_are_placed_and_optionality_read() {
        let (endpoint, result) = model(quote!(
            #[serde(rename_all = "camelCase")]
            struct Get {
                id: u64,
                page_size: Option<u32>,
                #[endpoint(required)]
                cursor: Option<String>,
                #[endpoint(optional, header = "X-Token")]
                token: Maybe<String>,
                claims: Option<Option<u8>>,
            }
        ));
        result.unwrap();
        let endpoint = endpoint.unwrap();
        let fields = &endpoint.fields;
        assert!(fields[0].location == Location::Path);
        assert!(fields[1].optionality == Optionality::Optional && fields[1].wire_name == "pageSize");
        assert!(fields[2].optionality == Optionality::Required && !fields[2].check_not_option);
        assert!(fields[3].optionality == Optionality::Optional && fields[3].wire_name == "X-Token");
        assert!(fields[4].optionality == Optionality::Nullable);
        let names: Vec<String> = fields[4].methods().iter().map(Ident::to_string).collect();
        assert_eq!(names, ["claims", "set_claims", "claims_null"]);
    }

    #[test]
    fn edition_2015_field_names_become_raw() {
        let (endpoint, result) =
            model(quote!(struct S { id: u8, async: bool, try: Option<u8>, x: Box<dyn Send> }));
        result.unwrap();
        let names: Vec<String> = endpoint.unwrap().fields.iter().map(Field::name).collect();
        assert_eq!(names, ["id", "async", "try", "x"]);
    }
}
