//! The macro's errors in an edition-2015 crate: they must read as the macro's messages, not as
//! "cannot find `core`" (`::core` means the crate root in 2015). The cases live with the other
//! UI cases, in `stytch-macros/tests/ui/edition2015`; this package only compiles them as 2015.

extern crate trybuild;

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("../tests/ui/edition2015/*.rs");
}
