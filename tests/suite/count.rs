//! count() and exists(): one statement each, the query's filter kept, its
//! limit and offset respected, its JOINs and prefetch levels left out.

use related::prelude::*;
use related::{Error, LoggedStatement};
use related_tests::blog::{self, Author, Post};
use related_tests::harness::Db;
use related_tests::harness::{Case, SQLITE};
use related_tests::ordered::{self, Board, LABELS, Label, NOTES, Note, labelled};

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
    Case::new("count::related_per_parent", related_per_parent),
    Case::new(
        "count::related_through_a_link_table",
        related_through_a_link_table,
    ),
    Case::new(
        "count::related_agrees_with_prefetch",
        related_agrees_with_prefetch,
    ),
    Case::new("count::related_errors", related_errors),
    Case::new("count::ui_pass_case_compiles", ui_pass_case_compiles).on(SQLITE),
];

/// The trybuild pass case for counts and default ordering, compiled (and
/// run) here too.
#[allow(dead_code)]
mod ui_counted_and_ordering {
    include!("../../ui-tests/tests/pass/counted_and_ordering.rs");
}

fn ui_pass_case_compiles(_db: &Db) {
    // Its `main` plans a query with counts at two levels, no database.
    ui_counted_and_ordering::main();
}

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Count with `query`, asserting the one statement it sends (SQLite form).
fn count<M: Model, L>(db: &Db, query: &Query<M, L>, expected_sql: &str) -> u64 {
    let expected = db.sql(expected_sql);
    assert_eq!(query.count_statement(db.dialect()).sql, expected);
    let (n, sent) = db.capture(|| db.count(query));
    assert_eq!(sqls(&sent), vec![expected]);
    n.expect("count")
}

