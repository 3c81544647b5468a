//! Filters across relations: columns through single-valued paths (one JOIN,
//! shared with `select_related`, demoted to INNER where the condition needs
//! the row) and `any` over many-valued paths (one correlated `EXISTS`, no
//! repeated base rows), checked against a per-row computation in Rust.

use related::LoggedStatement;
use related::prelude::*;
use related_tests::blog::{self, Author, Post, Publisher, Tag};
use related_tests::harness::{Backend, Case, Db};
use related_tests::membership::{self, Club, Member, Membership};
use related_tests::server::Pool;

pub const CASES: &[Case] = &[
    Case::new("across::fk_column_adds_one_join", fk_column_adds_one_join),
    Case::new(
        "across::join_shared_with_select_related",
        join_shared_with_select_related,
    ),
    Case::new(
        "across::nullable_hop_demoted_under_and",
        nullable_hop_demoted_under_and,
    ),
    Case::new(
        "across::nullable_hop_stays_left_under_or_not_is_null",
        nullable_hop_stays_left_under_or_not_is_null,
    ),
    Case::new("across::two_hops_through_a_chain", two_hops_through_a_chain),
    Case::new(
        "across::target_handles_through_a_relation",
        target_handles_through_a_relation,
    ),
    Case::new(
        "across::many_to_many_exists_no_repeats",
        many_to_many_exists_no_repeats,
    ),
    Case::new(
        "across::reverse_fk_exists_same_row",
        reverse_fk_exists_same_row,
    ),
    Case::new("across::through_model_columns", through_model_columns),
    Case::new("across::count_and_exists", count_and_exists),
    Case::new("across::inside_a_prefetch", inside_a_prefetch),
    Case::new(
        "across::back_references_need_no_statement",
        back_references_need_no_statement,
    ),
    Case::new(
        "across::a_level_below_a_back_reference_loads_onto_it",
        a_level_below_a_back_reference_loads_onto_it,
    ),
    Case::new("across::order_by_across_a_join", order_by_across_a_join),
    Case::new(
        "across::exists_uses_the_link_table_index",
        exists_uses_the_link_table_index,
    ),
];

const POST: &str =
    r#""blog_post"."id", "blog_post"."title", "blog_post"."author_id", "blog_post"."editor_id""#;
const AUTHOR: &str = r#""blog_author"."id", "blog_author"."name", "blog_author"."email", "blog_author"."publisher_id""#;

fn sqls(sent: &[LoggedStatement]) -> Vec<String> {
    sent.iter().map(|s| s.sql.clone()).collect()
}

/// Plan and run `query`: exactly `expected` (SQLite form) is sent, once.
fn run_one<M: Model, L>(db: &Db, query: &Query<M, L>, expected: &str) -> Vec<M> {
    let expected = db.sql(expected);
    let plan = query.plan(db.dialect());
    assert_eq!(plan[0].sql, expected);
    let (rows, sent) = db.capture(|| db.all(query));
    let rows = rows.expect("load");
    assert_eq!(sqls(&sent)[0], expected);
    assert_eq!(sent.len(), plan.len(), "a filter adds no statement");
    rows
}

fn ids<M, F: Fn(&M) -> i64>(rows: &[M], id: F) -> Vec<i64> {
    rows.iter().map(id).collect()
}

/// Every post with its author and editor, loaded once for the naive
/// per-row answers.
fn everything(db: &Db) -> Vec<Post> {
    let q = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .select_related(Post::editor().then(Author::publisher()))
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc());
    db.all(&q).unwrap()
}

fn fk_column_adds_one_join(db: &Db) {
    blog::seed(db, 30).unwrap();
    let q = Post::query()
        .filter(Post::author().col(Author::name()).eq("Author 3"))
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."author_id" = "blog_author"."id" WHERE "blog_author"."name" = ? ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = everything(db)
        .iter()
        .filter(|p| p.author.get().unwrap().name == "Author 3")
        .map(|p| p.id)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&rows, |p| p.id), want);
    // The filter's join loads nothing.
    assert!(rows[0].author.get().is_err());
}

