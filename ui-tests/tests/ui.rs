//! Every compile-time promise of `related` as a trybuild case: the failing
//! ones with the exact error text a user sees, the passing ones as proof that
//! each relation kind derives and queries cleanly.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/fail/*.rs");
    t.pass("tests/pass/*.rs");
}
