//! diesel's published benchmark "loading associations sequentially"
//! (diesel-rs/metrics) on PostgreSQL: 100 users x 10 posts x 10 comments,
//! one iteration = users, their posts, those posts' comments (three
//! SELECTs), returned as users with posts with comments. See
//! `src/metrics/mod.rs` for the schema and the data.
//!
//! ```text
//! CARGO_TARGET_DIR=target/peers cargo bench --manifest-path peers/Cargo.toml --bench metrics_assoc
//! ```
//!
//! Needs a server: `$RELATED_BENCH_PG` or
//! `postgres://postgres@127.0.0.1:5432/test`; the tables go to schema
//! `metrics_assoc`, recreated on every run. Every peer's result is checked
//! against the graph the generation rules give (counts, checksum, equality)
//! before anything is timed.
//!
//! Two measurements, wall clock (the server's work and the round trips are
//! part of the job): criterion's medians, then `METRICS_ROUNDS` rounds
//! (default 300; 0 skips them) that run every peer once per round in a
//! rotating order, with the process's CPU time per iteration (the client's
//! share) and the time of one `SELECT 1` round trip. `METRICS_ONLY=<peer>`
//! with `METRICS_REPEAT=<n>` runs one peer n times and nothing else (for
//! `perf` / `strace`).

#[path = "../../runtime/benches/common/cpu.rs"]
#[allow(dead_code)]
mod cpu;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::Criterion;
use related_peers::metrics::{
    self, Graph, diesel_assoc, related_assoc, seaorm_assoc, setup, sqlx_assoc,
};
use tokio::runtime::Runtime;

/// The loaders, by the name criterion and the tables use.
const PEERS: [&str; 8] = [
    "related",
    "related_conn",
    "related_nosnap",
    "diesel",
    "diesel_async",
    "sqlx",
    "seaorm_loader",
    "seaorm_entity_loader",
];

/// Every connection, opened once: each peer keeps its own.
struct Peers {
    rt: Runtime,
    pool: related::sqlx::PgPool,
    related_conn: related::sqlx::PgConnection,
    related_nosnap: related::sqlx::PgConnection,
    diesel: diesel::PgConnection,
    diesel_async: diesel_async::AsyncPgConnection,
    sqlx: sqlx::PgConnection,
    sea: sea_orm::DatabaseConnection,
}

impl Peers {
    fn open() -> Peers {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        let pool = rt.block_on(related_assoc::pool()).expect("related pool");
        let related_conn = rt
            .block_on(related_assoc::connection())
            .expect("related connection");
        let related_nosnap = rt
            .block_on(related_assoc::connection())
            .expect("related connection");
        let diesel = diesel_assoc::connect().expect("diesel connection");
        let diesel_async = rt
            .block_on(diesel_assoc::asynchronous::connect())
            .expect("diesel-async connection");
        let sqlx = rt.block_on(sqlx_assoc::connect()).expect("sqlx connection");
        let sea = rt
            .block_on(seaorm_assoc::connect())
            .expect("SeaORM connection");
        Peers {
            rt,
            pool,
            related_conn,
            related_nosnap,
            diesel,
            diesel_async,
            sqlx,
            sea,
        }
    }

    /// One iteration of `peer`: load, and return the number of users (the
    /// result is dropped inside the timed region, as in diesel's bench).
    fn run(&mut self, peer: &str) -> usize {
        let rt = &self.rt;
        match peer {
            "related" => rt
                .block_on(related_assoc::load(&self.pool))
                .expect("related")
                .len(),
            "related_conn" => rt
                .block_on(related_assoc::load(&mut self.related_conn))
                .expect("related_conn")
                .len(),
            "related_nosnap" => rt
                .block_on(related_assoc::load_without_snapshot(
                    &mut self.related_nosnap,
                ))
                .expect("related_nosnap")
                .len(),
            "diesel" => diesel_assoc::load(&mut self.diesel).expect("diesel").len(),
            "diesel_async" => rt
                .block_on(diesel_assoc::asynchronous::load(&mut self.diesel_async))
                .expect("diesel_async")
                .len(),
            "sqlx" => rt
                .block_on(sqlx_assoc::load(&mut self.sqlx))
                .expect("sqlx")
                .len(),
            "seaorm_loader" => rt
                .block_on(seaorm_assoc::load(&self.sea))
                .expect("seaorm_loader")
                .len(),
            "seaorm_entity_loader" => rt
                .block_on(seaorm_assoc::load_ex(&self.sea))
                .expect("seaorm_entity_loader")
                .len(),
            other => panic!("no peer {other:?}; peers: {PEERS:?}"),
        }
    }

