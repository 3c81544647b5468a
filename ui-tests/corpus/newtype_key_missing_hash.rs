// Mistake: a newtype primary key without Eq and Hash
// expect: UserId
// fix: Hash
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Copy, Debug, related::Column)]
pub struct UserId(i64);
#[derive(Clone, Debug, related::Model)]
pub struct User { pub id: UserId, pub name: String }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub user: ForeignKey<User> }
fn main() {}
