// Mistake: a model that borrows its text (// Mistake: a_lifetime'a str).
// expect: cannot borrow
// fix: String
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post<'a> { pub id: i64, pub title: &'a str }

fn main() {}
