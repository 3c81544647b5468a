// Mistake: count_related on a foreign key
// expect: author
// fix: select_related
use related::prelude::*;
#[derive(Clone, Debug, related::Model)]
pub struct Author { pub id: i64, pub name: String }
#[derive(Clone, Debug, related::Model)]
pub struct Post { pub id: i64, pub author: ForeignKey<Author>, pub author_count: Counted<Author> }
fn main() { let _ = Post::query().count_related(Post::author(), Post::author_count()); }
