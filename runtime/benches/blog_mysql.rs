//! The blog benchmark on MySQL / MariaDB: `related` (sqlx, async) against
//! the same statements written by hand on sqlx, the key list bound as one
//! placeholder per key (`IN (?, ?, ...)`, at most 65,535 to a statement, as
//! `related` splits it), stitched the same way as the SQLite limit.
//!
//! ```text
//! cargo bench -p related --features mysql --bench blog_mysql
//! ```
//!
//! Needs a server: `$RELATED_BENCH_MYSQL` or `mysql://root@127.0.0.1:3306/test`.
//! The data go to one database per size (`related_bench_<posts>`), created
//! on first use. Times are wall clock (the server's work is part of the job), medians of criterion, with
//! a paired timing after it as for the SQLite bench (`BLOG_PAIRED=0` skips
//! it; `BLOG_PAIRS` sets the number of pairs). `BLOG_PROFILE=related|limit`
//! (with `BLOG_SIZES`, `BLOG_REPEAT`) runs only that loader, for a
//! profiler; `BLOG_PROFILE=sql` prints the statements `related` sends.

mod common;

use std::hint::black_box;
use std::pin::Pin;
use std::time::{Duration, Instant};

use criterion::Criterion;
use futures_core::Stream;
use related::prelude::*;
use related::sqlx::mysql::{MySqlConnectOptions, MySqlPool, MySqlPoolOptions, MySqlRow};
use related::sqlx::{self, AssertSqlSafe, Row};

use common::{
    Author, IntHash, IntMap, PlainAuthor, PlainPost, Post, Tag, touch_plain, touch_related,
};

fn url() -> String {
    std::env::var("RELATED_BENCH_MYSQL")
        .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned())
}

/// Placeholders to a statement: the protocol counts them in 16 bits.
const MAX_PARAMS: usize = 65_535;

async fn pool(n: usize) -> Result<MySqlPool, sqlx::Error> {
    let database = format!("related_bench_{n}");
    let admin = MySqlPoolOptions::new()
        .max_connections(1)
        .connect(&url())
        .await?;
    // The database name is built from a number: nothing to inject.
    sqlx::raw_sql(AssertSqlSafe(format!(
        "CREATE DATABASE IF NOT EXISTS {database}"
    )))
    .execute(&admin)
    .await?;
    admin.close().await;
    let options: MySqlConnectOptions = url().parse::<MySqlConnectOptions>()?.database(&database);
    MySqlPoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
}

/// Fill the schema of `n` posts with the generator's data, unless it holds
/// them already.
async fn fill(pool: &MySqlPool, n: usize) {
    let have: Option<i64> = sqlx::query_scalar("SELECT count(*) FROM blog_post")
        .fetch_one(pool)
        .await
        .ok();
    if have == Some(n as i64) {
        return;
    }
    sqlx::raw_sql("DROP TABLE IF EXISTS blog_post_tags, blog_post, blog_tag, blog_author")
        .execute(pool)
        .await
        .expect("drop tables");
    pool.create_tables(&[Author::info(), Tag::info(), Post::info()])
        .await
        .expect("create tables");
    let authors: Vec<Author> = (1..=common::AUTHORS)
        .map(|id| Author {
            id,
            name: format!("Author {id}"),
        })
        .collect();
    let tags: Vec<Tag> = (1..=common::TAGS)
        .map(|id| Tag {
            id,
            name: format!("tag-{id}"),
        })
        .collect();
    pool.insert_all(&authors).await.expect("authors");
    pool.insert_all(&tags).await.expect("tags");
    let generated = common::generate(n);
    let posts: Vec<Post> = generated
        .iter()
        .map(|p| Post {
            id: p.id,
            title: p.title.clone(),
            author: ForeignKey::new(p.author),
            tags: Default::default(),
        })
        .collect();
    pool.insert_all(&posts).await.expect("posts");
    let pairs: Vec<(i64, i64)> = generated
        .iter()
        .flat_map(|p| p.tags.iter().map(move |t| (p.id, *t)))
        .collect();
    pool.link_all(Post::tags(), &pairs).await.expect("links");
    sqlx::raw_sql("ANALYZE TABLE blog_author, blog_tag, blog_post, blog_post_tags")
        .execute(pool)
        .await
        .expect("analyze");
}

/// The next row of a sqlx stream (rows are handled as they arrive, not
/// collected first).
async fn next_row(
    rows: &mut Pin<Box<dyn Stream<Item = Result<MySqlRow, sqlx::Error>> + Send + '_>>,
) -> Result<Option<MySqlRow>, sqlx::Error> {
    std::future::poll_fn(|cx| rows.as_mut().poll_next(cx))
        .await
        .transpose()
}

async fn load_related(pool: &MySqlPool) -> Vec<Post> {
    Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .all_async(pool)
        .await
        .expect("related load")
}

