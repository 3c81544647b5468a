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

// The forward side in another module, named by its path there.
mod shop {
    use related::prelude::*;

    #[derive(Clone, Debug, related::Model)]
    pub struct Product {
        pub id: i64,
        pub labels: ManyToMany<super::Label>,
    }
}

#[derive(Clone, Debug, related::Model)]
pub struct Label {
    pub id: i64,
    #[related(reverse = shop::Product::labels)]
    pub products: Reverse<shop::Product>,
}

fn main() {
    // Either side of a many-to-many links (Django's `tag.posts.add(post)`).
    let _ = |db: &related::Sqlite| db.link(Tag::posts(), &1, &2);
    let _ = |db: &related::Sqlite| db.link(Label::products(), &1, &2);
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
