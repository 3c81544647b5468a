// Mistake: a Reverse (many) field mirroring a OneToOne
// expect: Profile::user
// fix: ReverseOne
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct User {
    pub id: i64,
    #[related(reverse = Profile::user)]
    pub profile: Reverse<Profile>,
}
#[derive(Clone, Debug, related::Model)]
pub struct Profile { pub id: i64, pub bio: String, pub user: OneToOne<User> }
fn main() {}
