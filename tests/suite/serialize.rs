//! A loaded graph serializes to JSON (the `serde` feature).

use related_tests::blog::{self, Author, Post};
use related_tests::harness::{Case, Db};
use serde_json::json;

pub const CASES: &[Case] = &[Case::new(
    "serde::loaded_graph_to_json",
    loaded_graph_to_json,
)];

fn loaded_graph_to_json(db: &Db) {
    blog::seed(db, 3).unwrap();
    let posts = db
        .all(
            &Post::query()
                .select_related(Post::author())
                .prefetch_related(Post::tags())
                .filter(Post::id().eq(3i64)),
        )
        .unwrap();
    let value = serde_json::to_value(&posts[0]).unwrap();
    assert_eq!(
        value,
        json!({
            "id": 3,
            "title": "Post 3",
            "author": {
                "id": 4,
                "name": "Author 4",
                "email": "a4@example.com",
                // Not loaded: the key.
                "publisher": 2,
                // Not loaded: null.
                "posts": null
            },
            // A nullable key: the editor of post 3 is author 9, not loaded.
            "editor": 9,
            "tags": [
                {"id": 2, "name": "tag2", "posts": null},
                {"id": 4, "name": "tag4", "posts": null},
                {"id": 5, "name": "tag5", "posts": null},
                {"id": 7, "name": "tag7", "posts": null}
            ],
            "python_tags": null
        })
    );
    let authors = db
        .all(&Author::query().filter(Author::id().eq(1i64)))
        .unwrap();
    assert_eq!(
        serde_json::to_value(&authors[0]).unwrap()["publisher"],
        json!(2)
    );
}
