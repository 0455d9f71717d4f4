//! The struct as re-emitted: the macro's own attributes removed. Used on success and, beside
//! the errors, on failure, so the rest of the user's crate and rust-analyzer keep working.

use crate::attr;
use crate::errors;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use syn::DeriveInput;

/// The item with every `#[endpoint(...)]` (and a second endpoint attribute) removed, and
/// `#[serde(...)]` removed too unless the struct derives a serde trait itself (otherwise the
/// attribute would not resolve). Attributes the macro refused are removed as well, so rustc does
/// not report them a second time.
pub fn strip(input: &DeriveInput) -> DeriveInput {
    let mut item = input.clone();
    let derived = attr::derived_traits(&item.attrs);
    let keep_serde = attr::any_named(&derived, "Serialize") || attr::any_named(&derived, "Deserialize");
    // Attributes that would not resolve once the macro is done, or that it already refused.
    let removed = |a: &syn::Attribute| {
        let mut refused = errors::Errors::default();
        attr::check_cfg_attr(std::slice::from_ref(a), &mut refused);
        !refused.is_empty() || (!keep_serde && a.path().is_ident("serde"))
    };
    item.attrs
        .retain(|a| !(attr::is_struct_endpoint_attr(a) || removed(a)));
    if let syn::Data::Struct(data) = &mut item.data {
        for field in data.fields.iter_mut() {
            field.attrs.retain(|a| {
                let renamed = derived.is_empty() && attr::looks_like_renamed_field_attr(a);
                !(attr::is_endpoint_attr(a) || renamed || removed(a))
            });
        }
    }
    item
}

/// The stripped item, the errors, and what could still be generated for it (`new` and the
/// setters), so that callers see the macro's errors and nothing else.
pub fn emit(item: &DeriveInput, error: &syn::Error, stubs: Option<TokenStream>) -> TokenStream {
    let error = errors::to_compile_error(error);
    quote!(#item #error #stubs)
}

/// What `#[endpoint]` says when the item is not a struct at all (a `fn`, an `impl`, ...), or
/// is a struct syn cannot read: the item unchanged, and one error at its keyword.
pub fn not_a_struct(item: TokenStream, error: &syn::Error) -> TokenStream {
    let mut trees = item.clone().into_iter().peekable();
    let mut keyword = None;
    while let Some(tree) = trees.next() {
        match &tree {
            // `#[...]` attributes and `pub(crate)` visibilities.
            TokenTree::Punct(p) if p.as_char() == '#' => {
                trees.next();
            }
            TokenTree::Group(_) | TokenTree::Literal(_) => {}
            TokenTree::Ident(ident) => {
                let qualifier = match ident.to_string().as_str() {
                    "pub" | "unsafe" | "async" | "extern" | "default" | "auto" => true,
                    "const" => {
                        matches!(trees.peek(), Some(TokenTree::Ident(next)) if next == "fn" || next == "unsafe" || next == "async" || next == "extern")
                    }
                    _ => false,
                };
                if !qualifier {
                    keyword = Some(ident.clone());
                    break;
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
    let error = match keyword {
        Some(keyword) if !matches!(keyword.to_string().as_str(), "struct" | "enum" | "union") => {
            syn::Error::new(
                keyword.span(),
                format!("#[endpoint] goes on a struct with named fields, not on `{keyword}` items"),
            )
        }
        Some(_) => error.clone(),
        None => syn::Error::new(
            Span::call_site(),
            "#[endpoint] goes on a struct with named fields",
        ),
    };
    let error = errors::to_compile_error(&error);
    quote!(#item #error)
}
