// Mistake: a model without `#[derive(Clone)]`.
// expect: Clone
// fix: derive(Clone)
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub text: String,
}

fn main() {}
