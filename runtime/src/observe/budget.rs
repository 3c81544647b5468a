//! Statement budgets for tests: Django's `assertNumQueries`, exact or as a
//! ceiling, over every executor, sync or async.
//!
//! Each runs its block in a [`Scope`] and panics (failing the test) with the
//! list of statements the block sent when the count is not what it should
//! be. The block's result is returned untouched.

use std::fmt::Write as _;
use std::future::Future;
use std::panic::Location;

use crate::observe::log::LoggedStatement;
use crate::observe::n_plus_one::{RunBlock, Scope};

/// How a budget compares the count.
#[derive(Clone, Copy)]
enum Budget {
    Exactly(usize),
    AtMost(usize),
}

impl Budget {
    fn holds(self, sent: usize) -> bool {
        match self {
            Budget::Exactly(n) => sent == n,
            Budget::AtMost(n) => sent <= n,
        }
    }
}

/// Run `f`; panic unless it sent exactly `n` statements (through any
/// executor, on this thread). Transaction control (BEGIN, COMMIT) is not
/// counted.
///
/// ```
/// use related::prelude::*;
/// use related::Sqlite;
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// # fn main() -> related::Result<()> {
/// let db = Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info()])?;
/// let authors = related::expect_statements(1, || Author::query().all(&db))?;
/// assert!(authors.is_empty());
/// # Ok(()) }
/// ```
#[track_caller]
pub fn expect_statements<T>(n: usize, f: impl RunBlock<T>) -> T {
    check_sync(Budget::Exactly(n), Location::caller(), || f.run())
}

/// Run `f`; panic if it sent more than `n` statements.
///
/// ```should_panic
/// # use related::prelude::*;
/// # #[derive(Clone, Debug, Model)]
/// # struct Author { id: i64, name: String }
/// # let db = related::Sqlite::open_in_memory().unwrap();
/// # db.create_tables(&[Author::info()]).unwrap();
/// // Panics: two statements, a budget of one.
/// related::expect_at_most(1, || {
///     Author::query().all(&db).unwrap();
///     Author::query().all(&db).unwrap();
/// });
/// ```
#[track_caller]
pub fn expect_at_most<T>(n: usize, f: impl RunBlock<T>) -> T {
    check_sync(Budget::AtMost(n), Location::caller(), || f.run())
}

/// [`expect_statements`] for a future: counts what it sends on whatever
/// thread polls it.
///
/// ```
/// # use related::prelude::*;
/// # #[derive(Clone, Debug, Model)]
/// # struct Author { id: i64, name: String }
/// # #[cfg(all(feature = "sqlite", feature = "tokio"))]
/// # async fn demo(db: &related::AsyncSqlite) -> related::Result<()> {
/// let authors = related::expect_statements_async(1, Author::query().all_async(db)).await?;
/// # Ok(()) }
/// ```
#[track_caller]
pub fn expect_statements_async<F: Future>(n: usize, future: F) -> impl Future<Output = F::Output> {
    check_async(Budget::Exactly(n), Location::caller(), future)
}

/// [`expect_at_most`] for a future.
#[track_caller]
pub fn expect_at_most_async<F: Future>(n: usize, future: F) -> impl Future<Output = F::Output> {
    check_async(Budget::AtMost(n), Location::caller(), future)
}

fn check_sync<T>(budget: Budget, at: &'static Location<'static>, f: impl FnOnce() -> T) -> T {
    let scope = Scope::new();
    let out = scope.run(f);
    close(budget, at, scope);
    out
}

async fn check_async<F: Future>(
    budget: Budget,
    at: &'static Location<'static>,
    future: F,
) -> F::Output {
    let scope = Scope::new();
    let out = scope.instrument(future).await;
    close(budget, at, scope);
    out
}

fn close(budget: Budget, at: &'static Location<'static>, scope: Scope) {
    let sent = scope.statements();
    if !budget.holds(sent.len()) {
        panic!("{}", failure(budget, at, &sent));
    }
    scope.finish();
}

/// The panic message: the budget, where it was set, and every statement.
fn failure(budget: Budget, at: &Location<'_>, sent: &[LoggedStatement]) -> String {
    let wanted = match budget {
        Budget::Exactly(n) => format!("exactly {n}"),
        Budget::AtMost(n) => format!("at most {n}"),
    };
    let mut out = format!(
        "expected {wanted} statement(s) at {at}, {} were sent:",
        sent.len()
    );
    for (i, s) in sent.iter().enumerate() {
        let _ = write!(
            out,
            "\n  {}. {} ({} params, {} rows)",
            i + 1,
            s.sql,
            s.params,
            s.rows
        );
    }
    out
}
