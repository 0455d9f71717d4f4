//! Compile-time behaviour of `#[endpoint]`: what compiles (`ui/pass`) and the exact, spanned
//! errors for what does not (`ui/fail`). The `.stderr` snapshots match the pinned toolchain in
//! rust-toolchain.toml; regenerate with `TRYBUILD=overwrite cargo test -p stytch-macros --test ui`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
