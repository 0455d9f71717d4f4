//! Code generation. The output is data-only and small: one `Endpoint` impl, a borrowed body
//! serializer, a redacting `Debug`, `new` and setters. All I/O lives in the client's one generic
//! `send`.

use crate::ast::{self, Endpoint, Field, Location, Optionality};
use crate::errors::Errors;
use crate::path::Piece;
use crate::{attr, fallback, valid};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::DeriveInput;
use syn::ext::IdentExt;

/// The whole macro: parse, model, validate, then generate or fall back.
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#item #error);
        }
    };
    let mut errors = Errors::default();
    let args = attr::parse_struct_args(args, &mut errors);
    valid::check_item(&input, &mut errors);
    let endpoint = ast::build(&input, args, &mut errors);
    if let Some(endpoint) = &endpoint {
        valid::check_endpoint(endpoint, &mut errors);
    }
    match (errors.finish(), endpoint) {
        (Ok(()), Some(endpoint)) => {
            let item = fallback::strip(&input);
            let generated = generate(&endpoint);
            quote!(#item #generated)
        }
        (Err(error), _) => fallback::emit(&input, &error),
        (Ok(()), None) => fallback::emit(
            &input,
            &syn::Error::new(
                proc_macro2::Span::call_site(),
                "#[endpoint] could not read this item",
            ),
        ),
    }
}

fn generate(endpoint: &Endpoint) -> TokenStream {
    let krate = &endpoint.krate;
    let p = quote!(#krate::__private);
    let ident = &endpoint.ident;
    let response = &endpoint.response;
    let method = &endpoint.method;
    let path_lit = &endpoint.path_lit;

    let write_path = write_path(endpoint, &p);
    let query = query_fn(endpoint, &p);
    let body = body_fn(endpoint, &p);
    let headers = headers_fn(endpoint, &p);
    let idempotent = endpoint.idempotent.then(|| {
        quote!(
            fn idempotent(&self) -> bool {
                true
            }
        )
    });
    let debug = debug_impl(endpoint, &p);
    let constructors = constructors(endpoint);

    quote! {
        const _: () = {
            #[automatically_derived]
            impl #p::Endpoint for #ident {
                type Response = #response;
                const METHOD: #p::Method = #p::Method::#method;
                const PATH_TEMPLATE: &'static str = #path_lit;
                #write_path
                #query
                #body
                #headers
                #idempotent
            }
            #debug
            #constructors
        };
    }
}

fn fields_at<'a>(endpoint: &'a Endpoint, location: &'a Location) -> impl Iterator<Item = &'a Field> + 'a {
    endpoint.fields.iter().filter(move |f| &f.location == location)
}

