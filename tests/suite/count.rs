//! count() and exists(): one statement each, the query's filter kept, its
//! limit and offset respected, its JOINs and prefetch levels left out.

use related::prelude::*;
use related::{Error, LoggedStatement};
use related_tests::blog::{self, Author, Post};
use related_tests::harness::Db;
use related_tests::harness::{Case, SQLITE};

pub const CASES: &[Case] = &[
    Case::new("count::statements", statements),
    Case::new(
        "count::joins_and_levels_are_left_out",
        joins_and_levels_are_left_out,
    ),
    Case::new("count::limit_and_offset", limit_and_offset),
    Case::new(
        "count::agrees_with_all_for_every_shape",
        agrees_with_all_for_every_shape,
    ),
    Case::new("count::empty_table", empty_table),
    Case::new(
        "count::missing_table_is_an_error",
        missing_table_is_an_error,
    ),
    Case::new("count::offset_without_limit", offset_without_limit).on(SQLITE),
];

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Count with `query`, asserting the one statement it sends (SQLite form).
fn count<M: Model>(db: &Db, query: &Query<M>, expected_sql: &str) -> u64 {
    let expected = db.sql(expected_sql);
    assert_eq!(query.count_statement(db.dialect()).sql, expected);
    let (n, sent) = db.capture(|| db.count(query));
    assert_eq!(sqls(&sent), vec![expected]);
    n.expect("count")
}

/// `exists` with `query`, asserting the one statement it sends.
fn exists<M: Model>(db: &Db, query: &Query<M>, expected_sql: &str) -> bool {
    let expected = db.sql(expected_sql);
    assert_eq!(query.exists_statement(db.dialect()).sql, expected);
    let (found, sent) = db.capture(|| db.exists(query));
    assert_eq!(sqls(&sent), vec![expected]);
    found.expect("exists")
}

