//! What a report says beyond the statement: where it was sent from, and
//! the query call that would have batched it.

use crate::model::relation::RelationKind;
use crate::model::table::ModelInfo;
use crate::observe::shape::first_table;

/// The first frames of the current stack in the caller's code (not in this
/// crate's sources, the standard library or a registry dependency): the
/// line that sent the statement, then up to two callers of it in other
/// files, so a helper that wraps the load does not hide the loop around it.
pub(super) fn call_site() -> Option<String> {
    let trace = std::backtrace::Backtrace::force_capture().to_string();
    // This crate's `src` directory, as the backtrace spells it.
    let ours = std::path::Path::new(file!())
        .ancestors()
        .find(|p| p.ends_with("src"))
        .and_then(|p| p.to_str())
        .unwrap_or("src");
    let frames: Vec<String> = trace
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("at "))
        .map(|at| at.trim_start_matches("./"))
        .filter(|path| {
            !path.starts_with(ours)
                && !path.contains(&format!("/{ours}/"))
                && !path.starts_with("/rustc/")
                && !path.contains("/.cargo/")
                && !path.contains("/.rustup/")
                && !path.contains("/library/std/")
                && !path.contains("/library/core/")
        })
        .map(|at| {
            // `path:line:column` -> `path:line`.
            match at.rsplit_once(':') {
                Some((head, col)) if col.chars().all(|c| c.is_ascii_digit()) => head.to_owned(),
                _ => at.to_owned(),
            }
        })
        .fold(Vec::<String>::new(), |mut kept, at| {
            // One line per file: a helper's own frames say little.
            let file = |s: &str| s.rsplit_once(':').map_or(s, |(f, _)| f).to_owned();
            if kept.len() < 3 && kept.last().is_none_or(|last| file(last) != file(&at)) {
                kept.push(at);
            }
            kept
        });
    (!frames.is_empty()).then(|| frames.join(" <- "))
}

/// The query call that loads what `shape` reads in one statement, if it
/// reads the target (or link table) of a relation of a model in `models`.
pub(super) fn suggest(shape: &str, models: &[&'static ModelInfo]) -> Option<String> {
    let table = first_table(shape)?;
    let mut calls = Vec::new();
    for model in models {
        if model.table == table {
            continue;
        }
        for relation in model.relations {
            let r = relation();
            let target = (r.target)();
            let through = r.kind.through().map(|(t, _, _)| t);
            if target.table != table && through != Some(table) {
                continue;
            }
            let call = match r.kind {
                RelationKind::ForeignKey { .. } | RelationKind::OneToOne { .. } => format!(
                    "`.select_related({m}::{f}())` (one JOIN) or `.prefetch_related({m}::{f}())`",
                    m = model.name,
                    f = r.name
                ),
                _ => format!("`.prefetch_related({}::{}())`", model.name, r.name),
            };
            calls.push(format!(
                "{call} on the query that loads the `{}` rows",
                model.name
            ));
        }
    }
    if calls.is_empty() {
        None
    } else {
        Some(format!(
            "load the relation with the rows instead: {}",
            calls.join(", or ")
        ))
    }
}