fn join_shared_with_select_related(db: &Db) {
    blog::seed(db, 30).unwrap();
    let q = Post::query()
        .select_related(Post::author())
        .filter(Post::author().col(Author::name()).eq("Author 2"))
        .filter(Post::id().gt(4));
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, {AUTHOR} FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."author_id" = "blog_author"."id" WHERE ("blog_author"."name" = ? AND "blog_post"."id" > ?)"#
        ),
    );
    let mut got = ids(&rows, |p| p.id);
    got.sort();
    let want: Vec<i64> = everything(db)
        .iter()
        .filter(|p| p.author.get().unwrap().name == "Author 2")
        .filter(|p| p.id > 4)
        .map(|p| p.id)
        .collect();
    assert_eq!(got, want);
    for p in &rows {
        assert_eq!(p.author.get().unwrap().name, "Author 2");
    }
}

const J_EDITOR_LEFT: &str =
    r#" LEFT OUTER JOIN "blog_author" ON "blog_post"."editor_id" = "blog_author"."id""#;
const J_EDITOR_INNER: &str =
    r#" INNER JOIN "blog_author" ON "blog_post"."editor_id" = "blog_author"."id""#;

fn nullable_hop_demoted_under_and(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    let editor_name = |p: &Post| p.editor.as_ref().map(|e| e.get().unwrap().name.clone());
    // A comparison through the nullable editor: only posts with an editor
    // can match, so the join (the select_related one, too) is INNER.
    let q = Post::query()
        .select_related(Post::editor())
        .filter(Post::editor().col(Author::name()).eq("Author 2"))
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, {AUTHOR} FROM "blog_post"{J_EDITOR_INNER} WHERE "blog_author"."name" = ? ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = all
        .iter()
        .filter(|p| editor_name(p).as_deref() == Some("Author 2"))
        .map(|p| p.id)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&rows, |p| p.id), want);
    // Also for a filter-only join, and for IS NOT NULL.
    let q = Post::query()
        .filter(Post::editor().col(Author::email()).is_not_null())
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post"{J_EDITOR_INNER} WHERE "blog_author"."email" IS NOT NULL ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = all
        .iter()
        .filter(|p| {
            p.editor
                .as_ref()
                .is_some_and(|e| e.get().unwrap().email.is_some())
        })
        .map(|p| p.id)
        .collect();
    assert_eq!(ids(&rows, |p| p.id), want);
}

fn nullable_hop_stays_left_under_or_not_is_null(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    let editor = |p: &Post| p.editor.as_ref().map(|e| e.get().unwrap().clone());
    // OR: a post without editor may match through the other branch.
    let q = Post::query()
        .filter(Post::editor().col(Author::name()).eq("Author 2") | Post::id().lt(3))
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post"{J_EDITOR_LEFT} WHERE ("blog_author"."name" = ? OR "blog_post"."id" < ?) ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = all
        .iter()
        .filter(|p| editor(p).is_some_and(|e| e.name == "Author 2") || p.id < 3)
        .map(|p| p.id)
        .collect();
    assert_eq!(ids(&rows, |p| p.id), want);
    // NOT is Django's `~Q`: a comparison with a NULL (no editor) is not
    // true, so posts without an editor match, as they do in Django.
    let q = Post::query()
        .filter(!Post::editor().col(Author::name()).eq("Author 2"))
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post"{J_EDITOR_LEFT} WHERE ("blog_author"."name" = ?) IS NOT TRUE ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = all
        .iter()
        .filter(|p| editor(p).is_none_or(|e| e.name != "Author 2"))
        .map(|p| p.id)
        .collect();
    assert!(
        all.iter().any(|p| editor(p).is_none()) && want.len() < all.len(),
        "the data has posts without an editor, and posts the NOT drops"
    );
    assert_eq!(ids(&rows, |p| p.id), want);
    // IS NULL through the hop: posts without an editor match, LEFT kept.
    let q = Post::query()
        .filter(Post::editor().col(Author::email()).is_null())
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post"{J_EDITOR_LEFT} WHERE "blog_author"."email" IS NULL ORDER BY "blog_post"."id""#
        ),
    );
    let want: Vec<i64> = all
        .iter()
        .filter(|p| editor(p).is_none_or(|e| e.email.is_none()))
        .map(|p| p.id)
        .collect();
    assert_eq!(ids(&rows, |p| p.id), want);
}

