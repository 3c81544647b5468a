// Mistake: a chain whose second hop lacks its parentheses.
// expect: publisher
// fix: Author::publisher()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() { let _ = Post::query().prefetch_related(Post::author().then(Author::publisher)); }
