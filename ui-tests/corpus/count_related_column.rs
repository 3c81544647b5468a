// Mistake: count_related storing into a column instead of a Counted field.
// expect: views
// fix: Counted
#[path = "common/models.rs"]
mod models;
#[allow(unused_imports)]
use models::*;
#[allow(unused_imports)]
use related::prelude::*;

fn main() {
    let _ = Post::query().count_related(Post::comments(), Post::views());
}
