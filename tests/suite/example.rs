//! The blog example (`runtime/examples/blog.rs`, the README's first command)
//! on every backend: the count lines the README shows, the same graph from
//! every strategy (the example asserts it), nothing left behind.

use related::sqlx;
use related_tests::harness::{Case, Db};
use related_tests::server::Pool;

// The example itself, compiled into the suite: its `main` goes unused.
#[allow(dead_code)]
#[path = "../../runtime/examples/blog.rs"]
mod blog_example;

pub const CASES: &[Case] = &[Case::new("example::blog_counts", blog_counts)];

/// `--quiet` output: a header per section and a count line per strategy.
const EXPECTED: &str = "\
== 50 posts with their author and the author's publisher
naive: 101 statements
select_related: 1 statements

== 50 posts with their author and tags
naive: 101 statements
select_related: 51 statements
prefetch_related: 52 statements
both: 2 statements

== orders dashboard: customer and company, items with product, top reviews
dashboard: 3 statements
";

fn blog_counts(db: &Db) {
    // The database the harness opened for this case: a fresh in-memory
    // SQLite (through the example's own URL parsing), or a pool onto this
    // case's scratch schema/database, so concurrent runs never share the
    // example's tables.
    let example = match db.as_server().map(|s| s.pool().clone()) {
        None => db
            .block_on(blog_example::Db::connect("sqlite::memory:"))
            .unwrap(),
        Some(Pool::Postgres(pool)) => blog_example::Db::Postgres(pool),
        Some(Pool::Mysql(pool)) => blog_example::Db::Mysql(pool),
    };
    let run = |quiet: bool| {
        let mut out = Vec::new();
        db.block_on(blog_example::run(&example, quiet, &mut out))
            .unwrap_or_else(|e| panic!("the blog example failed: {e}"));
        String::from_utf8(out).unwrap()
    };

    let quiet = run(true);
    assert_eq!(quiet, EXPECTED);

    // Without --quiet: the statements and rows around the same count lines,
    // and the statements are the ones counted.
    let full = run(false);
    let counts: String = full
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with("-- "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(counts, EXPECTED);
    assert!(
        full.contains("   Post 1 by Author 2: rust, sql\n"),
        "{full}"
    );
    assert!(
        full.contains("     2 x Product 3, top ratings [5, 4]\n"),
        "{full}"
    );

    // The README shows the same lines (without the blank ones).
    let readme = include_str!("../../README.md");
    let shown: String = EXPECTED
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        readme.contains(&format!("```text\n{shown}```")),
        "README.md's output block differs from the example's:\n{shown}"
    );

    // The example dropped its tables again.
    let left: i64 = db
        .block_on(async {
            match &example {
                blog_example::Db::Sqlite(_) => Ok(0),
                blog_example::Db::Postgres(pool) => {
                    sqlx::query_scalar(
                        "SELECT COUNT(*) FROM information_schema.tables \
                     WHERE table_schema = current_schema() AND table_name LIKE 'example%'",
                    )
                    .fetch_one(pool)
                    .await
                }
                blog_example::Db::Mysql(pool) => {
                    sqlx::query_scalar(
                        "SELECT COUNT(*) FROM information_schema.tables \
                     WHERE table_schema = DATABASE() AND table_name LIKE 'example%'",
                    )
                    .fetch_one(pool)
                    .await
                }
            }
        })
        .unwrap();
    assert_eq!(left, 0, "the example left tables behind");
}
