// Mistake: the derive's Has trait used without importing it
// expect: PostHasAuthor
// fix: use
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;
#[allow(unused_imports)]
use related::Loaded;

mod views {
    use super::models::Post;
    use related::Loaded;
    pub fn byline<A>(post: &Loaded<Post, impl PostHasAuthor<A>>) -> String {
        post.author().name.clone()
    }
}
fn main() { let _ = views::byline::<()>; }
