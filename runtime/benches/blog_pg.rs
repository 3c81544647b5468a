//! The blog benchmark on PostgreSQL: `related` (sqlx, async) against the
//! same two statements written by hand on sqlx, the key list bound as ONE
//! array parameter (`= ANY($1)`), stitched the same way as the SQLite limit.
//!
//! ```text
//! cargo bench -p related --features postgres --bench blog_pg
//! ```
//!
//! Needs a server: `$RELATED_BENCH_PG` or
//! `postgres://postgres@127.0.0.1:5432/test`. The data go to one schema per
//! size (`related_bench_<posts>`), created on first use. Times are wall
//! clock (the server's work is part of the job), medians of criterion, with
//! a paired timing after it as for the SQLite bench (`BLOG_PAIRED=0` skips
//! it; `BLOG_PAIRS` sets the number of pairs). `BLOG_PROFILE=related|limit`
//! (with `BLOG_SIZES`, `BLOG_REPEAT`) runs only that loader, for a
//! profiler; `BLOG_PROFILE=sql` prints the statements `related` sends.

mod common;
#[path = "common/server.rs"]
mod server;

use std::pin::Pin;

use futures_core::Stream;
use related::sqlx::postgres::PgRow;
use related::sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use related::sqlx::{self, AssertSqlSafe, Row};

use common::{IntHash, IntMap, PlainAuthor, PlainPost};

fn url() -> String {
    std::env::var("RELATED_BENCH_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

async fn pool(n: usize) -> Result<PgPool, sqlx::Error> {
    let schema = format!("related_bench_{n}");
    let admin = PgPoolOptions::new()
        .max_connections(1)
        .connect(&url())
        .await?;
    // The schema name is built from a number: nothing to inject.
    sqlx::raw_sql(AssertSqlSafe(format!(
        "CREATE SCHEMA IF NOT EXISTS {schema}"
    )))
    .execute(&admin)
    .await?;
    admin.close().await;
    let options: PgConnectOptions = url()
        .parse::<PgConnectOptions>()?
        .options([("search_path", &schema)]);
    PgPoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
}

/// Fill the schema of `n` posts with the generator's data, unless it holds
/// them already.
async fn fill(pool: &PgPool, n: usize) {
    let drop_tables = async |pool: &PgPool| {
        sqlx::raw_sql(
            "DROP TABLE IF EXISTS blog_post_tags, blog_post, blog_tag, blog_author CASCADE",
        )
        .execute(pool)
        .await
        .expect("drop tables");
    };
    let analyze = async |pool: &PgPool| {
        sqlx::raw_sql("ANALYZE")
            .execute(pool)
            .await
            .expect("analyze");
    };
    server::fill(pool, n, drop_tables, analyze).await;
}

/// The next row of a sqlx stream (rows are handled as they arrive, not
/// collected first).
async fn next_row(
    rows: &mut Pin<Box<dyn Stream<Item = Result<PgRow, sqlx::Error>> + Send + '_>>,
) -> Result<Option<PgRow>, sqlx::Error> {
    std::future::poll_fn(|cx| rows.as_mut().poll_next(cx))
        .await
        .transpose()
}

/// The limit on PostgreSQL: the same two statements by hand on sqlx, in
/// the same kind of transaction `related` opens, the keys as one array.
async fn load_limit(pool: &PgPool) -> Result<Vec<PlainPost>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    sqlx::raw_sql("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *conn)
        .await?;
    let mut posts = Vec::new();
    {
        let mut rows = sqlx::query(
            "SELECT p.id, p.title, a.id, a.name \
             FROM blog_post p INNER JOIN blog_author a ON a.id = p.author_id",
        )
        .fetch(&mut *conn);
        while let Some(r) = next_row(&mut rows).await? {
            posts.push(PlainPost {
                id: r.try_get(0)?,
                title: r.try_get(1)?,
                author: PlainAuthor {
                    id: r.try_get(2)?,
                    name: r.try_get(3)?,
                },
                tags: Vec::new(),
            });
        }
    }
    let mut index = IntMap::with_capacity_and_hasher(posts.len(), IntHash::default());
    let mut keys = Vec::with_capacity(posts.len());
    for (i, p) in posts.iter().enumerate() {
        index.insert(p.id, i as u32);
        keys.push(p.id);
    }
    let mut stitch = common::TagStitch::default();
    {
        let mut rows = sqlx::query(
            "SELECT pt.post_id, t.id, t.name \
             FROM blog_tag t INNER JOIN blog_post_tags pt ON pt.tag_id = t.id \
             WHERE pt.post_id = ANY($1)",
        )
        .bind(&keys)
        .fetch(&mut *conn);
        while let Some(r) = next_row(&mut rows).await? {
            stitch.row(&index, r.try_get(0)?, r.try_get(1)?, || r.try_get(2))?;
        }
    }
    stitch.finish(&mut posts);
    for p in &mut posts {
        p.tags.sort_unstable_by_key(|t| t.id);
    }
    sqlx::raw_sql("COMMIT").execute(&mut *conn).await?;
    Ok(posts)
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let Some(pools) = server::pools(
        "PostgreSQL",
        &url(),
        |n| rt.block_on(pool(n)),
        |p, n| rt.block_on(fill(p, n)),
    ) else {
        return;
    };
    server::run(
        &pools,
        &server::Bench {
            server: "PostgreSQL",
            group: "postgres",
            related: &|pool| rt.block_on(server::load_related(pool)),
            limit: &|pool| rt.block_on(load_limit(pool)).expect("limit"),
            statements: &|pool| rt.block_on(server::print_statements(pool)),
        },
    );
}
