//! Code generation. The output is data-only and small: one `Endpoint` impl, a borrowed body
//! serializer, a redacting `Debug`, `new` and setters, all inside one `const _: () = { ... };`
//! that names the runtime once (`use <crate>::__private as __stytch;`). All I/O lives in the
//! client's one generic `send`.
//!
//! Hygiene: every token the macro writes has `Span::call_site()` resolution; where an error
//! should point at the user's field it is only *located* there (`located_at`). Generated locals
//! and helpers start with `__stytch`/`__Stytch`, so no user constant or type can capture them;
//! parameters of `new` and the setters are named after their fields, and shielded from user
//! constants of the same name (see `constructors`).

use crate::ast::{self, Endpoint, Field, Location, Optionality};
use crate::errors::Errors;
use crate::path::Piece;
use crate::{attr, fallback, valid};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use std::collections::HashSet;
use syn::DeriveInput;
use syn::ext::IdentExt;

/// The whole macro: parse, model, validate, then generate or fall back.
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = ast::raw_keyword_fields(item);
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => return fallback::not_a_struct(item, &error),
    };
    let mut errors = Errors::default();
    let args = attr::parse_struct_args(args, &mut errors);
    valid::check_item(&input, &mut errors);
    let endpoint = ast::build(&input, args, &mut errors);
    if let Some(endpoint) = &endpoint {
        valid::check_endpoint(endpoint, &mut errors);
    }
    let item = fallback::strip(&input);
    match errors.finish() {
        Ok(()) => {
            let generated = endpoint.as_ref().and_then(generate);
            quote!(#item #generated)
        }
        // The struct keeps `new` and its setters, so callers see only the macro's errors.
        Err(error) => {
            let stubs = endpoint
                .filter(|endpoint| !endpoint.generic)
                .map(|endpoint| wrap(&endpoint, constructors(&endpoint)));
            fallback::emit(&item, &error, stubs)
        }
    }
}

/// Everything generated, or `None` if the model is incomplete (never when validation passed).
fn generate(endpoint: &Endpoint) -> Option<TokenStream> {
    let ident = &endpoint.ident;
    let response = &endpoint.response;
    let method = endpoint.method.as_ref()?;
    let path_lit = endpoint.path_lit.as_ref()?;
    let write_path = write_path(endpoint)?;
    let query = query_fn(endpoint);
    let body = body_fn(endpoint);
    let headers = headers_fn(endpoint);
    let idempotent = endpoint.idempotent.then(|| {
        quote!(
            #[inline]
            fn idempotent(&self) -> bool {
                true
            }
        )
    });
    let debug = debug_impl(endpoint);
    let constructors = constructors(endpoint);
    let checks = option_checks(endpoint);
    Some(wrap(
        endpoint,
        quote! {
            #[automatically_derived]
            impl __stytch::Endpoint for #ident {
                type Response = #response;
                const METHOD: __stytch::Method = __stytch::Method::#method;
                const PATH_TEMPLATE: &'static str = #path_lit;
                #write_path
                #query
                #body
                #headers
                #idempotent
            }
            #debug
            #constructors
            #checks
        },
    ))
}

/// The `const _` block: the struct's `cfg`, lints the user's `deny(warnings)` must not see
/// (deprecated fields are used, `set__id` is not snake case, private setters may go unused),
/// and the one path to the runtime.
fn wrap(endpoint: &Endpoint, body: TokenStream) -> TokenStream {
    let krate = &endpoint.krate;
    let cfgs = &endpoint.cfgs;
    quote! {
        #(#cfgs)*
        #[allow(deprecated, non_snake_case, dead_code)]
        const _: () = {
            use #krate::__private as __stytch;
            #body
        };
    }
}

/// Where a field's generated code reports errors: its type, first token to last. Trait bounds
/// are checked through `<Type as Trait>` with the user's own type tokens, so rustc reports a
/// missing impl at the field's type (never inside the runtime's private API).
struct FieldSpans {
    lo: Span,
    hi: Span,
}

impl FieldSpans {
    fn of(field: &Field) -> Self {
        let tokens = field.ty.to_token_stream();
        let mut trees = tokens.into_iter();
        let first = trees.next().map_or_else(Span::call_site, |t| t.span());
        let last = trees.last().map_or(first, |t| t.span());
        Self {
            lo: Span::call_site().located_at(first),
            hi: Span::call_site().located_at(last),
        }
    }

