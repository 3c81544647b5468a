// A ManyToMany with every name defaulted, including a self-referencing one.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct BlogPost {
    pub id: i64,
    pub tags: ManyToMany<Tag>,
    pub related_posts: ManyToMany<BlogPost>,
}

fn main() {
    let _ = BlogPost::query().prefetch_related(BlogPost::tags());
    let _ = BlogPost::query().prefetch_related(BlogPost::related_posts().then(BlogPost::tags()));

    let info = BlogPost::info();
    assert_eq!(info.table, "blog_post");
    assert_eq!(info.columns.len(), 1);
    assert_eq!(
        (info.relations[0])().kind,
        related::RelationKind::ManyToMany {
            through: "blog_post_tags",
            source_column: "blog_post_id",
            target_column: "tag_id",
        }
    );
    assert_eq!(
        (info.relations[1])().kind,
        related::RelationKind::ManyToMany {
            through: "blog_post_related_posts",
            source_column: "from_blog_post_id",
            target_column: "to_blog_post_id",
        }
    );
}
