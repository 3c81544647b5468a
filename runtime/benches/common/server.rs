//! What the PostgreSQL and MySQL benches share: the pools per size, the
//! criterion groups, `BLOG_PROFILE` and the paired table. Each bench brings
//! its connection, its data loading and its two loaders.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;

use related::prelude::*;

use crate::common::{self, Author, PlainPost, Post, Tag, touch_plain, touch_related};

/// One bench: the server's name and what it runs.
pub struct Bench<'a, P> {
    /// "PostgreSQL", "MySQL": for messages and the table's header.
    pub server: &'static str,
    /// Prefix of the criterion groups (`postgres_500`).
    pub group: &'static str,
    /// `related`'s load (the bench's query).
    pub related: &'a dyn Fn(&P) -> Vec<Post>,
    /// The hand-written limit on the same driver.
    pub limit: &'a dyn Fn(&P) -> Vec<PlainPost>,
    /// Print the statements `related` sends (`BLOG_PROFILE=sql`).
    pub statements: &'a dyn Fn(&P),
}

/// The bench's query: posts with their author (JOIN) and tags (prefetch).
fn query() -> Query<Post> {
    Post::query()
        .select_related_untyped(Post::author())
        .prefetch_related_untyped(Post::tags())
}

/// `related`'s load of the bench's query on a pool.
pub async fn load_related<E: AsyncExecutor>(pool: E) -> Vec<Post> {
    query().all_async(pool).await.expect("related load")
}

/// Print the statements `related`'s load sends on `pool`
/// (`BLOG_PROFILE=sql`).
pub async fn print_statements<E: AsyncExecutor>(pool: E) {
    let log = related::StatementLog::new();
    log.start_recording();
    query()
        .all_async(related::Logged::new(pool, &log))
        .await
        .expect("related load");
    for s in log.statements() {
        eprintln!("{s:?}");
    }
}

/// Fill `pool` with the bench's graph of `n` posts (`common::generate`),
/// unless it holds them already: `drop_tables` and `analyze` are the
/// server's own statements.
pub async fn fill<P>(pool: &P, n: usize, drop_tables: impl AsyncFn(&P), analyze: impl AsyncFn(&P))
where
    for<'a> &'a P: AsyncExecutor,
{
    if Post::query().count_async(pool).await.ok() == Some(n as u64) {
        return;
    }
    drop_tables(pool).await;
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
    analyze(pool).await;
}

/// A pool per size of `BLOG_SIZES` (default `common::SIZES`), filled; None,
/// after saying so, if the server is not reachable.
pub fn pools<P, E: std::fmt::Display>(
    server: &str,
    url: &str,
    pool: impl Fn(usize) -> Result<P, E>,
    fill: impl Fn(&P, usize),
) -> Option<Vec<(usize, P)>> {
    let sizes: Vec<usize> = match std::env::var("BLOG_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|s| s.trim().parse().expect("BLOG_SIZES"))
            .collect(),
        Err(_) => common::SIZES.to_vec(),
    };
    let mut pools = Vec::new();
    for n in sizes {
        match pool(n) {
            Ok(p) => {
                fill(&p, n);
                pools.push((n, p));
            }
            Err(e) => {
                eprintln!("{server} at {url} is not reachable ({e}): nothing to run");
                return None;
            }
        }
    }
    Some(pools)
}

/// `BLOG_PROFILE=related|limit|sql` (with `BLOG_REPEAT`) runs only that,
/// for a profiler; otherwise the criterion groups and the paired table
/// (`BLOG_PAIRED=0` skips it, `BLOG_PAIRS` sets the pairs).
pub fn run<P>(pools: &[(usize, P)], bench: &Bench<'_, P>) {
    if let Ok(which) = std::env::var("BLOG_PROFILE") {
        profile(pools, bench, &which);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    for (n, pool) in pools {
        let n = *n;
        // Both loaders load the same graph.
        let mut related = common::to_plain(&(bench.related)(pool));
        let mut limit = (bench.limit)(pool);
        related.sort_unstable_by_key(|p| p.id);
        limit.sort_unstable_by_key(|p| p.id);
        assert_eq!(related.len(), n);
        assert!(
            related == limit,
            "related and the limit differ at {n} posts"
        );

        let mut group = c.benchmark_group(format!("{}_{n}", bench.group));
        common::configure(&mut group, n, Duration::from_secs(8));
        group.bench_function("related", |b| {
            b.iter(|| black_box(touch_related(&(bench.related)(pool))))
        });
        group.bench_function("limit", |b| {
            b.iter(|| black_box(touch_plain(&(bench.limit)(pool))))
        });
        group.finish();
    }
    c.final_summary();
    if std::env::var("BLOG_PAIRED").is_ok_and(|v| v == "0") {
        return;
    }
    paired(pools, bench);
}

fn profile<P>(pools: &[(usize, P)], bench: &Bench<'_, P>, which: &str) {
    let repeat: usize = std::env::var("BLOG_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for (_, pool) in pools {
        if which == "sql" {
            (bench.statements)(pool);
            continue;
        }
        for _ in 0..repeat {
            let touched = match which {
                "related" => touch_related(&(bench.related)(pool)),
                "limit" => touch_plain(&(bench.limit)(pool)),
                other => panic!("BLOG_PROFILE: unknown loader {other}"),
            };
            black_box(touched);
        }
    }
}

/// Pairs of one load each, in alternating order: wall time (the server's
/// work is part of the job) and this process's CPU time (the client's
/// share: decoding, stitching), medians and the median ratio per pair.
fn paired<P>(pools: &[(usize, P)], bench: &Bench<'_, P>) {
    println!();
    println!(
        "| posts ({}) | pairs | related (median, wall) | limit (median, wall) | median of related/limit per pair | client CPU related / limit |",
        bench.server
    );
    println!("|---|---|---|---|---|---|");
    for (n, pool) in pools {
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
        let time = |related: bool| {
            let cpu = common::cpu::process_cpu_time();
            let start = Instant::now();
            if related {
                black_box(touch_related(&(bench.related)(pool)));
            } else {
                black_box(touch_plain(&(bench.limit)(pool)));
            }
            (
                start.elapsed().as_secs_f64() * 1e3,
                common::cpu::process_cpu_time()
                    .saturating_sub(cpu)
                    .as_secs_f64()
                    * 1e3,
            )
        };
        for i in 0..pairs {
            let (r, l) = common::alternate(i, time);
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
