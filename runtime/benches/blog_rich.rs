//! The realistic variant of the blog benchmark (issue 11): posts with ~400
//! bytes of content and a timestamp, authors with an e-mail address; the
//! same graph as `blog`. `related` against its hand-written limit on the
//! file databases, criterion then a paired run.
//!
//! ```text
//! cargo bench -p related --features chrono --bench blog_rich
//! ```
//!
//! `BLOG_SIZES`, `BLOG_CLOCK=wall` and `BLOG_PAIRED=0` as for `blog`;
//! `BLOG_PROFILE=related|limit` (with `BLOG_SIZES`, `BLOG_REPEAT`) runs one
//! loader only, for callgrind.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use criterion::measurement::Measurement;

#[path = "common/rich.rs"]
mod rich;

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

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Alternate `related` and the limit; medians in ms and the median
/// per-pair ratio (see `blog.rs`).
fn paired(db: &related::Sqlite, pairs: usize) -> (f64, f64, f64) {
    let conn = db.connection();
    let (mut rel, mut lim, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..pairs {
        let time = |related: bool| {
            let start = common::cpu::now();
            if related {
                black_box(rich::touch_related(&rich::load_related(db)));
            } else {
                black_box(rich::touch_plain(&rich::load_limit(conn).expect("limit")));
            }
            common::cpu::now().saturating_sub(start).as_secs_f64() * 1e3
        };
        let (r, l) = common::alternate(i, time);
        rel.push(r);
        lim.push(l);
        ratio.push(r / l);
    }
    (median(&mut rel), median(&mut lim), median(&mut ratio))
}

fn main() {
    if let Ok(which) = std::env::var("BLOG_PROFILE") {
        let repeat: usize = std::env::var("BLOG_REPEAT")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        for n in sizes() {
            let db = rich::open_file(n);
            for _ in 0..repeat {
                let touched = match which.as_str() {
                    "related" => rich::touch_related(&rich::load_related(&db)),
                    "limit" => {
                        rich::touch_plain(&rich::load_limit(db.connection()).expect("limit"))
                    }
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
        let db = rich::open_file(n);
        rich::verify(&db, n);
        let mut group = c.benchmark_group(format!("rich_{n}"));
        common::configure(&mut group, n, Duration::from_secs(6));
        group.bench_function("related", |b| {
            b.iter(|| black_box(rich::touch_related(&rich::load_related(&db))))
        });
        group.bench_function("limit", |b| {
            b.iter(|| {
                black_box(rich::touch_plain(
                    &rich::load_limit(db.connection()).expect("limit"),
                ))
            })
        });
        group.finish();
    }
    c.final_summary();
    if std::env::var("BLOG_PAIRED").is_ok_and(|v| v == "0") {
        return;
    }
    println!();
    println!(
        "| posts (rich, SQLite file) | pairs | related (median) | limit (median) | median of related/limit per pair |"
    );
    println!("|---|---|---|---|---|");
    for n in sizes() {
        let pairs = match n {
            0..=1_000 => 201,
            1_001..=20_000 => 41,
            _ => 9,
        };
        let (r, l, ratio) = paired(&rich::open_file(n), pairs);
        println!("| {n} | {pairs} | {r:.2} ms | {l:.2} ms | {ratio:.3} |");
    }
}
