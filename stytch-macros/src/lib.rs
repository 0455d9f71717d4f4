//! The `#[endpoint]` attribute macro behind `stytch-client`.
//!
//! Use it through `stytch_client::endpoint`; this crate knows nothing about Stytch and generates
//! code that names the runtime only through `::stytch_client::__private` (or the path given with
//! `crate = "..."`). The pipeline is parse (`attr`, `path`) → model (`ast`) → check
//! (`valid`) → generate (`expand`); on any error `fallback` re-emits the struct beside the
//! errors so the rest of the user's crate keeps compiling.

mod ast;
mod attr;
mod errors;
mod expand;
mod fallback;
mod path;
mod suggest;
mod valid;

use proc_macro::TokenStream;

/// Declares a Stytch API endpoint on a struct with named fields.
///
/// ```text
/// #[endpoint(POST, "/v1/b2b/passwords/authenticate")]                // response: AuthenticateResponse
/// #[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = GetResponse)]
/// #[endpoint(POST, "/v1/things", crate = "my_reexport::stytch_client", idempotent)]
/// ```
///
/// See the `stytch_client` crate documentation for the field attributes and what is generated.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(args);
    let item = proc_macro2::TokenStream::from(item);
    expand::endpoint(args, item).into()
}
