//! Diesel and SeaORM on the blog job, on the files the `related` bench
//! writes. Run the `related` bench first (it creates the files), then:
//!
//! ```text
//! CARGO_TARGET_DIR=target/peers cargo bench --manifest-path peers/Cargo.toml
//! ```
//!
//! Groups `peers_<posts>`, functions `diesel`, `seaorm` (find_also_related +
//! load_many) and `seaorm_loader` (the 2.0 entity loader). A loader that
//! fails at a size is not benchmarked there; its error goes to
//! `target/bench-data/peers-failures.json`.

// The same clock as the `related` bench: process CPU time (every thread,
// so sqlx's SQLite worker thread counts for SeaORM), `BLOG_CLOCK=wall` for
// wall time.
#[path = "../../runtime/benches/common/cpu.rs"]
#[allow(dead_code)]
mod cpu;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::Measurement;
use criterion::{Criterion, SamplingMode};
use related_peers::{Loaded, SIZES, canonical, data_file, diesel_blog, seaorm_blog};

fn record(failures: &mut BTreeMap<String, String>, key: String, error: String) {
    let first_line = error.lines().next().unwrap_or("").to_owned();
    eprintln!("{key}: fails: {first_line}");
    failures.insert(key, first_line);
}

fn check(name: &str, n: usize, got: Loaded, expected: &mut Option<Loaded>) {
    let got = canonical(got);
    assert_eq!(got.len(), n, "{name} loaded {} posts", got.len());
    match expected {
        Some(e) => assert!(*e == got, "{name} loads a different graph at {n} posts"),
        None => *expected = Some(got),
    }
}

fn main() {
    if cpu::use_cpu_clock() {
        run(Criterion::default().with_measurement(cpu::CpuTime));
    } else {
        run(Criterion::default());
    }
}

fn run<M: Measurement>(c: Criterion<M>) {
    let mut c = c.configure_from_args();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let sizes: Vec<usize> = match std::env::var("BLOG_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|s| s.trim().parse().expect("BLOG_SIZES"))
            .collect(),
        Err(_) => SIZES.to_vec(),
    };
    let mut failures = BTreeMap::new();
    for n in sizes {
        let path = data_file(n);
        assert!(
            path.exists(),
            "{} is missing: run `cargo bench -p related --bench blog` first",
            path.display()
        );
        let mut diesel_conn = diesel_blog::connect(&path);
        let sea = rt.block_on(seaorm_blog::connect(&path));

        // One run of each, to check the results agree and to find failures.
        let mut expected = None;
        let diesel_ok = match diesel_blog::load(&mut diesel_conn) {
            Ok(rows) => {
                check("diesel", n, diesel_blog::plain(rows), &mut expected);
                true
            }
            Err(e) => {
                record(&mut failures, format!("diesel_{n}"), e.to_string());
                false
            }
        };
        let sea_ok = match rt.block_on(seaorm_blog::load(&sea)) {
            Ok(rows) => {
                check("seaorm", n, seaorm_blog::plain(rows), &mut expected);
                true
            }
            Err(e) => {
                record(&mut failures, format!("seaorm_{n}"), e.to_string());
                false
            }
        };
        let sea_ex_ok = match rt.block_on(seaorm_blog::load_ex(&sea)) {
            Ok(rows) => {
                check(
                    "seaorm_loader",
                    n,
                    seaorm_blog::plain_ex(rows),
                    &mut expected,
                );
                true
            }
            Err(e) => {
                record(&mut failures, format!("seaorm_loader_{n}"), e.to_string());
                false
            }
        };

        let mut group = c.benchmark_group(format!("peers_{n}"));
        match n {
            0..=1_000 => {
                group.sample_size(30);
                group.measurement_time(Duration::from_secs(3));
            }
            1_001..=20_000 => {
                group.sample_size(10);
                group.measurement_time(Duration::from_secs(4));
            }
            _ => {
                group.sample_size(10);
                group.sampling_mode(SamplingMode::Flat);
                group.measurement_time(Duration::from_secs(10));
            }
        }
        group.warm_up_time(Duration::from_secs(1));
        if diesel_ok {
            group.bench_function("diesel", |b| {
                b.iter(|| {
                    let rows = diesel_blog::load(&mut diesel_conn).expect("diesel");
                    black_box(diesel_blog::touch(&rows))
                })
            });
        }
        if sea_ok {
            group.bench_function("seaorm", |b| {
                b.iter(|| {
                    let rows = rt.block_on(seaorm_blog::load(&sea)).expect("seaorm");
                    black_box(seaorm_blog::touch(&rows))
                })
            });
        }
        if sea_ex_ok {
            group.bench_function("seaorm_loader", |b| {
                b.iter(|| {
                    let rows = rt.block_on(seaorm_blog::load_ex(&sea)).expect("seaorm");
                    black_box(seaorm_blog::touch_ex(&rows))
                })
            });
        }
        group.finish();
        rt.block_on(sea.close()).expect("close");
    }
    let out = data_file(0).with_file_name("peers-failures.json");
    let json = failures
        .iter()
        .map(|(k, v)| format!("  {k:?}: {v:?}"))
        .collect::<Vec<_>>()
        .join(",\n");
    std::fs::write(&out, format!("{{\n{json}\n}}\n")).expect("write peers-failures.json");
    c.final_summary();
}