fn statements(db: &Db) {
    blog::seed(db, 25).unwrap();
    assert_eq!(
        count(db, &Post::query(), r#"SELECT COUNT(*) FROM "blog_post""#),
        25
    );
    let q = Post::query().filter(Post::id().gt(10i64) & !Post::title().like("Post 2%"));
    assert_eq!(
        count(
            db,
            &q,
            r#"SELECT COUNT(*) FROM "blog_post" WHERE ("blog_post"."id" > ? AND NOT ("blog_post"."title" LIKE ?))"#
        ),
        // 11..=25 without 20..=25.
        9
    );
    assert!(exists(
        db,
        &q,
        r#"SELECT 1 FROM "blog_post" WHERE ("blog_post"."id" > ? AND NOT ("blog_post"."title" LIKE ?)) LIMIT 1"#
    ));
    let none = Post::query().filter(Post::id().gt(25i64));
    assert!(!exists(
        db,
        &none,
        r#"SELECT 1 FROM "blog_post" WHERE "blog_post"."id" > ? LIMIT 1"#
    ));
    assert_eq!(
        count(
            db,
            &none,
            r#"SELECT COUNT(*) FROM "blog_post" WHERE "blog_post"."id" > ?"#
        ),
        0
    );
}

fn joins_and_levels_are_left_out(db: &Db) {
    blog::seed(db, 25).unwrap();
    let q = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .select_related(Post::editor())
        .prefetch_related(Post::tags())
        .filter(Post::author_id().le(5i64))
        .order_by(Post::title().desc());
    let n = count(
        db,
        &q,
        r#"SELECT COUNT(*) FROM "blog_post" WHERE "blog_post"."author_id" <= ?"#,
    );
    assert!(exists(
        db,
        &q,
        r#"SELECT 1 FROM "blog_post" WHERE "blog_post"."author_id" <= ? LIMIT 1"#
    ));
    // The JOINs (one of them INNER) keep every row: the constraints
    // `create_tables` adds leave no key without its row.
    let all = db.all(&q).unwrap();
    assert_eq!(n, all.len() as u64);
    assert_eq!(n, (1..=25).filter(|i| i % 10 < 5).count() as u64);
}

fn limit_and_offset(db: &Db) {
    blog::seed(db, 25).unwrap();
    let limited = r#"SELECT COUNT(*) FROM (SELECT "blog_post"."id" FROM "blog_post" WHERE "blog_post"."id" > ? LIMIT ? OFFSET ?) "__limited""#;
    for (limit, offset, expected) in [(10, 0, 10), (10, 10, 10), (10, 20, 5), (10, 30, 0)] {
        let q = Post::query()
            .filter(Post::id().gt(0i64))
            .order_by(Post::id().asc())
            .limit(limit)
            .offset(offset);
        assert_eq!(
            count(db, &q, limited),
            expected,
            "limit {limit} offset {offset}"
        );
        assert_eq!(
            exists(
                db,
                &q,
                r#"SELECT 1 FROM (SELECT "blog_post"."id" FROM "blog_post" WHERE "blog_post"."id" > ? LIMIT ? OFFSET ?) "__limited" LIMIT 1"#
            ),
            expected > 0
        );
    }
    let q = Post::query().limit(3);
    assert_eq!(
        count(
            db,
            &q,
            r#"SELECT COUNT(*) FROM (SELECT "blog_post"."id" FROM "blog_post" LIMIT ?) "__limited""#
        ),
        3
    );
    let q = Post::query().limit(0);
    assert_eq!(
        count(
            db,
            &q,
            r#"SELECT COUNT(*) FROM (SELECT "blog_post"."id" FROM "blog_post" LIMIT ?) "__limited""#
        ),
        0
    );
    assert!(!db.exists(&q).unwrap());
}

fn offset_without_limit(db: &Db) {
    blog::seed(db, 25).unwrap();
    let q = Post::query().order_by(Post::id().asc()).offset(20);
    assert_eq!(
        count(
            db,
            &q,
            r#"SELECT COUNT(*) FROM (SELECT "blog_post"."id" FROM "blog_post" LIMIT -1 OFFSET ?) "__limited""#
        ),
        5
    );
}

fn agrees_with_all_for_every_shape(db: &Db) {
    blog::seed(db, 40).unwrap();
    let filters: Vec<Option<related::Filter<Post>>> = vec![
        None,
        Some(Post::id().le(7i64)),
        Some(Post::editor_id().is_null()),
        Some(Post::editor_id().is_not_null() | Post::id().eq(1i64)),
        Some(Post::title().like("%1%")),
        Some(Post::id().is_in([3i64, 5, 99])),
        Some(Post::id().is_in(Vec::<i64>::new())),
        Some(!Post::author_id().eq(2i64)),
    ];
    let limits = [None, Some(0u64), Some(1), Some(6), Some(100)];
    let offsets = [None, Some(0u64), Some(3), Some(39), Some(40)];
    let mut checked = 0;
    for filter in &filters {
        for limit in limits {
            for offset in offsets {
                let mut q = Post::query()
                    .select_related(Post::author())
                    .order_by(Post::id().asc());
                if let Some(f) = filter {
                    q = q.filter(f.clone());
                }
                if let Some(n) = limit {
                    q = q.limit(n);
                }
                if let Some(n) = offset {
                    q = q.offset(n);
                }
                let all = db.all(&q).unwrap();
                let what = format!("{:?}", q.count_statement(db.dialect()).sql);
                assert_eq!(db.count(&q).unwrap(), all.len() as u64, "{what}");
                assert_eq!(db.exists(&q).unwrap(), !all.is_empty(), "{what}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, filters.len() * limits.len() * offsets.len());
}

fn empty_table(db: &Db) {
    blog::seed(db, 0).unwrap();
    assert_eq!(db.count(&Post::query()).unwrap(), 0);
    assert!(!db.exists(&Post::query()).unwrap());
    assert_eq!(db.count(&Post::query().offset(5)).unwrap(), 0);
}

fn missing_table_is_an_error(db: &Db) {
    let err = db.count(&Post::query()).unwrap_err();
    match err {
        Error::Database { statement, .. } => {
            assert_eq!(statement, db.sql(r#"SELECT COUNT(*) FROM "blog_post""#))
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    assert!(matches!(
        db.exists(&Post::query()).unwrap_err(),
        Error::Database { .. }
    ));
}
