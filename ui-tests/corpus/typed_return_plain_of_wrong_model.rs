// Mistake: a returned set promising Plain<Publisher> below the author
// expect: Publisher
// fix: Plain<Author>
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

fn with_authors(db: &related::Sqlite) -> related::Result<Vec<Loaded<Post, impl PostHasAuthor<related::Plain<Publisher>>>>> {
    Post::query().select_related(Post::author()).fetch(db)
}
fn main() { let _ = with_authors; }