/// `exists` with `query`, asserting the one statement it sends.
fn exists<M: Model, L>(db: &Db, query: &Query<M, L>, expected_sql: &str) -> bool {
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
            r#"SELECT COUNT(*) FROM "blog_post" WHERE ("blog_post"."id" > ? AND ("blog_post"."title" LIKE ?) IS NOT TRUE)"#
        ),
        // 11..=25 without 20..=25.
        9
    );
    assert!(exists(
        db,
        &q,
        r#"SELECT 1 FROM "blog_post" WHERE ("blog_post"."id" > ? AND ("blog_post"."title" LIKE ?) IS NOT TRUE) LIMIT 1"#
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
    // `limit(0)` (Django's `[0:0]`) has no row: nothing is sent, as Django
    // sends nothing. The statement it would be is still there to read.
    let q = Post::query().limit(0);
    assert_eq!(
        q.count_statement(db.dialect()).sql,
        db.sql(
            r#"SELECT COUNT(*) FROM (SELECT "blog_post"."id" FROM "blog_post" LIMIT ?) "__limited""#
        )
    );
    let ((n, found, rows), sent) = db.capture(|| {
        (
            db.count(&q).unwrap(),
            db.exists(&q).unwrap(),
            db.all(&q).unwrap(),
        )
    });
    assert_eq!((n, found, rows.len()), (0, false, 0));
    assert!(sent.is_empty(), "{sent:#?}");
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

/// Run `query`, asserting the statements it plans and sends (SQLite form).
fn run<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &[String]) -> Vec<M> {
    let expected: Vec<String> = expected.iter().map(|s| db.sql(s)).collect();
    let planned: Vec<String> = query
        .plan(db.dialect())
        .into_iter()
        .map(|p| p.sql)
        .collect();
    assert_eq!(planned, expected, "plan");
    let (rows, sent) = db.capture(|| db.all(query));
    assert_eq!(sqls(&sent), expected, "sent");
    rows.expect("load")
}

const BOARDS: &str =
    r#"SELECT "ord_board"."id", "ord_board"."name" FROM "ord_board" ORDER BY "ord_board"."id""#;

fn related_per_parent(db: &Db) {
    ordered::seed(db).unwrap();
    let q = Board::query()
        .count_related(Board::notes(), Board::note_count())
        .count_related_where(Board::notes(), Note::rank().ge(3), Board::ranked_count())
        .order_by(Board::id().asc());
    let boards = run(
        db,
        &q,
        &[
            BOARDS.to_owned(),
            r#"SELECT "ord_note"."board_id", COUNT(*) FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?) GROUP BY "ord_note"."board_id""#.to_owned(),
            r#"SELECT "ord_note"."board_id", COUNT(*) FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?) AND "ord_note"."rank" >= ? GROUP BY "ord_note"."board_id""#.to_owned(),
        ],
    );
    assert_eq!(boards.len(), 3);
    for b in &boards {
        let all = NOTES.iter().filter(|n| n.3 == b.id).count() as u64;
        let ranked = NOTES.iter().filter(|n| n.3 == b.id && n.2 >= 3).count() as u64;
        assert_eq!(b.note_count.get().unwrap(), all, "board {}", b.id);
        assert_eq!(b.ranked_count.get().unwrap(), ranked, "board {}", b.id);
        // The rows themselves were not loaded.
        assert!(b.notes.get().is_err());
    }
    assert_eq!(
        boards[2].note_count.get().unwrap(),
        0,
        "a board without notes"
    );
}

fn related_through_a_link_table(db: &Db) {
    ordered::seed(db).unwrap();
    // Inside a Prefetch: one count statement for the level's rows.
    let boards = run(
        db,
        &Board::query()
            .prefetch(Prefetch::new(Board::notes()).count_related(Note::labels(), Note::label_count()))
            .order_by(Board::id().asc()),
        &[
            BOARDS.to_owned(),
            r#"SELECT "ord_note"."id", "ord_note"."title", "ord_note"."rank", "ord_note"."board_id" FROM "ord_note" WHERE "ord_note"."board_id" IN rarray(?) ORDER BY "ord_note"."rank" DESC, "ord_note"."title""#.to_owned(),
            r#"SELECT "ord_note_labels"."note_id", COUNT(*) FROM "ord_label" INNER JOIN "ord_note_labels" ON "ord_note_labels"."label_id" = "ord_label"."id" WHERE "ord_note_labels"."note_id" IN rarray(?) GROUP BY "ord_note_labels"."note_id""#.to_owned(),
        ],
    );
    let mut seen = 0;
    for b in &boards {
        for n in b.notes.get().unwrap() {
            let expected = LABELS.iter().filter(|l| labelled(n.id, l.0)).count() as u64;
            assert_eq!(n.label_count.get().unwrap(), expected, "note {}", n.id);
            seen += 1;
        }
    }
    assert_eq!(seen, NOTES.len());
    // The reverse side of the link table.
    let labels = run(
        db,
        &Label::query().count_related(Label::notes(), Label::note_count()),
        &[
            r#"SELECT "ord_label"."id", "ord_label"."name" FROM "ord_label" ORDER BY "ord_label"."name""#.to_owned(),
            r#"SELECT "ord_note_labels"."label_id", COUNT(*) FROM "ord_note" INNER JOIN "ord_note_labels" ON "ord_note_labels"."note_id" = "ord_note"."id" WHERE "ord_note_labels"."label_id" IN rarray(?) GROUP BY "ord_note_labels"."label_id""#.to_owned(),
        ],
    );
    for l in &labels {
        let expected = NOTES.iter().filter(|n| labelled(n.0, l.id)).count() as u64;
        assert_eq!(l.note_count.get().unwrap(), expected, "label {}", l.id);
    }
}

fn related_agrees_with_prefetch(db: &Db) {
    ordered::seed(db).unwrap();
    let filters = [
        Note::rank().ge(2),
        Note::title().like("%a%"),
        Note::rank().is_in([1, 5]),
        !Note::rank().eq(3),
        Note::id().is_in(Vec::<i64>::new()),
    ];
    for f in filters {
        let counted = db
            .all(
                &Board::query()
                    .count_related_where(Board::notes(), f.clone(), Board::note_count())
                    .order_by(Board::id().asc()),
            )
            .unwrap();
        let loaded = db
            .all(
                &Board::query()
                    .prefetch(Prefetch::new(Board::notes()).filter(f))
                    .order_by(Board::id().asc()),
            )
            .unwrap();
        for (c, l) in counted.iter().zip(&loaded) {
            assert_eq!(
                c.note_count.get().unwrap(),
                l.notes.get().unwrap().len() as u64,
                "board {}",
                c.id
            );
        }
    }
}

fn related_errors(db: &Db) {
    ordered::seed(db).unwrap();
    let boards = db.all(&Board::query()).unwrap();
    assert_eq!(
        boards[0].note_count.get().unwrap_err().to_string(),
        "`Board.note_count` was not counted: add `.count_related(Board::<relation>(), Board::note_count())` to the query"
    );
    let twice = Board::query()
        .count_related(Board::notes(), Board::note_count())
        .count_related_where(Board::notes(), Note::rank().ge(3), Board::note_count());
    let (result, sent) = db.capture(|| db.all(&twice));
    match result {
        Err(Error::DuplicateLookup {
            lookup,
            first,
            second,
        }) => {
            assert_eq!(lookup, "note_count");
            assert_eq!(first, "`count_related`");
            assert_eq!(
                second,
                r#"`count_related_where` (filter `"ord_note"."rank" >= ?`)"#
            );
        }
        other => panic!("expected DuplicateLookup, got {other:?}"),
    }
    assert!(sent.is_empty(), "nothing is sent");
}
