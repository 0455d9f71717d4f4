//! The struct as re-emitted: the macro's own attributes removed. Used on success and, beside
//! `compile_error!`, on failure, so the rest of the user's crate and rust-analyzer keep working.

use crate::attr;
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// The item with every `#[endpoint(...)]` removed, and `#[serde(...)]` removed too unless the
/// struct derives a serde trait itself (otherwise the attribute would not resolve).
pub fn strip(input: &DeriveInput) -> DeriveInput {
    let mut item = input.clone();
    let keep_serde = attr::derived_traits(&item.attrs).iter().any(|path| {
        path.segments
            .last()
            .is_some_and(|s| s.ident == "Serialize" || s.ident == "Deserialize")
    });
    let strip_attrs = |attrs: &mut Vec<syn::Attribute>| {
        attrs.retain(|a| !attr::is_endpoint_attr(a) && (keep_serde || !a.path().is_ident("serde")));
    };
    strip_attrs(&mut item.attrs);
    match &mut item.data {
        syn::Data::Struct(data) => data.fields.iter_mut().for_each(|f| strip_attrs(&mut f.attrs)),
        syn::Data::Enum(data) => data
            .variants
            .iter_mut()
            .flat_map(|v| v.fields.iter_mut())
            .for_each(|f| strip_attrs(&mut f.attrs)),
        syn::Data::Union(data) => data
            .fields
            .named
            .iter_mut()
            .for_each(|f| strip_attrs(&mut f.attrs)),
    }
    item
}

/// The stripped item followed by the errors.
pub fn emit(input: &DeriveInput, error: &syn::Error) -> TokenStream {
    let item = strip(input);
    let errors = error.to_compile_error();
    quote!(#item #errors)
}
