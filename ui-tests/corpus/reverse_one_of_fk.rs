// Mistake: a ReverseOne mirroring a ForeignKey
// expect: author
// fix: Reverse<Post>
#[allow(unused_imports)]
use related::prelude::*;

#[derive(Clone, Debug, related::Model)] pub struct Author { pub id: i64, #[related(reverse = Post::author)] pub post: ReverseOne<Post> } #[derive(Clone, Debug, related::Model)] pub struct Post { pub id: i64, pub author: ForeignKey<Author> } fn main() {}