fn write_path(endpoint: &Endpoint, p: &TokenStream) -> TokenStream {
    let pushes = endpoint.template.pieces.iter().map(|piece| match piece {
        Piece::Literal(text) => quote!(out.push_str(#text);),
        Piece::Capture(name) => {
            let field = endpoint
                .fields
                .iter()
                .find(|f| &f.name() == name)
                .expect("validated: every capture has a field");
            let ident = &field.ident;
            quote_spanned!(field.ty_span()=> #p::push_segment(out, #name, &self.#ident)?;)
        }
    });
    quote! {
        fn write_path(&self, out: &mut ::std::string::String) -> ::std::result::Result<(), #p::Error> {
            #(#pushes)*
            ::std::result::Result::Ok(())
        }
    }
}

fn query_fn(endpoint: &Endpoint, p: &TokenStream) -> Option<TokenStream> {
    let fields: Vec<&Field> = fields_at(endpoint, &Location::Query).collect();
    if fields.is_empty() {
        return None;
    }
    let pushes = fields.iter().map(|f| {
        let ident = &f.ident;
        let key = &f.wire_name;
        quote!(query.push(#key, &self.#ident)?;)
    });
    Some(quote! {
        fn query(&self) -> ::std::result::Result<::std::option::Option<::std::string::String>, #p::Error> {
            let mut query = #p::Query::new();
            #(#pushes)*
            ::std::result::Result::Ok(query.finish())
        }
    })
}

fn body_fn(endpoint: &Endpoint, p: &TokenStream) -> Option<TokenStream> {
    let fields: Vec<&Field> = fields_at(endpoint, &Location::Body).collect();
    let method_has_body = matches!(endpoint.method.to_string().as_str(), "POST" | "PUT" | "PATCH");
    if fields.is_empty() && !method_has_body {
        return None;
    }
    let ident = &endpoint.ident;
    let name = ident.unraw().to_string();
    let count = fields.len();
    let writes = fields.iter().map(|f| {
        let ident = &f.ident;
        let key = &f.wire_name;
        match f.optionality {
            Optionality::Required => quote!(state.serialize_field(#key, &self.0.#ident)?;),
            Optionality::Optional | Optionality::Nullable => quote! {
                match &self.0.#ident {
                    ::std::option::Option::Some(value) => state.serialize_field(#key, value)?,
                    ::std::option::Option::None => state.skip_field(#key)?,
                }
            },
        }
    });
    let serde = quote!(#p::serde);
    Some(quote! {
        fn body(&self) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<u8>>, #p::Error> {
            struct Body<'a>(&'a #ident);
            impl #serde::Serialize for Body<'_> {
                fn serialize<S: #serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    use #serde::ser::SerializeStruct as _;
                    let mut state = serializer.serialize_struct(#name, #count)?;
                    #(#writes)*
                    state.end()
                }
            }
            #p::json_body(&Body(self)).map(::std::option::Option::Some)
        }
    })
}

fn headers_fn(endpoint: &Endpoint, p: &TokenStream) -> Option<TokenStream> {
    let inserts: Vec<TokenStream> = endpoint
        .fields
        .iter()
        .filter_map(|f| {
            let ident = &f.ident;
            match &f.location {
                Location::Header(name) => {
                    let lower = name.value().to_ascii_lowercase();
                    let sensitive = f.sensitive;
                    Some(quote_spanned! {f.ty_span()=>
                        #p::insert_header(headers, #p::HeaderName::from_static(#lower), #p::HeaderText::header_text(&self.#ident), #sensitive)?;
                    })
                }
                Location::Headers => Some(quote_spanned! {f.ty_span()=>
                    #p::HeaderOptions::apply(&self.#ident, headers)?;
                }),
                _ => None,
            }
        })
        .collect();
    if inserts.is_empty() {
        return None;
    }
    Some(quote! {
        fn headers(&self, headers: &mut #p::HeaderMap) -> ::std::result::Result<(), #p::Error> {
            #(#inserts)*
            ::std::result::Result::Ok(())
        }
    })
}

fn debug_impl(endpoint: &Endpoint, p: &TokenStream) -> TokenStream {
    let ident = &endpoint.ident;
    let name = ident.unraw().to_string();
    let fields = endpoint.fields.iter().map(|f| {
        let ident = &f.ident;
        let key = f.name();
        if !f.sensitive {
            quote!(.field(#key, &self.#ident))
        } else if f.optionality == Optionality::Required {
            quote!(.field(#key, &#p::Redacted))
        } else {
            quote!(.field(#key, &self.#ident.as_ref().map(|_| #p::Redacted)))
        }
    });
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#name) #(#fields)* .finish()
            }
        }
    }
}

fn constructors(endpoint: &Endpoint) -> TokenStream {
    let ident = &endpoint.ident;
    let required: Vec<&Field> = endpoint
        .fields
        .iter()
        .filter(|f| f.optionality == Optionality::Required)
        .collect();
    let params = required.iter().map(|f| {
        let ident = &f.ident;
        let ty = &f.ty;
        let ty = param_type(ty);
        quote!(#ident: #ty)
    });
    let inits = endpoint.fields.iter().map(|f| {
        let ident = &f.ident;
        match f.optionality {
            Optionality::Required => quote!(#ident: ::std::convert::Into::into(#ident)),
            _ => quote!(#ident: ::std::option::Option::None),
        }
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
    let setters = endpoint
        .fields
        .iter()
        .filter(|f| f.optionality != Optionality::Required)
        .map(setter_pair);
    let default = (required.is_empty() && !endpoint.derives_default).then(|| {
        quote! {
            #[automatically_derived]
            impl ::std::default::Default for #ident {
                fn default() -> Self {
                    Self::new()
                }
            }
        }
    });
    quote! {
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

fn setter_pair(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let inner = &field.inner_ty;
    let param = param_type(inner);
    let set_ident = format_ident!("set_{}", field.ident.unraw());
    let docs = &field.docs;
    let name = field.name();
    let set_doc = format!("Sets or clears `{name}` (`None` leaves it off the wire).");
    let value_doc = if field.optionality == Optionality::Nullable {
        format!("Sets `{name}`; passing `None` sends an explicit `null`.")
    } else {
        format!("Sets `{name}`.")
    };
    quote! {
        #[doc = #value_doc]
        #[doc = ""]
        #(#docs)*
        pub fn #ident(mut self, value: #param) -> Self {
            self.#ident = ::std::option::Option::Some(::std::convert::Into::into(value));
            self
        }
        #[doc = #set_doc]
        pub fn #set_ident(mut self, value: ::std::option::Option<#inner>) -> Self {
            self.#ident = value;
            self
        }
    }
}

/// The parameter type of `new` and setters: `impl Into<T>`, except for primitive numbers and
/// `bool`, which are taken as `T` so that literals like `60` infer their type.
fn param_type(ty: &syn::Type) -> TokenStream {
    const PRIMITIVES: [&str; 15] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
        "bool",
    ];
    let is_primitive = matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.len() == 1
        && PRIMITIVES.iter().any(|name| p.path.segments[0].ident == name));
    if is_primitive {
        quote!(#ty)
    } else {
        quote!(impl ::std::convert::Into<#ty>)
    }
}

impl Field {
    /// Span of the field's type, so trait-bound errors point at it.
    fn ty_span(&self) -> proc_macro2::Span {
        syn::spanned::Spanned::span(&self.ty)
    }
}
