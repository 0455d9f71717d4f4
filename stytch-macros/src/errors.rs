//! An accumulator so that every problem in one declaration is reported at once, and the one
//! place errors become tokens.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use std::fmt::Display;

/// Collects spanned errors; [`Errors::finish`] turns them into one `syn::Error`.
#[derive(Default)]
pub struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    /// Records an error spanned on `tokens`.
    pub fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error at `span`.
    pub fn at(&mut self, span: Span, message: impl Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// Records an already built error.
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// Keeps the value of `result`, or records its error.
    pub fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(error);
                None
            }
        }
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok` when nothing was recorded, else all errors combined.
    pub fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            first.combine(error);
        }
        Err(first)
    }
}

/// `compile_error!` invocations for `error`, resolvable on every edition.
///
/// syn spells them `::core::compile_error! { "..." }` with the user's spans, and in an
/// edition-2015 crate `::core` then means the crate root, which has no `core`: the user saw
/// "cannot find `core`" instead of the message. The bare `compile_error!` resolves through the
/// standard macro prelude on every edition, and keeps the user's spans, so rustc underlines the
/// offending tokens exactly as before.
pub fn to_compile_error(error: &syn::Error) -> TokenStream {
    error
        .clone()
        .into_iter()
        .flat_map(|error| {
            error
                .to_compile_error()
                .into_iter()
                .skip_while(|tree| !matches!(tree, TokenTree::Ident(ident) if ident == "compile_error"))
        })
        .collect()
}
