//! Text matches (`contains`, `starts_with`, `ends_with`, their case-folding
//! forms and `iexact`): the same rows on every backend, the needle taken
//! literally (`%`, `_`, `*`, `?`, `[`, `\` are plain characters), checked
//! against Rust's own `str` methods over the same values. And `exclude`,
//! Django's, which keeps the rows a NULL makes unknown.

use related::Query;
use related::prelude::*;
use related_tests::blog::{self, Author, Post, Tag};
use related_tests::harness::{Backend, Case, Db};

pub const CASES: &[Case] = &[
    Case::new("lookups::same_rows_as_rust", same_rows_as_rust),
    Case::new(
        "lookups::nullable_column_and_across_a_relation",
        nullable_column_and_across_a_relation,
    ),
    Case::new(
        "lookups::exclude_keeps_rows_a_null_makes_unknown",
        exclude_keeps_rows_a_null_makes_unknown,
    ),
    Case::new(
        "lookups::between_includes_both_ends",
        between_includes_both_ends,
    ),
    Case::new(
        "lookups::case_folds_as_djangos_upper_does",
        case_folds_as_djangos_upper_does,
    )
    .on(related_tests::harness::SERVERS),
];

/// The servers fold both sides with `UPPER`, as Django's `icontains` and
/// `iexact` do (`UPPER(col) LIKE UPPER(%s)`), not `LOWER`: the two differ
/// for letters with two lower cases or none. On PostgreSQL the final sigma
/// `ς` and `σ` share the upper case `Σ`; on MySQL's `utf8mb4_general_ci`
/// the Kelvin sign is no `k` (Django's plain `LIKE` there finds none),
/// though its `LOWER` is one.
fn case_folds_as_djangos_upper_does(db: &Db) {
    seed(db);
    let cased = |names: &[&str]| {
        for (i, name) in names.iter().enumerate() {
            db.insert(&Tag {
                id: 200 + i as i64,
                name: (*name).to_owned(),
                posts: Default::default(),
            })
            .unwrap();
        }
    };
    let found = |filter: related::Filter<Tag>| -> Vec<String> {
        let q = Tag::query()
            .filter(Tag::id().ge(200) & filter)
            .order_by(Tag::id().asc());
        db.all(&q).unwrap().into_iter().map(|t| t.name).collect()
    };
    match db.backend() {
        Backend::Postgres => {
            cased(&["\u{3c2}", "\u{3c3}", "x"]);
            assert_eq!(found(Tag::name().iexact("\u{3c3}")), ["\u{3c2}", "\u{3c3}"]);
            assert_eq!(
                found(Tag::name().icontains("\u{3a3}")),
                ["\u{3c2}", "\u{3c3}"]
            );
        }
        Backend::Mysql => {
            db.execute(
                "ALTER TABLE blog_tag MODIFY name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL",
                &[],
            )
            .unwrap();
            cased(&["\u{212a}", "k", "K"]);
            assert_eq!(found(Tag::name().icontains("k")), ["k", "K"]);
            assert_eq!(found(Tag::name().iexact("K")), ["k", "K"]);
        }
        Backend::Sqlite => unreachable!("a server case"),
    }
}

/// Names chosen to catch wildcards and case: each backend's pattern
/// syntax, and `LIKE`'s case folding on SQLite and under MySQL collations.
const NAMES: &[&str] = &[
    "Rust at 100%",
    "rusty_tools",
    "Trust",
    "a%b",
    "a_b",
    "aXb",
    "star*glob?[x]",
    "back\\slash",
    "ÉCOLE",
    "",
    "end with space ",
    "wow!%_",
];

const NEEDLES: &[&str] = &[
    "Rust", "rust", "RUST", "100%", "%", "_", "a_b", "*", "?", "[x]", "[", "\\", "\\s", "", "cole",
    "COLE", "space ", " ", "Trust", "trust", "!", "!%", "w!", "%_",
];

fn seed(db: &Db) {
    blog::seed(db, 0).unwrap();
    for (i, name) in NAMES.iter().enumerate() {
        db.insert(&Tag {
            id: 100 + i as i64,
            name: (*name).to_owned(),
            posts: Default::default(),
        })
        .unwrap();
    }
}

/// The names (of the seeded ones) a filter keeps, in `NAMES` order.
fn names(db: &Db, filter: related::Filter<Tag>) -> Vec<String> {
    let q = Tag::query()
        .filter(Tag::id().ge(100) & filter)
        .order_by(Tag::id().asc());
    db.all(&q).unwrap().into_iter().map(|t| t.name).collect()
}

fn expected(keep: impl Fn(&str) -> bool) -> Vec<String> {
    NAMES
        .iter()
        .filter(|n| keep(n))
        .map(|n| (*n).to_owned())
        .collect()
}

