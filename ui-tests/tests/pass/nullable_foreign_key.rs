// `Option<ForeignKey<T>>`: a nullable key column, a LEFT JOIN.
use related::prelude::*;

#[derive(Clone, Debug, related::Model)]
pub struct Person {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, related::Model)]
pub struct Post {
    pub id: i64,
    pub author: ForeignKey<Person>,
    pub editor: Option<ForeignKey<Person>>,
}

fn main() {
    let _ = Post::query().select_related(Post::editor());
    let _ = Post::query()
        .select_related(Post::author())
        .select_related(Post::editor());
    let _ = Post::query().filter(Post::editor_id().is_null());
    let _ = Post::query().filter(Post::editor_id().eq(Some(3)));

    let editor = &Post::info().columns[2];
    assert_eq!(editor.name, "editor_id");
    assert!(editor.nullable);
    assert_eq!(
        (Post::info().relations[1])().kind,
        related::RelationKind::ForeignKey { column: "editor_id", nullable: true }
    );
}
