// Django's `Post.objects.all()[:10]`: a query is not its rows. One error
// naming `.offset(..).limit(..)` and `.all(&db)?[i]`, not rustc's "cannot
// index into a value of type `Query<..>`".
#[path = "common/blog.rs"]
mod blog;

use blog::*;

fn main() {
    let _ = &Post::query()[..10];
}
