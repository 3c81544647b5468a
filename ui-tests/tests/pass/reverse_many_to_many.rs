// `Reverse<T>` mirroring a ManyToMany: the link table seen from the other side.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Tag::query().prefetch_related(Tag::posts());
    let _ = Tag::query().prefetch_related(Tag::posts().then(Post::tags()));

    assert_eq!(
        (Tag::info().relations[0])().kind,
        related::RelationKind::ReverseManyToMany {
            through: "post_tags",
            source_column: "tag_id",
            target_column: "post_id",
        }
    );
}
