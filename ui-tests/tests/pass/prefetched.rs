// A `Prefetched<T>` field as the target of a filtered prefetch, next to the
// relation's own field.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    pub python_tags: Prefetched<Tag>,
}

fn main() {
    let _ = Post::query()
        .prefetch_related(Post::tags())
        .prefetch(
            Prefetch::new(Post::tags())
                .filter(Tag::name().eq("python"))
                .to(Post::python_tags()),
        );

    // A Prefetched field is not a relation of the model.
    assert_eq!(Post::info().relations.len(), 1);
}
