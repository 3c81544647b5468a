// `ForeignKey::new` takes the target's key: a row given instead is one
// error naming `.id` and `ForeignKey::from(&row)`.
#[path = "common/blog.rs"]
mod blog;

use blog::*;
use related::prelude::*;

fn main() {
    let author = Author { id: 1, name: "Ann".into() };
    let _: ForeignKey<Author> = ForeignKey::new(author);
}
