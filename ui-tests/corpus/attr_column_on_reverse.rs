// Mistake: a column attribute on a reverse field
// expect: column
// fix: Post::author
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Author { pub id: i64, #[related(reverse = Post::author, column = "author_id")] pub posts: Reverse<Post> } #[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, pub author: ForeignKey<Author> } fn main() {}
