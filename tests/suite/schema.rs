//! create_tables: tables, link tables, constraints and indexes.

use related::prelude::*;
use related::{Dialect, Error};
use related_tests::blog::{self, Author, Post, Publisher, Tag};
use related_tests::harness::{Case, Db, SQLITE};
use related_tests::shapes::{self, Restaurant};

pub const CASES: &[Case] = &[
    Case::new("schema::sqlite_ddl", sqlite_ddl).on(SQLITE),
    Case::new("schema::constraints_are_enforced", constraints_are_enforced),
];

fn sqlite_ddl(db: &Db) {
    assert_eq!(db.dialect(), Dialect::Sqlite);
    let ddl = related::schema::create_tables(
        related::schema::Flavor::Sqlite,
        &[Publisher::info(), Author::info(), Tag::info(), Post::info()],
    );
    assert_eq!(
        ddl,
        vec![
            r#"CREATE TABLE "blog_publisher" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#,
            r#"CREATE TABLE "blog_author" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL, "email" TEXT, "publisher_id" INTEGER NOT NULL REFERENCES "blog_publisher" ("id"))"#,
            r#"CREATE TABLE "blog_tag" ("id" INTEGER PRIMARY KEY NOT NULL, "name" TEXT NOT NULL)"#,
            r#"CREATE TABLE "blog_post" ("id" INTEGER PRIMARY KEY NOT NULL, "title" TEXT NOT NULL, "author_id" INTEGER NOT NULL REFERENCES "blog_author" ("id"), "editor_id" INTEGER REFERENCES "blog_author" ("id"))"#,
            r#"CREATE TABLE "blog_post_tags" ("post_id" INTEGER NOT NULL REFERENCES "blog_post" ("id"), "tag_id" INTEGER NOT NULL REFERENCES "blog_tag" ("id"), PRIMARY KEY ("post_id", "tag_id"))"#,
            r#"CREATE INDEX "ix_blog_author_publisher_id" ON "blog_author" ("publisher_id")"#,
            r#"CREATE INDEX "ix_blog_post_author_id" ON "blog_post" ("author_id")"#,
            r#"CREATE INDEX "ix_blog_post_editor_id" ON "blog_post" ("editor_id")"#,
            r#"CREATE INDEX "ix_blog_post_tags_tag_id" ON "blog_post_tags" ("tag_id")"#,
        ]
    );
}

fn constraints_are_enforced(db: &Db) {
    blog::seed(db, 2).unwrap();
    let dangling = Post {
        id: 100,
        title: "dangling".into(),
        author: ForeignKey::new(999),
        editor: None,
        tags: Default::default(),
        python_tags: Default::default(),
    };
    assert!(
        matches!(db.insert(&dangling), Err(Error::Database { .. })),
        "a foreign key to a missing row is refused"
    );
    // Link 1 -> tag 2 exists (post 1 has tags 2 and 5).
    assert!(matches!(
        db.link(Post::tags(), &1, &2),
        Err(Error::Database { .. })
    ));
    assert!(matches!(
        db.link(Post::tags(), &1, &999),
        Err(Error::Database { .. })
    ));
    shapes::seed(db).unwrap();
    let second = Restaurant {
        id: 11,
        serves_pizza: false,
        place: OneToOne::new(1),
    };
    assert!(
        matches!(db.insert(&second), Err(Error::Database { .. })),
        "one-to-one keys are unique"
    );
}
