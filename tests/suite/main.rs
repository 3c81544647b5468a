//! The integration suite: every case on every backend, from one source.
//!
//! A backend whose server cannot be reached is reported, and its cases are
//! listed as ignored (never as passed). With `RELATED_REQUIRE_BACKENDS=1`
//! (set by `.ci/run`) an unreachable backend fails the run instead.

mod backends;
mod oracle;
mod prefetch;
mod schema;
mod select_related;
mod serialize;

use libtest_mimic::{Arguments, Failed, Trial};
use related_tests::harness::{Backend, Case, Db};

fn cases() -> Vec<&'static Case> {
    let mut all = Vec::new();
    all.extend(select_related::CASES);
    all.extend(backends::CASES);
    all.extend(prefetch::CASES);
    all.extend(serialize::CASES);
    all.extend(schema::CASES);
    all.extend(oracle::CASES);
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
                let db = Db::open(backend, case.name).map_err(Failed::from)?;
                run(&db);
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
    libtest_mimic::run(&args, trials).exit();
}
