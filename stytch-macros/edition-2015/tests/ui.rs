//! The macro's errors in an edition-2015 crate: they must read as the macro's messages, not as
//! "cannot find `core`" (`::core` means the crate root in 2015).

extern crate trybuild;

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
