// The blog of notes/EXPANSION.md: every field kind on one pair of models.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
#[related(table = "blog_post")]
pub struct Post {
    #[related(primary_key)]
    pub id: i64,
    #[related(column = "post_title")]
    pub title: String,
    pub body: Option<String>,
    pub author: ForeignKey<Author>,
    pub editor: Option<ForeignKey<Person>>,
    pub detail: OneToOne<Detail>,
    #[related(through = "blog_post_tags", source_column = "post_id", target_column = "tag_id")]
    pub tags: ManyToMany<Tag>,
    pub python_tags: Prefetched<Tag>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Author {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::author)]
    pub posts: Reverse<Post>,
    #[related(reverse = Profile::author)]
    pub profile: ReverseOne<Profile>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    #[related(reverse = Post::editor)]
    pub edited: Reverse<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Detail {
    pub id: i64,
    pub words: i32,
    #[related(reverse = Post::detail)]
    pub post: ReverseOne<Post>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Profile {
    pub id: i64,
    pub author: OneToOne<Author>,
}

#[derive(Clone, Debug, related::Model)]
pub struct Tag {
    pub id: i64,
    pub name: String,
    #[related(reverse = Post::tags)]
    pub posts: Reverse<Post>,
}

fn main() {
    let _ = Post::query()
        .select_related(Post::author().then(Author::profile()))
        .select_related(Post::editor())
        .select_related(Post::detail())
        .prefetch_related(Post::tags())
        .prefetch_related(Post::author().then(Author::posts()))
        .prefetch(
            Prefetch::new(Post::tags())
                .filter(Tag::name().eq("python"))
                .to(Post::python_tags()),
        )
        .filter(Post::author_id().eq(1) & Post::editor_id().is_null())
        .order_by(Post::id().desc())
        .limit(50);
    let _ = Detail::query().select_related(Detail::post().then(Post::author()));
    let _ = Person::query().prefetch_related(Person::edited().then(Post::tags()));

    let columns: Vec<_> = Post::info().columns.iter().map(|c| c.name).collect();
    assert_eq!(
        columns,
        ["id", "post_title", "body", "author_id", "editor_id", "detail_id"]
    );
    // Every relation field, forward and reverse, but not the Prefetched one.
    assert_eq!(Post::info().relations.len(), 4);
    assert_eq!(Author::info().relations.len(), 2);
}
