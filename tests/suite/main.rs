//! The integration suite: every case on every backend, from one source.
//!
//! A backend whose server cannot be reached is reported, and its cases are
//! listed as ignored (never as passed). With `RELATED_REQUIRE_BACKENDS=1`
//! (set by `.ci/run`) an unreachable backend fails the run instead.

mod across;
mod backends;
mod chains;
mod correctness;
mod count;
mod example;
mod faults;
mod hostile;
mod lookups;
mod n_plus_one;
mod oracle;
mod oracle_text;
mod ordering;
mod prefetch;
mod schema;
mod select_related;
mod serialize;
mod shared;
mod tls;
mod typed;
mod types;

use std::sync::atomic::{AtomicUsize, Ordering};

use libtest_mimic::{Arguments, Failed, Trial};
use related_tests::harness::{Backend, Case, Db};

fn cases() -> Vec<&'static Case> {
    let mut all = Vec::new();
    all.extend(select_related::CASES);
    all.extend(chains::CASES);
    all.extend(count::CASES);
    all.extend(backends::CASES);
    all.extend(prefetch::CASES);
    all.extend(serialize::CASES);
    all.extend(schema::CASES);
    all.extend(oracle::CASES);
    all.extend(correctness::CASES);
    all.extend(oracle_text::CASES);
    all.extend(ordering::CASES);
    all.extend(example::CASES);
    all.extend(faults::CASES);
    all.extend(types::CASES);
    all.extend(n_plus_one::CASES);
    all.extend(tls::CASES);
    all.extend(across::CASES);
    all.extend(typed::CASES);
    all.extend(shared::CASES);
    all.extend(lookups::CASES);
    all.extend(hostile::CASES);
    all
}

fn main() {
    let args = Arguments::from_args();
    let require = std::env::var("RELATED_REQUIRE_BACKENDS").is_ok_and(|v| v == "1");
    let mut trials = Vec::new();
    let mut unreachable = Vec::new();
    for backend in [Backend::Sqlite, Backend::Postgres, Backend::Mysql] {
        let reachable = Db::open(backend, "probe").err();
        if let Some(why) = &reachable {
            unreachable.push((backend, why.clone()));
        }
        for case in cases().into_iter().filter(|c| c.runs_on(backend)) {
            let name = format!("{}::{}", backend.name(), case.name);
            let run = case.run;
            let trial = Trial::test(name, move || {
                STARTED[backend as usize].fetch_add(1, Ordering::Relaxed);
                let db = Db::open(backend, case.name).map_err(Failed::from)?;
                run(&db);
                PASSED[backend as usize].fetch_add(1, Ordering::Relaxed);
                Ok(())
            })
            .with_kind(if case.slow { "slow" } else { "" });
            // Slow cases run with `--include-ignored slow` (as `.ci/run`
            // does); an unreachable backend's cases are listed, not run.
            let trial = match (&reachable, require) {
                (Some(_), false) => trial.with_ignored_flag(true),
                _ => trial.with_ignored_flag(case.slow),
            };
            trials.push(trial);
            LISTED[backend as usize].fetch_add(1, Ordering::Relaxed);
        }
    }
    for (backend, why) in &unreachable {
        eprintln!(
            "NOTE: the {} cases are {} ({why})",
            backend.name(),
            if require {
                "required and will FAIL"
            } else {
                "NOT RUN, listed as ignored"
            }
        );
    }
    let conclusion = libtest_mimic::run(&args, trials);
    // Per backend, for the record: what ran, and what was listed but not
    // run (ignored, or left out by a filter).
    if STARTED.iter().any(|n| n.load(Ordering::Relaxed) > 0) {
        let line: Vec<String> = [Backend::Sqlite, Backend::Postgres, Backend::Mysql]
            .iter()
            .map(|&b| {
                let i = b as usize;
                let started = STARTED[i].load(Ordering::Relaxed);
                let passed = PASSED[i].load(Ordering::Relaxed);
                let listed = LISTED[i].load(Ordering::Relaxed);
                format!(
                    "{} {passed} passed, {} failed, {} not run",
                    b.name(),
                    started - passed,
                    listed - started
                )
            })
            .collect();
        eprintln!("per backend: {}", line.join("; "));
    }
    conclusion.exit();
}

static LISTED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
static STARTED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
static PASSED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