fn two_hops_through_a_chain(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    // The editor's publisher: both hops INNER (demotion goes up the path);
    // the author's publisher, a second use of each table, gets T-aliases.
    let q = Post::query()
        .filter(
            Post::editor()
                .then(Author::publisher())
                .col(Publisher::name())
                .eq("Publisher 2"),
        )
        .filter(
            Post::author()
                .then(Author::publisher())
                .col(Publisher::name())
                .ne("Publisher 2"),
        )
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."editor_id" = "blog_author"."id" INNER JOIN "blog_publisher" ON "blog_author"."publisher_id" = "blog_publisher"."id" INNER JOIN "blog_author" "T4" ON "blog_post"."author_id" = "T4"."id" INNER JOIN "blog_publisher" "T5" ON "T4"."publisher_id" = "T5"."id" WHERE ("blog_publisher"."name" = ? AND "T5"."name" <> ?) ORDER BY "blog_post"."id""#
        ),
    );
    let publisher = |a: &Author| a.publisher.get().unwrap().name.clone();
    let want: Vec<i64> = all
        .iter()
        .filter(|p| {
            p.editor
                .as_ref()
                .is_some_and(|e| publisher(e.get().unwrap()) == "Publisher 2")
        })
        .filter(|p| publisher(p.author.get().unwrap()) != "Publisher 2")
        .map(|p| p.id)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&rows, |p| p.id), want);
}

/// A relation handle followed by a handle of its target is the long form:
/// `Post::author().name()` is `Post::author().col(Author::name())`, and
/// `Post::author().publisher()` is `Post::author().then(Author::publisher())`
/// (Django's `author__name`, `author__publisher__name`). Same statements,
/// same rows, checked against the rows computed in Rust.
fn target_handles_through_a_relation(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    let short = Post::query()
        .filter(Post::editor().publisher().name().eq("Publisher 2"))
        .filter(Post::author().publisher_id().ne(2))
        .order_by(Post::author().name().desc())
        .order_by(Post::id().asc());
    let long = Post::query()
        .filter(
            Post::editor()
                .then(Author::publisher())
                .col(Publisher::name())
                .eq("Publisher 2"),
        )
        .filter(Post::author().col(Author::publisher_id()).ne(2))
        .order_by(Post::author().col(Author::name()).desc())
        .order_by(Post::id().asc());
    let plan = short.plan(db.dialect());
    assert_eq!(plan, long.plan(db.dialect()));
    assert!(plan[0].sql.contains("INNER JOIN"), "{}", plan[0].sql);
    let rows = db.all(&short).expect("load");
    let publisher = |a: &Author| a.publisher.get().unwrap().name.clone();
    let mut want: Vec<(String, i64)> = all
        .iter()
        .filter(|p| {
            p.editor
                .as_ref()
                .is_some_and(|e| publisher(e.get().unwrap()) == "Publisher 2")
        })
        .filter(|p| *p.author.get().unwrap().publisher.key() != 2)
        .map(|p| (p.author.get().unwrap().name.clone(), p.id))
        .collect();
    want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    assert!(!want.is_empty());
    let by_id = |id: i64| all.iter().find(|p| p.id == id).unwrap();
    let got: Vec<(String, i64)> = rows
        .iter()
        .map(|p| (by_id(p.id).author.get().unwrap().name.clone(), p.id))
        .collect();
    assert_eq!(got, want);

    // The chain loads as the long one does: JOINs, and prefetch levels.
    assert_eq!(Post::author().publisher().lookup(), "author__publisher");
    assert_eq!(
        Post::tags().posts().author().lookup(),
        "tags__posts__author"
    );
    let q = Post::query()
        .select_related(Post::author().publisher())
        .prefetch_related(Post::tags().posts())
        .order_by(Post::id().asc());
    let long = Post::query()
        .select_related(Post::author().then(Author::publisher()))
        .prefetch_related(Post::tags().then(Tag::posts()))
        .order_by(Post::id().asc());
    assert_eq!(q.plan(db.dialect()), long.plan(db.dialect()));
    let (rows, sent) = db.capture(|| db.all(&q));
    let rows = rows.expect("load");
    assert_eq!(sent.len(), 3, "one JOIN statement, one per prefetch level");
    assert_eq!(rows.len(), all.len());
    for (row, want) in rows.iter().zip(&all) {
        let author = row.author.get().unwrap();
        assert_eq!(author.name, want.author.get().unwrap().name);
        assert_eq!(publisher(author), publisher(want.author.get().unwrap()));
        let tags = row.tags.get().unwrap();
        assert_eq!(tags.len(), want.tags.get().unwrap().len());
        for tag in tags {
            assert!(tag.posts.get().unwrap().iter().any(|p| p.id == row.id));
        }
    }
}