/// The limit on MySQL: the same statements by hand on sqlx, in the same
/// kind of transaction `related` opens (set and started in one round trip),
/// the keys one placeholder each, split where `related` splits them.
async fn load_limit(pool: &MySqlPool) -> Result<Vec<PlainPost>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    sqlx::raw_sql(
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; \
         START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY",
    )
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
    let mut sql = String::new();
    for chunk in keys.chunks(MAX_PARAMS) {
        sql.clear();
        sql.push_str(
            "SELECT pt.post_id, t.id, t.name \
             FROM blog_tag t INNER JOIN blog_post_tags pt ON pt.tag_id = t.id \
             WHERE pt.post_id IN (?",
        );
        for _ in 1..chunk.len() {
            sql.push_str(", ?");
        }
        sql.push(')');
        let mut query = sqlx::query(AssertSqlSafe(sql.clone()));
        for key in chunk {
            query = query.bind(*key);
        }
        let mut rows = query.fetch(&mut *conn);
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
    let sizes: Vec<usize> = match std::env::var("BLOG_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|s| s.trim().parse().expect("BLOG_SIZES"))
            .collect(),
        Err(_) => common::SIZES.to_vec(),
    };
    let mut pools = Vec::new();
    for &n in &sizes {
        match rt.block_on(pool(n)) {
            Ok(p) => {
                rt.block_on(fill(&p, n));
                pools.push((n, p));
            }
            Err(e) => {
                eprintln!("MySQL at {} is not reachable ({e}): nothing to run", url());
                return;
            }
        }
    }
    // `BLOG_PROFILE=related|limit` (with `BLOG_REPEAT`) only runs that
    // loader, for a profiler; `sql` prints `related`'s statements.
    if let Ok(which) = std::env::var("BLOG_PROFILE") {
        let repeat: usize = std::env::var("BLOG_REPEAT")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        for (_, pool) in &pools {
            if which == "sql" {
                let log = related::StatementLog::new();
                log.start_recording();
                let q = Post::query()
                    .select_related(Post::author())
                    .prefetch_related(Post::tags());
                rt.block_on(q.all_async(related::Logged::new(pool, &log)))
                    .expect("related load");
                for s in log.statements() {
                    eprintln!("{s:?}");
                }
                continue;
            }
            for _ in 0..repeat {
                let touched = match which.as_str() {
                    "related" => touch_related(&rt.block_on(load_related(pool))),
                    "limit" => touch_plain(&rt.block_on(load_limit(pool)).expect("limit")),
                    other => panic!("BLOG_PROFILE: unknown loader {other}"),
                };
                black_box(touched);
            }
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    for (n, pool) in &pools {
        let n = *n;
        // Both loaders load the same graph.
        let mut related = common::to_plain(&rt.block_on(load_related(pool)));
        let mut limit = rt.block_on(load_limit(pool)).expect("limit");
        related.sort_unstable_by_key(|p| p.id);
        limit.sort_unstable_by_key(|p| p.id);
        assert_eq!(related.len(), n);
        assert!(
            related == limit,
            "related and the limit differ at {n} posts"
        );

        let mut group = c.benchmark_group(format!("mysql_{n}"));
        common::configure(&mut group, n, Duration::from_secs(8));
        group.bench_function("related", |b| {
            b.iter(|| black_box(touch_related(&rt.block_on(load_related(pool)))))
        });
        group.bench_function("limit", |b| {
            b.iter(|| black_box(touch_plain(&rt.block_on(load_limit(pool)).expect("limit"))))
        });
        group.finish();
    }
    c.final_summary();
    if std::env::var("BLOG_PAIRED").is_ok_and(|v| v == "0") {
        return;
    }
    println!();
    println!(
        "| posts (MySQL) | pairs | related (median, wall) | limit (median, wall) | median of related/limit per pair | client CPU related / limit |"
    );
    println!("|---|---|---|---|---|---|");
    for (n, pool) in &pools {
        let pairs = match std::env::var("BLOG_PAIRS")
            .ok()
            .and_then(|p| p.parse().ok())
        {
            Some(pairs) => pairs,
            None => match n {
                0..=1_000 => 101,
                1_001..=20_000 => 21,
                _ => 7,
            },
        };
        let (mut rel, mut lim, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        let (mut rel_cpu, mut lim_cpu) = (Vec::new(), Vec::new());
        for i in 0..pairs {
            // Wall time (the server's work is part of the job) and this
            // process's CPU time (the client's share: decoding, stitching).
            let time = |related: bool| {
                let cpu = common::cpu::process_cpu_time();
                let start = Instant::now();
                if related {
                    black_box(touch_related(&rt.block_on(load_related(pool))));
                } else {
                    black_box(touch_plain(&rt.block_on(load_limit(pool)).expect("limit")));
                }
                (
                    start.elapsed().as_secs_f64() * 1e3,
                    common::cpu::process_cpu_time()
                        .saturating_sub(cpu)
                        .as_secs_f64()
                        * 1e3,
                )
            };
            let (r, l) = if i % 2 == 0 {
                let r = time(true);
                (r, time(false))
            } else {
                let l = time(false);
                (time(true), l)
            };
            rel.push(r.0);
            lim.push(l.0);
            ratio.push(r.0 / l.0);
            rel_cpu.push(r.1);
            lim_cpu.push(l.1);
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let cpu_ratio = med(&mut rel_cpu) / med(&mut lim_cpu);
        println!(
            "| {n} | {pairs} | {:.2} ms | {:.2} ms | {:.3} | {cpu_ratio:.3} |",
            med(&mut rel),
            med(&mut lim),
            med(&mut ratio)
        );
    }
}
