// Django's manager and QuerySet methods that have no counterpart: each is
// one error saying what to write instead.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub title: String,
}

fn main() {
    let _ = Post::objects();
    let _ = Post::query().get(Post::id().eq(1));
    let _ = Post::query().distinct();
    let _ = Post::query().values_list(Post::title());
    let _ = Post::query().annotate("n");
    let _ = Post::query().delete();
    let _ = Post::query().only(Post::title());
    let _ = Post::query().reverse();
    let _ = Post::query().last(());
    let _ = Post::query().latest(Post::id());
    let _ = Post::query().in_bulk(vec![1, 2]);
    let _ = Post::query().iterator();
    let _ = Post::query().select_for_update();
    let _ = Post::query().create(Post { id: 1, title: "x".into() });
    let _ = Post::query().inner_join(Post::id());
    let _ = Post::query().find_with_related(Post::id());
    let _ = Post::query().paginate((), 10);
}
