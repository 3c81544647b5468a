//! The blog benchmark: `related` against the hand-written limit, a bound IN
//! list and naive N+1, on the same data in the same run.
//!
//! ```text
//! cargo bench -p related --bench blog
//! python3 runtime/benches/report.py      # the table with ratios
//! ```
//!
//! Groups are `<backend>_<posts>` (`file_10000`, `memory_500`, ...), each with
//! `related`, `limit` (two statements by hand, key list as one `rarray`
//! parameter), `in_list` (by hand, `IN (?, ...)` split at the variable limit)
//! and, at 500 posts, `naive` (N+1). Set `BLOG_SIZES=500,10000` to run a
//! subset.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode};
use related::Sqlite;

use common::{
    load_in_list, load_limit, load_naive, load_related, touch_plain, touch_related, verify,
};

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

fn bench_db(c: &mut Criterion, backend: &str, n: usize, db: &Sqlite) {
    verify(db, n);
    let mut group = c.benchmark_group(format!("{backend}_{n}"));
    // One iteration at 100,000 posts takes about half a second: ten flat
    // samples keep the whole suite within a few minutes.
    match n {
        0..=1_000 => {
            group.sample_size(50);
            group.measurement_time(Duration::from_secs(3));
        }
        1_001..=20_000 => {
            group.sample_size(20);
            group.measurement_time(Duration::from_secs(4));
        }
        _ => {
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.measurement_time(Duration::from_secs(6));
        }
    }
    group.warm_up_time(Duration::from_secs(1));
    let conn = db.connection();
    group.bench_function("related", |b| {
        b.iter(|| {
            let posts = load_related(db);
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
    let mut c = Criterion::default().configure_from_args();
    for n in sizes() {
        let file = common::open_file(n);
        bench_db(&mut c, "file", n, &file);
        drop(file);
        let memory = common::open_memory(n);
        bench_db(&mut c, "memory", n, &memory);
    }
    c.final_summary();
}
