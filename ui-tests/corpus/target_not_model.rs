// Mistake: relation to a struct without the derive.
// expect: Draft
// fix: derive
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug)]
pub struct Draft { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Note {
    pub id: i64,
    pub draft: ForeignKey<Draft>,
}

fn main() {
}
