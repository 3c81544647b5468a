// A ManyToMany naming its link table and columns.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    #[related(through = "blog_post_tags", source_column = "post", target_column = "tag")]
    pub tags: ManyToMany<Tag>,
}

fn main() {
    let _ = Post::query().prefetch_related(Post::tags());
    assert_eq!(
        (Post::info().relations[0])().kind,
        related::RelationKind::ManyToMany {
            through: "blog_post_tags",
            source_column: "post",
            target_column: "tag",
        }
    );
}