    /// One iteration of `peer`, in the plain shape.
    fn graph(&mut self, peer: &str) -> Graph {
        let rt = &self.rt;
        match peer {
            "related" => related_assoc::graph(
                &rt.block_on(related_assoc::load(&self.pool))
                    .expect("related"),
            )
            .expect("related: a level was not loaded"),
            "related_conn" => related_assoc::graph(
                &rt.block_on(related_assoc::load(&mut self.related_conn))
                    .expect("related_conn"),
            )
            .expect("related_conn: a level was not loaded"),
            "related_nosnap" => related_assoc::graph(
                &rt.block_on(related_assoc::load_without_snapshot(
                    &mut self.related_nosnap,
                ))
                .expect("related_nosnap"),
            )
            .expect("related_nosnap: a level was not loaded"),
            "diesel" => diesel_assoc::graph(diesel_assoc::load(&mut self.diesel).expect("diesel")),
            "diesel_async" => diesel_assoc::graph(
                rt.block_on(diesel_assoc::asynchronous::load(&mut self.diesel_async))
                    .expect("diesel_async"),
            ),
            "sqlx" => {
                sqlx_assoc::graph(rt.block_on(sqlx_assoc::load(&mut self.sqlx)).expect("sqlx"))
            }
            "seaorm_loader" => seaorm_assoc::graph(
                rt.block_on(seaorm_assoc::load(&self.sea))
                    .expect("seaorm_loader"),
            ),
            "seaorm_entity_loader" => seaorm_assoc::graph_ex(
                &rt.block_on(seaorm_assoc::load_ex(&self.sea))
                    .expect("seaorm_entity_loader"),
            ),
            other => panic!("no peer {other:?}; peers: {PEERS:?}"),
        }
    }

    /// One `SELECT 1` on the sqlx connection: the cost of a round trip.
    fn ping(&mut self) {
        self.rt
            .block_on(sqlx::query("SELECT 1").execute(&mut self.sqlx))
            .expect("SELECT 1");
    }
}

/// Every peer loads the graph the generation rules describe, and `related`
/// sends its three statements.
fn check(peers: &mut Peers) {
    let expected = metrics::expected();
    let want = (metrics::counts(&expected), metrics::checksum(&expected));
    assert_eq!(want.0, (100, 1_000, 10_000), "the generator's counts");
    println!(
        "expected: {} users, {} posts, {} comments, checksum {:016x}",
        want.0.0, want.0.1, want.0.2, want.1
    );
    for peer in PEERS {
        let got = metrics::canonical(peers.graph(peer));
        let have = (metrics::counts(&got), metrics::checksum(&got));
        println!(
            "{peer}: {} users, {} posts, {} comments, checksum {:016x}",
            have.0.0, have.0.1, have.0.2, have.1
        );
        assert_eq!(have, want, "{peer}: counts or checksum differ");
        assert!(got == expected, "{peer} loads a different graph");
    }
    let log = related::StatementLog::new();
    log.start_recording();
    let users = peers
        .rt
        .block_on(related_assoc::load(related::Logged::new(&peers.pool, &log)))
        .expect("related, logged");
    assert_eq!(users.len(), 100);
    if std::env::var_os("METRICS_SQL").is_some() {
        for s in log.statements() {
            println!("related sends: {}", s.sql);
        }
    }
    assert_eq!(log.count(), 3, "related's statements (SELECTs) per load");
}

