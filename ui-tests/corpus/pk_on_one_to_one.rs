// Mistake: the primary key on a OneToOne field (Django's parent_link).
// expect: primary_key
// fix: OneToOne
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Profile { #[related(primary_key)] pub author: OneToOne<Author>, pub bio: String }

fn main() {}
