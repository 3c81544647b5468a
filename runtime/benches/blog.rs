//! The blog benchmark: `related` against the hand-written limit, a bound IN
//! list and naive N+1, on the same data in the same run.
//!
//! ```text
//! cargo bench -p related --bench blog
//! python3 runtime/benches/report.py      # the table with ratios
//! ```
//!
//! Groups are `<backend>_<posts>` (`file_10000`, `memory_500`, ...), each with
//! `related`, `related_detector_on` (the same load in an N+1 detector
//! scope), `limit` (two statements by hand, key list as one `rarray`
//! parameter), `in_list` (by hand, `IN (?, ...)` split at the variable limit)
//! and, at 500 posts, `naive` (N+1). Set `BLOG_SIZES=500,10000` to run a
//! subset.
//!
//! After criterion, a paired timing on the file databases alternates
//! `related` and `limit` (related, limit, limit, related, ...) and prints
//! the median of each and the median of the per-pair ratios: a cross-check
//! of criterion's ratios that a change of load on a shared machine cannot
//! tilt, since both sides of a pair run within a second of each other.
//! `BLOG_PAIRED=0` skips it.
//!
//! `BLOG_PROFILE=related|limit|in_list` (with `BLOG_SIZES`, `BLOG_REPEAT`)
//! runs only that loader, for a profiler: `perf record`, callgrind.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use criterion::measurement::Measurement;
use related::Sqlite;

use common::{
    load_in_list, load_limit, load_naive, load_related, touch_plain, touch_related, verify,
};

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Alternate `related` and the limit `pairs` times; medians in ms and the
/// median per-pair ratio.
fn paired(db: &related::Sqlite, pairs: usize) -> (f64, f64, f64) {
    let conn = db.connection();
    let (mut rel, mut lim, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..pairs {
        let time = |related: bool| {
            let now = common::cpu::now;
            let start = now();
            if related {
                black_box(touch_related(&load_related(db)));
            } else {
                black_box(touch_plain(&load_limit(conn).expect("limit")));
            }
            now().saturating_sub(start).as_secs_f64() * 1e3
        };
        let (r, l) = common::alternate(i, time);
        rel.push(r);
        lim.push(l);
        ratio.push(r / l);
    }
    (median(&mut rel), median(&mut lim), median(&mut ratio))
}

fn sizes() -> Vec<usize> {
    match std::env::var("BLOG_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|s| {
                s.trim()
                    .parse()
                    .expect("BLOG_SIZES: comma-separated post counts")
            })
            .collect(),
        Err(_) => common::SIZES.to_vec(),
    }
}

fn bench_db<M: Measurement>(c: &mut Criterion<M>, backend: &str, n: usize, db: &Sqlite) {
    verify(db, n);
    let mut group = c.benchmark_group(format!("{backend}_{n}"));
    common::configure(&mut group, n, Duration::from_secs(6));
    let conn = db.connection();
    group.bench_function("related", |b| {
        b.iter(|| {
            let posts = load_related(db);
            black_box(touch_related(&posts))
        })
    });
    // The same load inside an N+1 detector scope (statements recorded,
    // shapes counted): the cost of the detector when on. Off (no scope
    // open, as `related` above runs), an executor pays one relaxed atomic
    // load per statement.
    group.bench_function("related_detector_on", |b| {
        let settings = related::n_plus_one::Settings {
            enabled: true,
            ..Default::default()
        };
        b.iter(|| {
            let scope = related::n_plus_one::Scope::with_settings(settings);
            let posts = scope.run(|| load_related(db));
            black_box(scope.finish());
            black_box(touch_related(&posts))
        })
    });
    group.bench_function("limit", |b| {
        b.iter(|| {
            let posts = load_limit(conn).expect("limit");
            black_box(touch_plain(&posts))
        })
    });
    group.bench_function("in_list", |b| {
        b.iter(|| {
            let posts = load_in_list(conn).expect("in-list");
            black_box(touch_plain(&posts))
        })
    });
    if n <= 500 {
        group.bench_function("naive", |b| {
            b.iter(|| {
                let posts = load_naive(conn).expect("naive");
                black_box(touch_plain(&posts))
            })
        });
    }
    group.finish();
}

fn main() {
    // `BLOG_PROFILE=related|limit|in_list` only runs that loader
    // (`BLOG_REPEAT` times) for a profiler: perf, callgrind.
    if let Ok(which) = std::env::var("BLOG_PROFILE") {
        let repeat: usize = std::env::var("BLOG_REPEAT")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        for n in sizes() {
            let db = common::open_file(n);
            let conn = db.connection();
            for _ in 0..repeat {
                let touched = match which.as_str() {
                    "related" => touch_related(&load_related(&db)),
                    "limit" => touch_plain(&load_limit(conn).expect("limit")),
                    "in_list" => touch_plain(&load_in_list(conn).expect("in-list")),
                    other => panic!("BLOG_PROFILE: unknown loader {other}"),
                };
                black_box(touched);
            }
        }
        return;
    }
    if common::cpu::use_cpu_clock() {
        run(Criterion::default().with_measurement(common::cpu::CpuTime));
    } else {
        run(Criterion::default());
    }
}

fn run<M: Measurement>(c: Criterion<M>) {
    let mut c = c.configure_from_args();
    for n in sizes() {
        let file = common::open_file(n);
        bench_db(&mut c, "file", n, &file);
        drop(file);
        let memory = common::open_memory(n);
        bench_db(&mut c, "memory", n, &memory);
    }
    c.final_summary();
    if std::env::var("BLOG_PAIRED").is_ok_and(|v| v == "0") {
        return;
    }
    println!();
    println!(
        "| posts (SQLite file) | pairs | related (median) | limit (median) | median of related/limit per pair |"
    );
    println!("|---|---|---|---|---|");
    for n in sizes() {
        let pairs = match n {
            0..=1_000 => 201,
            1_001..=20_000 => 41,
            _ => 9,
        };
        let (r, l, ratio) = paired(&common::open_file(n), pairs);
        println!("| {n} | {pairs} | {r:.2} ms | {l:.2} ms | {ratio:.3} |");
    }
}
