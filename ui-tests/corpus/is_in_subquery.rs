// Mistake: is_in given a query (Django's author__in=Author.objects.filter(..))
// expect: author_id
// fix: Post::author()
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn main() { let _ = Post::query().filter(Post::author_id().is_in(Author::query().filter(Author::name().eq("Ann")))); }