fn many_to_many_exists_no_repeats(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    // Two tags per condition: a JOIN would return a post once per tag.
    let q = Post::query()
        .filter(Post::tags().any(Tag::name().eq("tag3") | Tag::name().eq("tag6")))
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post" WHERE EXISTS (SELECT 1 FROM "blog_post_tags" INNER JOIN "blog_tag" ON "blog_tag"."id" = "blog_post_tags"."tag_id" WHERE "blog_post_tags"."post_id" = "blog_post"."id" AND ("blog_tag"."name" = ? OR "blog_tag"."name" = ?)) ORDER BY "blog_post"."id""#
        ),
    );
    let tag_names = |p: &Post| -> Vec<String> {
        p.tags
            .get()
            .unwrap()
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    let want: Vec<&Post> = all
        .iter()
        .filter(|p| tag_names(p).iter().any(|n| n == "tag3" || n == "tag6"))
        .collect();
    assert!(
        want.iter().any(|p| {
            let n = tag_names(p);
            n.contains(&"tag3".to_owned()) && n.contains(&"tag6".to_owned())
        }),
        "the data has a post with both tags"
    );
    assert_eq!(ids(&rows, |p| p.id), ids(&want, |p| p.id));
    // The prefetch still loads ALL tags of each matching post.
    for (got, want) in rows.iter().zip(&want) {
        let mut a = tag_names(got);
        let mut b = tag_names(want);
        a.sort();
        b.sort();
        assert_eq!(a, b, "post {}", got.id);
    }
}