    /// `&<base>.<field>`, spanning the field's type.
    fn borrow(&self, field: &Field, base: TokenStream) -> TokenStream {
        let mut member = field.ident.clone();
        member.set_span(self.hi);
        let lo = self.lo;
        quote_spanned!(lo=> &#base.#member)
    }

    /// `&*__stytch_value`, spanning the field's type.
    fn value(&self) -> TokenStream {
        let value = proc_macro2::Ident::new("__stytch_value", self.hi);
        let lo = self.lo;
        quote_spanned!(lo=> &*#value)
    }

    /// A string literal located at the field (an interpolated `String` would be at the
    /// attribute, and stretch every error span up to it).
    fn str(&self, value: &str) -> proc_macro2::Literal {
        let mut literal = proc_macro2::Literal::string(value);
        literal.set_span(self.lo);
        literal
    }
}

/// `<ty as __stytch::OptionField>`, located at the field.
fn as_option(ty: &syn::Type, lo: Span) -> TokenStream {
    quote_spanned!(lo=> <#ty as __stytch::OptionField>)
}

fn fields_at<'a>(endpoint: &'a Endpoint, location: &'a Location) -> impl Iterator<Item = &'a Field> + 'a {
    endpoint.fields.iter().filter(move |f| &f.location == location)
}

fn write_path(endpoint: &Endpoint) -> Option<TokenStream> {
    let mut pushes = Vec::new();
    for piece in &endpoint.template.as_ref()?.pieces {
        pushes.push(match piece {
            Piece::Literal(text) => quote!(__stytch_out.push_str(#text);),
            Piece::Capture(name) => {
                let field = endpoint.fields.iter().find(|f| &f.name() == name)?;
                let spans = FieldSpans::of(field);
                let (ty, value, lo) = (&field.ty, spans.borrow(field, quote!(self)), spans.lo);
                let name = spans.str(name);
                quote_spanned! {lo=>
                    __stytch::push_segment(__stytch_out, #name, &<#ty as __stytch::PathParam>::segment(#value))?;
                }
            }
        });
    }
    Some(quote! {
        #[inline]
        fn write_path(&self, __stytch_out: &mut ::std::string::String) -> ::std::result::Result<(), __stytch::Error> {
            #(#pushes)*
            ::std::result::Result::Ok(())
        }
    })
}

/// One `__stytch_pairs.push(..)` per field at `location`: the form-encoded pairs of a query
/// string, or of a `form` body.
fn pair_pushes(endpoint: &Endpoint, location: &Location) -> Vec<TokenStream> {
    fields_at(endpoint, location)
        .map(|f| {
            let (cfgs, ty, inner) = (&f.cfgs, &f.ty, &f.inner_ty);
            let spans = FieldSpans::of(f);
            let key = spans.str(&f.wire_name);
            let (field, lo) = (spans.borrow(f, quote!(self)), spans.lo);
            let code = match f.optionality {
                Optionality::Required => quote_spanned! {lo=>
                    __stytch_pairs.push(#key, <#ty as __stytch::serde::Serialize>::serialize(#field, __stytch::QueryValue))?;
                },
                Optionality::Optional | Optionality::Nullable => {
                    let option = as_option(ty, lo);
                    quote_spanned! {lo=>
                        if let ::std::option::Option::Some(__stytch_value) = #option::get(#field) {
                            __stytch_pairs.push(#key, <#inner as __stytch::serde::Serialize>::serialize(__stytch_value, __stytch::QueryValue))?;
                        }
                    }
                }
            };
            quote_spanned!(lo=> #(#cfgs)* { #code })
        })
        .collect()
}

fn query_fn(endpoint: &Endpoint) -> Option<TokenStream> {
    let pushes = pair_pushes(endpoint, &Location::Query);
    if pushes.is_empty() {
        return None;
    }
    Some(quote! {
        #[inline]
        fn query(&self) -> ::std::result::Result<::std::option::Option<::std::string::String>, __stytch::Error> {
            let mut __stytch_pairs = __stytch::Query::new();
            #(#pushes)*
            ::std::result::Result::Ok(__stytch_pairs.finish())
        }
    })
}

/// The body of a `form` endpoint: its body fields as `key=value` pairs, by the query rules.
fn form_body_fn(endpoint: &Endpoint) -> TokenStream {
    let pushes = pair_pushes(endpoint, &Location::Body);
    quote! {
        #[inline]
        fn body(&self) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<u8>>, __stytch::Error> {
            let mut __stytch_pairs = __stytch::Query::new();
            #(#pushes)*
            ::std::result::Result::Ok(::std::option::Option::Some(__stytch_pairs.finish().unwrap_or_default().into_bytes()))
        }
    }
}

fn body_fn(endpoint: &Endpoint) -> Option<TokenStream> {
    let fields: Vec<&Field> = fields_at(endpoint, &Location::Body).collect();
    if fields.is_empty() && !endpoint.has_body() {
        return None;
    }
    if endpoint.form.is_some() {
        return Some(form_body_fn(endpoint));
    }
    let ident = &endpoint.ident;
    let name = ident.unraw().to_string();
    let count = fields.len();
    let writes = fields.iter().map(|f| {
        let cfgs = &f.cfgs;
        let spans = FieldSpans::of(f);
        let (field, lo, key, value) = (spans.borrow(f, quote!(self.0)), spans.lo, spans.str(&f.wire_name), spans.value());
        let code = match f.optionality {
            Optionality::Required => quote_spanned! {lo=>
                __stytch::serde::ser::SerializeStruct::serialize_field(&mut __stytch_state, #key, #field)?;
            },
            Optionality::Optional | Optionality::Nullable => {
                let option = as_option(&f.ty, lo);
                quote_spanned! {lo=>
                    match #option::get(#field) {
                        ::std::option::Option::Some(__stytch_value) => __stytch::serde::ser::SerializeStruct::serialize_field(&mut __stytch_state, #key, #value)?,
                        ::std::option::Option::None => __stytch::serde::ser::SerializeStruct::skip_field(&mut __stytch_state, #key)?,
                    }
                }
            }
        };
        quote_spanned!(lo=> #(#cfgs)* { #code })
    });
    Some(quote! {
        #[inline]
        fn body(&self) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<u8>>, __stytch::Error> {
            struct __StytchBody<'__stytch>(&'__stytch #ident);
            impl __stytch::serde::Serialize for __StytchBody<'_> {
                fn serialize<__S: __stytch::serde::Serializer>(
                    &self,
                    __stytch_serializer: __S,
                ) -> ::std::result::Result<<__S as __stytch::serde::Serializer>::Ok, <__S as __stytch::serde::Serializer>::Error> {
                    let mut __stytch_state = __stytch::serde::Serializer::serialize_struct(__stytch_serializer, #name, #count)?;
                    #(#writes)*
                    __stytch::serde::ser::SerializeStruct::end(__stytch_state)
                }
            }
            __stytch::json_body(&__StytchBody(self)).map(::std::option::Option::Some)
        }
    })
}

fn headers_fn(endpoint: &Endpoint) -> Option<TokenStream> {
    let content_type = endpoint
        .form
        .map(|_| quote!(__stytch::form_content_type(__stytch_headers);));
    let inserts: Vec<TokenStream> = content_type
        .into_iter()
        .chain(endpoint.fields.iter().filter_map(|f| {
            let spans = FieldSpans::of(f);
            let (field, lo, ty) = (spans.borrow(f, quote!(self)), spans.lo, &f.ty);
            let code = match &f.location {
                Location::Header(name) => {
                    let lower = spans.str(&name.value().to_ascii_lowercase());
                    let sensitive = syn::LitBool::new(f.sensitive, lo);
                    quote_spanned! {lo=>
                        __stytch::insert_header(
                            __stytch_headers,
                            __stytch::HeaderName::from_static(#lower),
                            <#ty as __stytch::HeaderText>::header_text(#field),
                            #sensitive,
                        )?;
                    }
                }
                Location::Headers => quote_spanned! {lo=>
                    <#ty as __stytch::HeaderOptions>::apply(#field, __stytch_headers)?;
                },
                _ => return None,
            };
            let cfgs = &f.cfgs;
            Some(quote_spanned!(lo=> #(#cfgs)* { #code }))
        }))
        .collect();
    if inserts.is_empty() {
        return None;
    }
    Some(quote! {
        #[inline]
        fn headers(&self, __stytch_headers: &mut __stytch::HeaderMap) -> ::std::result::Result<(), __stytch::Error> {
            #(#inserts)*
            ::std::result::Result::Ok(())
        }
    })
}

fn debug_impl(endpoint: &Endpoint) -> TokenStream {
    let ident = &endpoint.ident;
    let name = ident.unraw().to_string();
    let fields = endpoint.fields.iter().map(|f| {
        let cfgs = &f.cfgs;
        let spans = FieldSpans::of(f);
        let (field, lo, key) = (spans.borrow(f, quote!(self)), spans.lo, spans.str(&f.name()));
        let ty = &f.ty;
        let value = match (f.sensitive, f.optionality) {
            (false, _) => quote_spanned!(lo=> &__stytch::DebugField(#field, <#ty as ::std::fmt::Debug>::fmt)),
            (true, Optionality::Required) => quote_spanned!(lo=> &__stytch::Redacted),
            (true, _) => {
                let option = as_option(&f.ty, lo);
                quote_spanned!(lo=> &#option::get(#field).map(|_| __stytch::Redacted))
            }
        };
        quote_spanned!(lo=> #(#cfgs)* { ::std::fmt::DebugStruct::field(&mut __stytch_debug, #key, #value); })
    });
    quote! {
        #[automatically_derived]
        impl ::std::fmt::Debug for #ident {
            #[inline]
        fn fmt(&self, __stytch_f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut __stytch_debug = ::std::fmt::Formatter::debug_struct(__stytch_f, #name);
                #(#fields)*
                ::std::fmt::DebugStruct::finish(&mut __stytch_debug)
            }
        }
    }
}

/// `new`, the setters and `Default`. Also emitted by the fallback, so a method name that
/// collides (already reported) is emitted once.
fn constructors(endpoint: &Endpoint) -> TokenStream {
    let ident = &endpoint.ident;
    let required: Vec<&Field> = endpoint
        .fields
        .iter()
        .filter(|f| f.optionality == Optionality::Required)
        .collect();
    let params = required.iter().map(|f| {
        let (ident, cfgs, ty) = (&f.ident, &f.cfgs, param_type(f));
        quote!(#(#cfgs)* #ident: #ty)
    });
    let inits = endpoint.fields.iter().map(|f| {
        let (ident, cfgs) = (&f.ident, &f.cfgs);
        let value = match f.optionality {
            Optionality::Required => quote!(::std::convert::Into::into(#ident)),
            _ => {
                let lo = FieldSpans::of(f).lo;
                let option = as_option(&f.ty, lo);
                quote_spanned!(lo=> #option::none())
            }
        };
        quote!(#(#cfgs)* #ident: #value)
    });
    let new_doc = if required.is_empty() {
        "Creates the request with every optional field unset.".to_owned()
    } else {
        let names: Vec<String> = required.iter().map(|f| format!("`{}`", f.name())).collect();
        format!(
            "Creates the request from its required fields ({}); optional fields start unset.",
            names.join(", ")
        )
    };
    let mut taken: HashSet<String> = HashSet::from(["new".to_owned()]);
    let setters: Vec<TokenStream> = endpoint
        .fields
        .iter()
        .filter(|f| f.optionality != Optionality::Required)
        .filter(|f| f.methods().iter().all(|m| taken.insert(m.unraw().to_string())))
        .map(setter_methods)
        .collect();
    let default = default_impl(endpoint, &required);
    // Parameters are named after their fields (for rustdoc and IDE hints). A function of the
    // same name in this block shadows any user constant or static so named, which would
    // otherwise turn the parameter into a constant pattern; these are never called.
    let shadows = endpoint.fields.iter().map(|f| &f.ident);
    quote! {
        #(fn #shadows() {})*
        #[automatically_derived]
        impl #ident {
            #[doc = #new_doc]
            #[allow(clippy::too_many_arguments)]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits),* }
            }
            #(#setters)*
        }
        #default
    }
}

/// `Default` when nothing is required (or every required field is behind a `cfg` that is off),
/// unless the user derives it.
fn default_impl(endpoint: &Endpoint, required: &[&Field]) -> Option<TokenStream> {
    if endpoint.derives_default || required.iter().any(|f| f.cfgs.is_empty()) {
        return None;
    }
    let ident = &endpoint.ident;
    let gates: Vec<TokenStream> = required
        .iter()
        .map(|f| {
            let predicates = f
                .cfgs
                .iter()
                .filter_map(|cfg| cfg.parse_args::<TokenStream>().ok());
            quote!(all(#(#predicates),*))
        })
        .collect();
    let gate = (!gates.is_empty()).then(|| quote!(#[cfg(not(any(#(#gates),*)))]));
    Some(quote! {
        #gate
        #[automatically_derived]
        impl ::std::default::Default for #ident {
            fn default() -> Self {
                Self::new()
            }
        }
    })
}

fn setter_methods(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let (vis, ty, cfgs, docs, deprecated) =
        (&field.vis, &field.ty, &field.cfgs, &field.docs, &field.deprecated);
    let param = param_type(field);
    let name = field.name();
    let methods = field.methods();
    let set_ident = &methods[1];
    let attrs = quote!(#(#cfgs)* #(#deprecated)*);
    let lo = FieldSpans::of(field).lo;
    let (option, inner) = (as_option(ty, lo), as_option(&field.inner_ty, lo));
    let (value_doc, value) = match field.optionality {
        Optionality::Nullable => (
            format!("Sets `{name}` to a value (`{name}_null` sends an explicit `null`)."),
            quote_spanned!(lo=> #option::some(#inner::some(::std::convert::Into::into(#ident)))),
        ),
        _ => (
            format!("Sets `{name}`."),
            quote_spanned!(lo=> #option::some(::std::convert::Into::into(#ident))),
        ),
    };
    let null = (field.optionality == Optionality::Nullable).then(|| {
        let null_ident = &methods[2];
        let doc = format!("Sends `{name}` as an explicit `null`.");
        let value = quote_spanned!(lo=> #option::some(#inner::none()));
        quote! {
            #[doc = #doc]
            #attrs
            #vis fn #null_ident(mut self) -> Self {
                self.#ident = #value;
                self
            }
        }
    });
    let set_doc = format!("Sets `{name}` as a whole (`None` leaves it off the wire).");
    quote! {
        #[doc = #value_doc]
        #[doc = ""]
        #(#docs)*
        #attrs
        #vis fn #ident(mut self, #ident: #param) -> Self {
            self.#ident = #value;
            self
        }
        #[doc = #set_doc]
        #attrs
        #vis fn #set_ident(mut self, #ident: #ty) -> Self {
            self.#ident = #ident;
            self
        }
        #null
    }
}

/// A required field must not be an `Option` under another name (`type Maybe<T> = Option<T>`):
/// it would be sent as `null`. Checked at compile time, reported at the field.
fn option_checks(endpoint: &Endpoint) -> Option<TokenStream> {
    let checks: Vec<TokenStream> = endpoint
        .fields
        .iter()
        // `Self` cannot be named outside the struct's impls.
        .filter(|f| f.check_not_option && f.location != Location::Path && !mentions_self(&f.ty))
        .filter(|f| !plainly_not_option(&f.ty))
        .map(|f| {
            let (ty, cfgs) = (&f.ty, &f.cfgs);
            let lo = FieldSpans::of(f).lo;
            let message = format!(
                "field `{}` is an `Option` under another name: mark it #[endpoint(optional)] (left out when None) or #[endpoint(required)] (None sent as null)",
                f.name()
            );
            quote_spanned! {lo=>
                #(#cfgs)*
                const _: () = if <__stytch::IsOption<#ty>>::VALUE {
                    ::std::panic!(#message)
                };
            }
        })
        .collect();
    (!checks.is_empty()).then(|| quote!(use __stytch::NotOption as _; #(#checks)*))
}

/// Types no alias of `Option` hides behind (the common required fields), so the check is not
/// generated for them: std's and this crate's own names, references, arrays and tuples.
fn plainly_not_option(ty: &syn::Type) -> bool {
    const NAMES: [&str; 22] = [
        "String", "Vec", "Secret", "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8",
        "i16", "i32", "i64", "i128", "isize", "f32", "f64", "HashMap", "BTreeMap",
    ];
    match ast::peel(ty) {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|segment| NAMES.iter().any(|name| segment.ident == name)),
        syn::Type::Reference(_) | syn::Type::Array(_) | syn::Type::Slice(_) | syn::Type::Tuple(_) => true,
        _ => false,
    }
}

fn mentions_self(ty: &syn::Type) -> bool {
    fn walk(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) => ident == "Self",
            proc_macro2::TokenTree::Group(group) => walk(group.stream()),
            _ => false,
        })
    }
    walk(ty.to_token_stream())
}

/// The parameter type of `new` and setters: `impl Into<T>`, except for primitive numbers and
/// `bool`, which are taken as `T` so that literals like `60` infer their type.
fn param_type(field: &Field) -> TokenStream {
    let ty = &field.value_ty;
    const PRIMITIVES: [&str; 15] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
        "bool",
    ];
    let is_primitive = matches!(ast::peel(ty), syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.len() == 1
        && PRIMITIVES.iter().any(|name| p.path.segments[0].ident == name));
    let lo = FieldSpans::of(field).lo;
    if is_primitive {
        quote!(#ty)
    } else {
        quote_spanned!(lo=> impl ::std::convert::Into<#ty>)
    }
}