fn same_rows_as_rust(db: &Db) {
    seed(db);
    check_every_match(db);
    if db.backend() == Backend::Mysql {
        // A table made elsewhere (Django's default collation): `LIKE`
        // alone would now fold case; the case-sensitive matches must not.
        db.execute(
            "ALTER TABLE blog_tag MODIFY name VARCHAR(255) \
             CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL",
            &[],
        )
        .unwrap();
        check_every_match(db);
    }
}

fn check_every_match(db: &Db) {
    // Folding compares ASCII lower case: the needles and names above fold
    // the same in Unicode (PostgreSQL, MySQL) and in ASCII (SQLite).
    let fold = |s: &str| s.to_ascii_lowercase();
    for &needle in NEEDLES {
        let cases: [(&str, related::Filter<Tag>, Vec<String>); 7] = [
            (
                "contains",
                Tag::name().contains(needle),
                expected(|n| n.contains(needle)),
            ),
            (
                "starts_with",
                Tag::name().starts_with(needle),
                expected(|n| n.starts_with(needle)),
            ),
            (
                "ends_with",
                Tag::name().ends_with(needle),
                expected(|n| n.ends_with(needle)),
            ),
            (
                "icontains",
                Tag::name().icontains(needle),
                expected(|n| fold(n).contains(&fold(needle))),
            ),
            (
                "istarts_with",
                Tag::name().istarts_with(needle),
                expected(|n| fold(n).starts_with(&fold(needle))),
            ),
            (
                "iends_with",
                Tag::name().iends_with(needle),
                expected(|n| fold(n).ends_with(&fold(needle))),
            ),
            (
                "iexact",
                Tag::name().iexact(needle),
                expected(|n| fold(n) == fold(needle)),
            ),
        ];
        for (method, filter, want) in cases {
            assert_eq!(names(db, filter), want, "{method}({needle:?})");
        }
    }
    // A NUL in the needle: no row has one, so none matches, or the server
    // refuses the value (PostgreSQL's text cannot hold it): an error naming
    // the statement, never a panic.
    for filter in [Tag::name().contains("a\0b"), Tag::name().icontains("\0")] {
        let q = Tag::query().filter(filter);
        match db.all(&q) {
            Ok(rows) => assert!(rows.is_empty(), "{rows:?}"),
            Err(e) => assert!(e.to_string().contains("blog_tag"), "{e}"),
        }
    }
    // A value holding a NUL (SQLite and MySQL store one; PostgreSQL's text
    // cannot): the needle's NUL matches it, byte for byte.
    if db.backend() != Backend::Postgres {
        db.insert(&Tag {
            id: 200,
            name: "nul\0inside".to_owned(),
            posts: Default::default(),
        })
        .unwrap();
        let ids = |filter| -> Vec<i64> {
            let rows = db.all(&Tag::query().filter(filter)).unwrap();
            rows.iter().map(|t| t.id).collect()
        };
        assert_eq!(ids(Tag::name().contains("l\0i")), [200]);
        assert_eq!(ids(Tag::name().icontains("L\0I")), [200]);
        assert_eq!(ids(Tag::name().starts_with("nul\0")), [200]);
        assert_eq!(ids(Tag::name().ends_with("\0inside")), [200]);
        assert_eq!(ids(Tag::name().iexact("NUL\0INSIDE")), [200]);
        assert_eq!(ids(Tag::name().contains("nul\0x")), Vec::<i64>::new());
        db.execute("DELETE FROM blog_tag WHERE id = 200", &[])
            .unwrap();
    }
    // Negated, as Django's `exclude(name__contains=..)`.
    assert_eq!(
        names(db, !Tag::name().contains("_")),
        expected(|n| !n.contains('_'))
    );
}