fn reverse_fk_exists_same_row(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    // Both conditions inside one `any` hold on the SAME post.
    let q =
        Author::query()
            .filter(Author::posts().any(
                Post::title().like("Post 1%") & Post::editor().col(Author::name()).eq("Author 8"),
            ))
            .order_by(Author::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {AUTHOR} FROM "blog_author" WHERE EXISTS (SELECT 1 FROM "blog_post" INNER JOIN "blog_author" "T3" ON "blog_post"."editor_id" = "T3"."id" WHERE "blog_post"."author_id" = "blog_author"."id" AND ("blog_post"."title" LIKE ? AND "T3"."name" = ?)) ORDER BY "blog_author"."id""#
        ),
    );
    let matches = |p: &Post| {
        p.title.starts_with("Post 1")
            && p.editor
                .as_ref()
                .is_some_and(|e| e.get().unwrap().name == "Author 8")
    };
    let mut want: Vec<i64> = all
        .iter()
        .filter(|p| matches(p))
        .map(|p| *p.author.key())
        .collect();
    want.sort();
    want.dedup();
    assert!(!want.is_empty());
    assert_eq!(ids(&rows, |a| a.id), want);
    // Two `any` calls: each may hold on a different post.
    let q = Author::query()
        .filter(Author::posts().any(Post::title().eq("Post 2")))
        .filter(Author::posts().any(Post::title().eq("Post 12")));
    let rows = db.all(&q).unwrap();
    assert_eq!(ids(&rows, |a| a.id), vec![3]);
}

fn through_model_columns(db: &Db) {
    db.create_tables(&membership::models()).unwrap();
    membership::fill(db).unwrap();
    // A link-table column (`role`) with a column of the club across the
    // through model's own foreign key, on the same link row.
    let q = Member::query()
        .filter(Member::memberships().any(
            Membership::role().eq("chair") & Membership::club().col(Club::name()).ne("Club 1"),
        ))
        .order_by(Member::id().asc());
    let rows = db.all(&q).unwrap();
    let want: Vec<i64> = (1..=4)
        .filter(|&m| (2..=3).any(|c| membership::role(m, c) == Some("chair")))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(ids(&rows, |m| m.id), want);
    // The same condition inside a Prefetch: each club keeps only its
    // chairs (through the reverse many-to-many and the link rows).
    let q = Club::query()
        .prefetch(
            Prefetch::new(Club::members())
                .filter(Member::memberships().any(Membership::role().eq("chair"))),
        )
        .order_by(Club::id().asc());
    let clubs = db.all(&q).unwrap();
    for c in &clubs {
        let got: Vec<i64> = c.members.get().unwrap().iter().map(|m| m.id).collect();
        let want: Vec<i64> = (1..=4)
            .filter(|&m| membership::role(m, c.id).is_some())
            .filter(|&m| (1..=3).any(|k| membership::role(m, k) == Some("chair")))
            .collect();
        let mut got = got;
        got.sort();
        assert_eq!(got, want, "club {}", c.id);
    }
    // Django's `Prefetch("clubs", queryset=Club.objects.filter(
    // memberships__role="chair"))` filters the link rows themselves: here
    // that is a prefetch of the through model (README).
    let q = Member::query()
        .prefetch(
            Prefetch::new(Member::memberships())
                .filter(Membership::role().eq("chair"))
                .prefetch_related(Membership::club()),
        )
        .order_by(Member::id().asc());
    let (members, sent) = db.capture(|| db.all(&q));
    assert_eq!(sent.len(), 3);
    for m in &members.unwrap() {
        let mut got: Vec<i64> = m
            .memberships
            .get()
            .unwrap()
            .iter()
            .map(|l| l.club.get().unwrap().id)
            .collect();
        got.sort();
        got.dedup();
        let want: Vec<i64> = (1..=3)
            .filter(|&c| membership::role(m.id, c) == Some("chair"))
            .collect();
        assert_eq!(got, want, "member {}", m.id);
    }
}

