// Mistake: a ReverseOne field without its type argument
// expect: ReverseOne
// fix: ReverseOne<Profile>
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct User { pub id: i64, #[related(reverse = Profile::user)] pub profile: ReverseOne }
#[derive(Clone, Debug, related::Model)]
pub struct Profile { pub id: i64, pub user: OneToOne<User> }
fn main() {}
