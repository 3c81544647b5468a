// Mistake: a string compared with an enum column
// expect: status
// fix: Status
use related::prelude::*;
#[derive(Clone, Copy, Debug, PartialEq, related::Column)]
pub enum Status { Draft, Published }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub status: Status }
fn main() { let _ = Post::query().filter(Post::status().eq("draft")); }