/// criterion's median for `id`, read back from its output directory.
fn criterion_median(id: &str) -> Option<f64> {
    let dir = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|d| PathBuf::from(d).join("criterion"))
        })
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/criterion")));
    let text = std::fs::read_to_string(
        dir.join("metrics_assoc")
            .join(id)
            .join("new/estimates.json"),
    )
    .ok()?;
    // {"mean":{...},"median":{"confidence_interval":{...},"point_estimate":X,...
    let median = &text[text.find("\"median\"")?..];
    let value = &median[median.find("\"point_estimate\":")? + "\"point_estimate\":".len()..];
    let end = value.find([',', '}'])?;
    value[..end].trim().parse::<f64>().ok()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// `rounds` rounds, each running every peer once (rotating which goes
/// first) and one round trip; prints medians of wall and client CPU time.
fn rounds(peers: &mut Peers, rounds: usize) {
    let n = PEERS.len();
    let mut wall = vec![Vec::with_capacity(rounds); n];
    let mut cpu = vec![Vec::with_capacity(rounds); n];
    let mut ping = Vec::with_capacity(rounds);
    for r in 0..rounds {
        for k in 0..n {
            let i = (r + k) % n;
            let c0 = cpu::process_cpu_time();
            let t0 = Instant::now();
            black_box(peers.run(PEERS[i]));
            wall[i].push(t0.elapsed().as_secs_f64() * 1e3);
            cpu[i].push((cpu::process_cpu_time() - c0).as_secs_f64() * 1e3);
        }
        let t0 = Instant::now();
        peers.ping();
        ping.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    let rows: Vec<(&str, f64, f64)> = PEERS
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, median(&mut wall[i]), median(&mut cpu[i])))
        .collect();
    let fastest = rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    let least_cpu = rows.iter().map(|r| r.2).fold(f64::INFINITY, f64::min);
    println!();
    println!("Interleaved, {rounds} rounds (medians per iteration):");
    println!();
    println!("| peer | wall | wall / fastest | client CPU | CPU / least | wall - CPU |");
    println!("|---|---|---|---|---|---|");
    let mut sorted = rows.clone();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (p, w, c) in sorted {
        println!(
            "| {p} | {w:.3} ms | {:.2} | {c:.3} ms | {:.2} | {:.3} ms |",
            w / fastest,
            c / least_cpu,
            w - c
        );
    }
    println!();
    println!(
        "one `SELECT 1` round trip (sqlx): {:.3} ms",
        median(&mut ping)
    );
}

fn main() {
    let setup_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(e) = setup_rt.block_on(setup::fill()) {
        eprintln!(
            "PostgreSQL at {} is not usable ({e}): nothing to run",
            metrics::base_url()
        );
        return;
    }
    drop(setup_rt);
    let mut peers = Peers::open();
    check(&mut peers);

    if let Ok(only) = std::env::var("METRICS_ONLY") {
        let repeat: usize = std::env::var("METRICS_REPEAT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000);
        let t0 = Instant::now();
        for _ in 0..repeat {
            black_box(peers.run(&only));
        }
        println!(
            "{only}: {repeat} iterations, {:.3} ms each",
            t0.elapsed().as_secs_f64() * 1e3 / repeat as f64
        );
        return;
    }

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6))
        .configure_from_args();
    {
        let mut group = c.benchmark_group("metrics_assoc");
        for peer in PEERS {
            group.bench_function(peer, |b| b.iter(|| peers.run(peer)));
        }
        group.finish();
    }
    c.final_summary();

    let found: Vec<(&str, f64)> = PEERS
        .iter()
        .filter_map(|p| criterion_median(p).map(|m| (*p, m / 1e6)))
        .collect();
    if found.len() == PEERS.len() {
        let fastest = found.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
        let mut sorted = found.clone();
        sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
        println!();
        println!("criterion medians (wall):");
        println!();
        println!("| peer | median per iteration | ratio to fastest |");
        println!("|---|---|---|");
        for (p, m) in sorted {
            println!("| {p} | {m:.3} ms | {:.2} |", m / fastest);
        }
    } else {
        println!("(criterion's estimates not found: set CARGO_TARGET_DIR or CRITERION_HOME)");
    }

    let n: usize = std::env::var("METRICS_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    if n > 0 {
        rounds(&mut peers, n);
    }
}
