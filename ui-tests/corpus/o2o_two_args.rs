// Mistake: a OneToOne given the key type as a second argument, SeaORM-style
// expect: OneToOne
// fix: OneToOne<User>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct User { pub id: i64 }
#[derive(Clone, Debug, related::Model)]
pub struct Profile { pub id: i64, pub user: OneToOne<User, i64> }
fn main() {}
