//! The macro's errors in an edition-2015 crate: they must read as the macro's messages, not as
//! "cannot find `core`" (`::core` means the crate root in 2015). The cases live with the other
//! UI cases, in `stytch-macros/tests/ui/edition2015`; this package only compiles them as 2015.

extern crate trybuild;

#[test]
fn ui() {
    // trybuild builds every UI project under one `tests/trybuild` directory of the target dir.
    // This project's dependency set differs from stytch-macros' own, and sharing that directory
    // made each of the two rebuild ring, rustls, reqwest and stytch-client after the other ran;
    // a target dir of its own keeps both warm.
    if std::env::var_os("CARGO_TARGET_DIR").is_none() {
        std::env::set_var(
            "CARGO_TARGET_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/edition-2015"),
        );
    }
    trybuild::TestCases::new().compile_fail("../tests/ui/edition2015/*.rs");
}