fn count_and_exists(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    let q = Post::query()
        .filter(Post::editor().col(Author::name()).eq("Author 2"))
        .filter(Post::tags().any(Tag::name().eq("tag3")));
    let want = all
        .iter()
        .filter(|p| {
            p.editor
                .as_ref()
                .is_some_and(|e| e.get().unwrap().name == "Author 2")
        })
        .filter(|p| p.tags.get().unwrap().iter().any(|t| t.name == "tag3"))
        .count() as u64;
    let (n, sent) = db.capture(|| db.count(&q));
    assert_eq!(n.unwrap(), want);
    assert_eq!(
        sqls(&sent),
        vec![db.sql(r#"SELECT COUNT(*) FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."editor_id" = "blog_author"."id" WHERE ("blog_author"."name" = ? AND EXISTS (SELECT 1 FROM "blog_post_tags" INNER JOIN "blog_tag" ON "blog_tag"."id" = "blog_post_tags"."tag_id" WHERE "blog_post_tags"."post_id" = "blog_post"."id" AND "blog_tag"."name" = ?))"#)]
    );
    assert_eq!(db.exists(&q).unwrap(), want > 0);
    let none = Post::query().filter(Post::author().col(Author::name()).eq("nobody"));
    assert_eq!(db.count(&none).unwrap(), 0);
    assert!(!db.exists(&none).unwrap());
}

fn inside_a_prefetch(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    // Each author's posts edited by someone at Publisher 1.
    let q = Author::query()
        .prefetch(
            Prefetch::new(Author::posts()).filter(
                Post::editor()
                    .then(Author::publisher())
                    .col(Publisher::name())
                    .eq("Publisher 1"),
            ),
        )
        .order_by(Author::id().asc());
    let (authors, sent) = db.capture(|| db.all(&q));
    let authors = authors.unwrap();
    assert_eq!(sent.len(), 2);
    for a in &authors {
        let mut got: Vec<i64> = a.posts.get().unwrap().iter().map(|p| p.id).collect();
        got.sort();
        let want: Vec<i64> = all
            .iter()
            .filter(|p| *p.author.key() == a.id)
            .filter(|p| {
                p.editor.as_ref().is_some_and(|e| {
                    e.get().unwrap().publisher.get().unwrap().name == "Publisher 1"
                })
            })
            .map(|p| p.id)
            .collect();
        assert_eq!(got, want, "author {}", a.id);
    }
}

fn back_references_need_no_statement(db: &Db) {
    blog::seed(db, 30).unwrap();
    let q = Author::query()
        .select_related(Author::publisher())
        .prefetch_related(Author::posts().then(Post::tags()))
        .order_by(Author::id().asc());
    let (authors, sent) = db.capture(|| db.all(&q));
    let authors = authors.unwrap();
    assert_eq!(
        sent.len(),
        3,
        "base, posts, tags: the back-references cost none"
    );
    let mut seen = 0;
    for a in &authors {
        for p in a.posts.get().unwrap() {
            // Each post's `author` is its parent: same row, with what the
            // parent had loaded before its posts (its publisher).
            let parent = p.author.get().expect("back-reference set");
            assert_eq!(parent.id, a.id);
            assert_eq!(parent.name, a.name);
            assert_eq!(
                parent.publisher.get().unwrap().id,
                a.publisher.get().unwrap().id
            );
            assert!(
                parent.posts.get().is_err(),
                "the copy does not nest the posts again"
            );
            // Many-valued forward sides are not touched: a post's tags
            // are its own level's.
            assert!(p.tags.get().is_ok());
            seen += 1;
        }
    }
    assert_eq!(seen, 30);
    // Through a many-to-many, the other side is a list: no back-reference.
    let tags = db
        .all(&Tag::query().prefetch_related(Tag::posts()))
        .unwrap();
    for t in &tags {
        for p in t.posts.get().unwrap() {
            assert!(p.tags.get().is_err());
        }
    }
}

/// The EXISTS of a many-to-many filter reads the link table through its
/// primary key (source column first), not by a scan: checked with each
/// server's own plan of the statement the query sends.
fn exists_uses_the_link_table_index(db: &Db) {
    blog::seed(db, 200).unwrap();
    let q = Post::query().filter(Post::tags().any(Tag::name().eq("tag3")));
    let sql = q.plan(db.dialect())[0].sql.clone();
    assert!(sql.contains("EXISTS"), "{sql}");
    match db.backend() {
        Backend::Sqlite => {
            let conn = db.as_sqlite().unwrap().connection();
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let plan: Vec<String> = stmt
                .query_map(["tag3"], |r| r.get::<_, String>(3))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let link = plan
                .iter()
                .find(|l| l.contains("blog_post_tags"))
                .unwrap_or_else(|| panic!("{plan:#?}"));
            assert!(
                link.starts_with("SEARCH") && link.contains("INDEX"),
                "{plan:#?}"
            );
            assert!(link.contains("post_id=?"), "{plan:#?}");
        }
        Backend::Postgres => {
            // The seeded tables are small enough for a scan to be cheaper;
            // with scans priced out the plan shows whether the index serves
            // the correlation at all.
            let pool = db.new_pool(1, &["SET enable_seqscan = off"]).unwrap();
            let Pool::Postgres(pg) = &pool else {
                unreachable!("a PostgreSQL pool")
            };
            let plan: Vec<String> = db.block_on(async {
                related::sqlx::query_scalar(related::sqlx::AssertSqlSafe(format!("EXPLAIN {sql}")))
                    .bind("tag3")
                    .fetch_all(pg)
                    .await
                    .unwrap()
            });
            db.block_on(pool.close());
            let plan = plan.join("\n");
            assert!(
                plan.lines()
                    .any(|l| l.contains("Index") && l.contains("blog_post_tags")),
                "{plan}"
            );
            assert!(!plan.contains("Seq Scan on blog_post_tags"), "{plan}");
        }
        Backend::Mysql => {
            let pool = db.new_pool(1, &[]).unwrap();
            let Pool::Mysql(my) = &pool else {
                unreachable!("a MySQL pool")
            };
            let rows: Vec<(Option<String>, Option<String>)> = db.block_on(async {
                use related::sqlx::Row;
                related::sqlx::query(related::sqlx::AssertSqlSafe(format!("EXPLAIN {sql}")))
                    .bind("tag3")
                    .fetch_all(my)
                    .await
                    .unwrap()
                    .iter()
                    .map(|r| (r.try_get("table").unwrap(), r.try_get("key").unwrap()))
                    .collect()
            });
            db.block_on(pool.close());
            let link = rows
                .iter()
                .find(|(t, _)| t.as_deref() == Some("blog_post_tags"))
                .unwrap_or_else(|| panic!("{rows:?}"));
            assert!(
                link.1.is_some(),
                "the link table is read by an index: {rows:?}"
            );
        }
    }
}

fn order_by_across_a_join(db: &Db) {
    blog::seed(db, 30).unwrap();
    let all = everything(db);
    // Shares the select_related JOIN.
    let q = Post::query()
        .select_related(Post::author())
        .order_by(Post::author().col(Author::name()).desc())
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST}, {AUTHOR} FROM "blog_post" INNER JOIN "blog_author" ON "blog_post"."author_id" = "blog_author"."id" ORDER BY "blog_author"."name" DESC, "blog_post"."id""#
        ),
    );
    let mut want: Vec<(String, i64)> = all
        .iter()
        .map(|p| (p.author.get().unwrap().name.clone(), p.id))
        .collect();
    want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let got: Vec<(String, i64)> = rows
        .iter()
        .map(|p| (p.author.get().unwrap().name.clone(), p.id))
        .collect();
    assert_eq!(got, want);
    // Through a nullable hop, alone: a JOIN that selects nothing, LEFT so
    // posts without an editor stay; a filter through the same hop shares it
    // (and its demotion).
    let q = Post::query().order_by(Post::editor().col(Author::name()).asc());
    let rows = run_one(
        db,
        &q,
        &format!(r#"SELECT {POST} FROM "blog_post"{J_EDITOR_LEFT} ORDER BY "blog_author"."name""#),
    );
    assert_eq!(rows.len(), all.len());
    let q = Post::query()
        .filter(Post::editor().col(Author::id()).gt(0))
        .order_by(Post::editor().col(Author::name()).asc())
        .order_by(Post::id().asc());
    let rows = run_one(
        db,
        &q,
        &format!(
            r#"SELECT {POST} FROM "blog_post"{J_EDITOR_INNER} WHERE "blog_author"."id" > ? ORDER BY "blog_author"."name", "blog_post"."id""#
        ),
    );
    let mut want: Vec<(String, i64)> = all
        .iter()
        .filter_map(|p| {
            p.editor
                .as_ref()
                .map(|e| (e.get().unwrap().name.clone(), p.id))
        })
        .collect();
    want.sort();
    assert_eq!(
        ids(&rows, |p| p.id),
        want.iter().map(|w| w.1).collect::<Vec<_>>()
    );
}