/// `Option<String>` columns: NULL matches nothing, not even an empty
/// needle. Through a relation: one JOIN, INNER (NULL never matches).
fn nullable_column_and_across_a_relation(db: &Db) {
    blog::seed(db, 12).unwrap();
    let authors: Vec<Author> = db
        .all(&Author::query().order_by(Author::id().asc()))
        .unwrap();
    let emails = |keep: &dyn Fn(&str) -> bool| -> Vec<i64> {
        authors
            .iter()
            .filter(|a| a.email.as_deref().is_some_and(keep))
            .map(|a| a.id)
            .collect()
    };
    let ids = |f: related::Filter<Author>| -> Vec<i64> {
        let q = Author::query().filter(f).order_by(Author::id().asc());
        db.all(&q).unwrap().iter().map(|a| a.id).collect()
    };
    assert!(authors.iter().any(|a| a.email.is_none()));
    assert_eq!(ids(Author::email().contains("")), emails(&|_| true));
    assert_eq!(
        ids(Author::email().starts_with("a1")),
        emails(&|e| e.starts_with("a1"))
    );
    assert_eq!(
        ids(Author::email().iends_with("@EXAMPLE.COM")),
        emails(&|e| e.ends_with("@example.com"))
    );
    let with_a2 = emails(&|e| e.starts_with("a2"));
    let posts = db
        .all(
            &Post::query()
                .filter(Post::author().col(Author::email()).istarts_with("A2"))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let want: Vec<i64> = (1..=12)
        .filter(|i| with_a2.contains(&(i % 10 + 1)))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(posts.iter().map(|p| p.id).collect::<Vec<_>>(), want);
}

/// `exclude(f)` keeps every row `f` is not true of: a NULL email (or no
/// editor at all, through a LEFT JOIN) makes `f` unknown, and the row stays,
/// as in Django; `filter(!f)` is Django's `~Q` and keeps them too, and
/// `is_not_null() & !f` drops them. Expected rows
/// from the seed's formulas: author `a` has an email when `a` is even, post
/// `i` an editor when `i % 3 == 0` (`blog::seed`).
fn exclude_keeps_rows_a_null_makes_unknown(db: &Db) {
    blog::seed(db, 12).unwrap();
    let ids = |q: Query<Author>| -> Vec<i64> {
        let rows = db.all(&q.order_by(Author::id().asc())).unwrap();
        rows.iter().map(|a| a.id).collect()
    };
    let f = || Author::email().eq("a4@example.com");
    let everyone_but_4: Vec<i64> = (1..=10).filter(|a| *a != 4).collect();
    assert_eq!(ids(Author::query().exclude(f())), everyone_but_4);
    assert_eq!(ids(Author::query().filter(!f())), everyone_but_4);
    let with_email_but_4: Vec<i64> = (1..=10).filter(|a| a % 2 == 0 && *a != 4).collect();
    assert_eq!(
        ids(Author::query().filter(Author::email().is_not_null() & !f())),
        with_email_but_4
    );
    // ANDed with the other filters, and twice.
    assert_eq!(
        ids(Author::query()
            .filter(Author::id().le(6))
            .exclude(f())
            .exclude(Author::email().icontains("A2"))),
        [1, 3, 5, 6]
    );

    let posts = |q: Query<Post>| -> Vec<i64> {
        let rows = db.all(&q.order_by(Post::id().asc())).unwrap();
        rows.iter().map(|p| p.id).collect()
    };
    let editor = db
        .all(&Post::query().order_by(Post::id().asc()))
        .unwrap()
        .iter()
        .map(|p| (p.id, p.editor.as_ref().map(|e| *e.key())))
        .collect::<Vec<_>>();
    assert!(editor.iter().any(|(_, e)| e.is_none()));
    let by_8 = Post::editor().col(Author::name()).eq("Author 8");
    let want: Vec<i64> = editor
        .iter()
        .filter(|(_, e)| *e != Some(8))
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(posts(Post::query().exclude(by_8)), want);
    let by_8 = || Post::editor().col(Author::name()).eq("Author 8");
    assert_eq!(posts(Post::query().filter(!by_8())), want);
    let want: Vec<i64> = editor
        .iter()
        .filter(|(_, e)| e.is_some_and(|e| e != 8))
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(
        posts(Post::query().filter(Post::editor_id().is_not_null() & !by_8())),
        want
    );

    // On a `Prefetch`: each author's posts but those edited by author 8
    // (posts without an editor stay).
    let authors = db
        .all(
            &Author::query()
                .prefetch(
                    Prefetch::new(Author::posts())
                        .exclude(Post::editor().col(Author::name()).eq("Author 8")),
                )
                .order_by(Author::id().asc()),
        )
        .unwrap();
    for author in &authors {
        let got: Vec<i64> = author.posts.get().unwrap().iter().map(|p| p.id).collect();
        let want: Vec<i64> = editor
            .iter()
            .filter(|(i, e)| i % 10 + 1 == author.id && *e != Some(8))
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(got, want, "posts of author {}", author.id);
    }
}

/// `between(low, high)` includes both ends; reversed ends match nothing; on
/// text, through a relation.
fn between_includes_both_ends(db: &Db) {
    blog::seed(db, 12).unwrap();
    let posts = |f: related::Filter<Post>| -> Vec<i64> {
        let rows = db
            .all(&Post::query().filter(f).order_by(Post::id().asc()))
            .unwrap();
        rows.iter().map(|p| p.id).collect()
    };
    assert_eq!(posts(Post::id().between(3, 7)), [3, 4, 5, 6, 7]);
    assert_eq!(posts(Post::id().between(7, 3)), Vec::<i64>::new());
    assert_eq!(posts(Post::id().between(12, 12)), [12]);
    // Authors "Author 2" to "Author 4" by name (text order): 2, 3, 4.
    let want: Vec<i64> = (1..=12)
        .filter(|i| (2..=4).contains(&(i % 10 + 1)))
        .collect();
    assert_eq!(
        posts(
            Post::author()
                .col(Author::name())
                .between("Author 2", "Author 4")
        ),
        want
    );
}
