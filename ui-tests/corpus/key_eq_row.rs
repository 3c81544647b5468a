// Mistake: a row where its key goes (Django's filter(author=author)).
// expect: Author
// fix: row.id
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn f(a: &Author) { let _ = Post::query().filter(Post::author_id().eq(a)); } fn main() {}