/// `posts__author` below `Author` is the back reference itself: as in
/// Django, it sends nothing, and a level below it (`posts__author__publisher`)
/// loads onto the parents' copies: three statements, not four, and every
/// post's author holds its publisher (the copy used to replace what the
/// fourth statement's level had loaded, and a typed load failed).
fn a_level_below_a_back_reference_loads_onto_it(db: &Db) {
    blog::seed(db, 30).unwrap();
    let q = Author::query()
        .prefetch_related(
            Author::posts()
                .then(Post::author())
                .then(Author::publisher()),
        )
        .order_by(Author::id().asc());
    let lookups: Vec<String> = q.plan(db.dialect()).into_iter().map(|p| p.lookup).collect();
    assert_eq!(lookups, ["base", "posts", "posts__author__publisher"]);
    let (authors, sent) = db.capture(|| db.all(&q));
    let authors = authors.unwrap();
    assert_eq!(sent.len(), 3, "{:#?}", sqls(&sent));
    let mut seen = 0;
    for a in &authors {
        for p in a.posts.get().unwrap() {
            let parent = p.author.get().expect("back-reference set");
            assert_eq!(parent.id, a.id);
            assert_eq!(parent.name, a.name);
            let publisher = parent.publisher.get().expect("loaded onto the copy");
            assert_eq!(&publisher.id, a.publisher.key());
            seen += 1;
        }
    }
    assert_eq!(seen, 30);
    // Typed: the load's type says it, and the rows agree.
    let typed = db.fetch(&q).unwrap();
    let names: Vec<(i64, String)> = typed
        .iter()
        .flat_map(|a| {
            a.posts()
                .iter()
                .map(|p| (p.author().id, p.author().publisher().name.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(names.len(), 30);
    // A JOIN of the level's own fills the field: kept, with what it joined.
    let joined = Author::query()
        .prefetch(Prefetch::new(Author::posts()).select_related(Post::author().publisher()));
    let (loaded, sent) = db.capture(|| db.all(&joined));
    assert_eq!(sent.len(), 2, "{:#?}", sqls(&sent));
    for a in &loaded.unwrap() {
        for p in a.posts.get().unwrap() {
            let author = p.author.get().unwrap();
            assert_eq!(author.id, a.id);
            assert_eq!(&author.publisher.get().unwrap().id, a.publisher.key());
        }
    }
    // The back reference alone sends nothing either.
    let (_, sent) = db.capture(|| {
        db.all(&Author::query().prefetch_related(Author::posts().then(Post::author())))
    });
    assert_eq!(sent.len(), 2, "{:#?}", sqls(&sent));
    // A `Prefetch` of it with a query of its own loads what it asks for.
    let own = Author::query().prefetch_below(
        Author::posts(),
        Prefetch::new(Post::author()).filter(Author::id().gt(0i64)),
    );
    let (loaded, sent) = db.capture(|| db.all(&own));
    assert_eq!(sent.len(), 3, "{:#?}", sqls(&sent));
    for a in &loaded.unwrap() {
        for p in a.posts.get().unwrap() {
            assert_eq!(p.author.get().unwrap().id, a.id);
        }
    }
}
