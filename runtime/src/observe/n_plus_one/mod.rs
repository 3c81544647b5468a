//! Statement scopes and the N+1 detector.
//!
//! With no lazy loading an N+1 can still be written by hand: a query inside
//! a loop over rows. A [`Scope`] sees every statement any executor sends
//! while it is entered (sync SQLite, `AsyncSqlite` (features `sqlite` + `tokio`), sqlx pools,
//! connections and transactions) and counts them per *shape*: the SQL with
//! its values taken out. When one shape is sent more than
//! [`Settings::threshold`] times (default 5) in one scope, the scope reports
//! it when it closes: a `tracing` warning (target `related::n_plus_one`)
//! naming the statement, the count and the call site, with the
//! `select_related` / `prefetch_related` call that loads the same rows in
//! one statement when the repeated statement reads a relation of a model
//! loaded in the scope. [`Action::Panic`] turns the warning into a panic at
//! the end of the scope, for tests.
//!
//! The detector is on by default in debug builds and off in release builds
//! ([`configure`]). It never changes what a load returns: it only reads the
//! statements after they ran. With no scope open anywhere, an executor pays
//! one relaxed atomic load per statement.
//!
//! ```
//! use related::n_plus_one::Scope;
//!
//! let scope = Scope::new();
//! scope.run(|| {
//!     // ... loads on any executor, on this thread ...
//! });
//! assert_eq!(scope.count(), 0);
//! let repeated = scope.finish(); // reports (warns) and returns repeated shapes
//! assert!(repeated.is_empty());
//! ```
//!
//! With a `tracing` subscriber (feature `tracing-subscriber`),
//! `SpanLayer` makes spans scopes: a request's span, entered each time
//! its future is polled, counts the statements of the request, and the
//! repeats are reported when the span closes. No guard in the code.
//!
//! In async code, wrap the future: [`Scope::instrument`] enters the scope
//! each time the future is polled, on whatever thread runs it (a tokio task
//! may move between threads). Work the future hands to another task
//! (`tokio::spawn`) is not in the scope unless instrumented too;
//! `AsyncSqlite` (features `sqlite` + `tokio`) carries the scope to its blocking thread itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::panic::Location;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::model::table::ModelInfo;
use crate::observe::log::LoggedStatement;
use crate::observe::shape::shape;

mod hints;
mod settings;
#[cfg(feature = "tracing-subscriber")]
mod span_scope;

use hints::{call_site, suggest};
pub use settings::{Action, Settings, configure, settings};

#[cfg(feature = "tracing-subscriber")]
pub use span_scope::SpanLayer;

/// Scopes alive in the process: executors look further only when one is.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A statement shape sent more often than the threshold in one scope.
///
/// ```
/// use related::prelude::*;
/// use related::n_plus_one::{Action, Scope, Settings};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info()])?;
/// let scope = Scope::with_settings(Settings { enabled: true, threshold: 2, action: Action::Warn });
/// {
///     let _entered = scope.enter();
///     for id in 1..=3 {
///         Author::query().filter(Author::id().eq(id)).first(&db)?; // one statement per id
///     }
/// }
/// let repeated = scope.finish();
/// assert_eq!(repeated.len(), 1);
/// assert_eq!(repeated[0].count, 3);
/// assert!(repeated[0].shape.contains(r#"WHERE "author"."id" = ?"#));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeated {
    /// The SQL with its values taken out (`?`).
    pub shape: String,
    /// How many times it was sent in the scope.
    pub count: usize,
    /// The first lines of code outside `related`, the standard library and
    /// registry crates (the async runtime, the drivers) on the stack that
    /// sent it past the threshold, innermost first (`a.rs:10 <- b.rs:42`);
    /// or where the scope was opened when no such line is known (a build
    /// without debug information, or a statement sent from another thread).
    pub call_site: String,
    /// The query method that loads the same rows in one statement, when
    /// the repeated statement reads the target of a relation of a model
    /// loaded in the scope.
    pub suggestion: Option<String>,
}

impl fmt::Display for Repeated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "N+1: the same statement was sent {} times (at {}): {}",
            self.count, self.call_site, self.shape
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, "; {s}")?;
        }
        Ok(())
    }
}

/// Counts kept for one open scope.
#[derive(Default)]
struct Counts {
    statements: Vec<LoggedStatement>,
    shapes: HashMap<String, Shape>,
    /// Models loaded in the scope, for the suggestion.
    models: Vec<&'static ModelInfo>,
}

struct Shape {
    count: usize,
    call_site: Option<String>,
}

pub(crate) struct State {
    opened_at: &'static Location<'static>,
    /// Where the scope came from, for a repeat whose call site is unknown.
    origin: Option<String>,
    /// This scope's own settings; the process-wide ones when None.
    settings: Option<Settings>,
    parent: Option<Arc<State>>,
    counts: Mutex<Counts>,
}

impl State {
    fn settings(&self) -> Settings {
        self.settings.unwrap_or_else(settings)
    }

    fn lock(&self) -> MutexGuard<'_, Counts> {
        // Counts stay consistent whatever panicked while they were held.
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<State>>> = const { RefCell::new(None) };
}

/// A block of work whose statements are counted and checked for repeats.
///
/// A scope nested in another counts its statements in both. Closing it
/// (drop, or [`Scope::finish`]) reports repeated shapes as [`Settings`]
/// says.
///
/// ```
/// use related::prelude::*;
/// use related::{Sqlite, n_plus_one::Scope};
///
/// #[derive(Clone, Debug, Model)]
/// struct Author { id: i64, name: String }
///
/// # fn main() -> related::Result<()> {
/// let db = Sqlite::open_in_memory()?;
/// db.create_tables(&[Author::info()])?;
/// let scope = Scope::new();
/// let authors = scope.run(|| Author::query().all(&db))?;
/// assert!(authors.is_empty());
/// assert_eq!(scope.count(), 1);
/// assert!(scope.statements()[0].sql.starts_with("SELECT"));
/// # Ok(()) }
/// ```
pub struct Scope {
    state: Arc<State>,
    finished: bool,
}

impl Scope {
    /// Open a scope (not entered yet: see [`Scope::run`], [`Scope::enter`],
    /// [`Scope::instrument`]). Inside another entered scope, statements
    /// count in both.
    #[track_caller]
    pub fn new() -> Scope {
        Self::open(None)
    }

    /// A scope with its own detector settings instead of the process-wide
    /// ones (a test that must fail on a repeat, whatever the others do).
    ///
    /// ```
    /// use related::n_plus_one::{Action, Scope, Settings};
    ///
    /// let strict = Scope::with_settings(Settings { enabled: true, threshold: 1, action: Action::Panic });
    /// strict.run(|| { /* loads */ });
    /// assert!(strict.finish().is_empty());
    /// ```
    #[track_caller]
    pub fn with_settings(settings: Settings) -> Scope {
        Self::open(Some(settings))
    }

    #[track_caller]
    fn open(settings: Option<Settings>) -> Scope {
        Self::open_in(settings, None, current())
    }

    /// A scope that is not nested in the thread's current one, described
    /// by `origin` (a span's scope: the span decides where it is entered).
    #[cfg(feature = "tracing-subscriber")]
    #[track_caller]
    pub(crate) fn detached(origin: String) -> Scope {
        Self::open_in(None, Some(origin), None)
    }

    #[track_caller]
    fn open_in(
        settings: Option<Settings>,
        origin: Option<String>,
        parent: Option<Arc<State>>,
    ) -> Scope {
        LIVE.fetch_add(1, Ordering::Relaxed);
        Scope {
            state: Arc::new(State {
                opened_at: Location::caller(),
                origin,
                settings,
                parent,
                counts: Mutex::new(Counts::default()),
            }),
            finished: false,
        }
    }

    /// Enter the scope on this thread until the guard is dropped.
    pub fn enter(&self) -> Entered<'_> {
        Entered {
            previous: swap(Some(Arc::clone(&self.state))),
            _scope: std::marker::PhantomData,
        }
    }

    /// Run `f` inside the scope.
    pub fn run<T>(&self, f: impl RunBlock<T>) -> T {
        let _entered = self.enter();
        f.run()
    }

    /// `future`, entered in this scope each time it is polled.
    pub fn instrument<F: Future>(&self, future: F) -> impl Future<Output = F::Output> + use<F> {
        let state = Arc::clone(&self.state);
        async move {
            let mut future = std::pin::pin!(future);
            std::future::poll_fn(move |cx| {
                let previous = swap(Some(Arc::clone(&state)));
                let _restore = Restore(previous);
                future.as_mut().poll(cx)
            })
            .await
        }
    }

    #[cfg(feature = "tracing-subscriber")]
    pub(crate) fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// Statements sent in the scope so far.
    pub fn count(&self) -> usize {
        self.state.lock().statements.len()
    }

    /// The statements sent in the scope so far, oldest first.
    pub fn statements(&self) -> Vec<LoggedStatement> {
        self.state.lock().statements.clone()
    }

    /// Where the scope was opened.
    pub fn opened_at(&self) -> &'static Location<'static> {
        self.state.opened_at
    }

    /// The shapes sent more than the threshold so far (empty when the
    /// detector is off).
    pub fn repeated(&self) -> Vec<Repeated> {
        let threshold = self.state.settings().threshold;
        let counts = self.state.lock();
        let mut out: Vec<Repeated> = counts
            .shapes
            .iter()
            .filter(|(_, s)| s.count > threshold)
            .map(|(shape, s)| Repeated {
                shape: shape.clone(),
                count: s.count,
                call_site: s
                    .call_site
                    .clone()
                    .unwrap_or_else(|| match &self.state.origin {
                        Some(origin) => origin.clone(),
                        None => format!("the scope opened at {}", self.state.opened_at),
                    }),
                suggestion: suggest(shape, &counts.models),
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.shape.cmp(&b.shape)));
        out
    }

    /// Close the scope: report repeated shapes (warn or panic, as
    /// [`Settings::action`] says) and return them.
    pub fn finish(mut self) -> Vec<Repeated> {
        self.finished = true;
        let repeated = self.repeated();
        report(&repeated, self.state.settings().action);
        repeated
    }
}

impl Default for Scope {
    #[track_caller]
    fn default() -> Self {
        Scope::new()
    }
}

impl fmt::Debug for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scope")
            .field("opened_at", &self.state.opened_at)
            .field("count", &self.count())
            .finish()
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        if !self.finished && !std::thread::panicking() {
            report(&self.repeated(), self.state.settings().action);
        }
    }
}

fn report(repeated: &[Repeated], action: Action) {
    if repeated.is_empty() {
        return;
    }
    for r in repeated {
        tracing::warn!(
            target: "related::n_plus_one",
            statement = %r.shape,
            count = r.count,
            call_site = %r.call_site,
            suggestion = r.suggestion.as_deref().unwrap_or(""),
            "{r}"
        );
    }
    if action == Action::Panic && !std::thread::panicking() {
        let lines: Vec<String> = repeated.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }
}

/// The guard of [`Scope::enter`]: the scope stays entered on this thread
/// until it is dropped. Not `Send`: hold it across no `.await` (use
/// [`Scope::instrument`] there).
///
/// ```
/// use related::n_plus_one::Scope;
///
/// # fn main() -> related::Result<()> {
/// let db = related::Sqlite::open_in_memory()?;
/// let scope = Scope::new();
/// let entered = scope.enter();
/// db.execute("CREATE TABLE t (x INTEGER)", &[])?;
/// drop(entered);
/// db.execute("DROP TABLE t", &[])?; // after the guard: not counted
/// assert_eq!(scope.count(), 1);
/// # Ok(()) }
/// ```
pub struct Entered<'a> {
    previous: Option<Arc<State>>,
    _scope: std::marker::PhantomData<(&'a Scope, *const ())>,
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        swap(self.previous.take());
    }
}

/// Puts back the scope that was entered before.
pub(crate) struct Restore(Option<Arc<State>>);

impl Drop for Restore {
    fn drop(&mut self) {
        swap(self.0.take());
    }
}

pub(crate) fn swap(state: Option<Arc<State>>) -> Option<Arc<State>> {
    CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), state))
}

/// The scope entered on this thread, to carry onto another thread.
pub(crate) fn current() -> Option<Arc<State>> {
    if LIVE.load(Ordering::Relaxed) == 0 {
        return None;
    }
    CURRENT.with(|c| c.borrow().clone())
}

/// Enter a scope carried from another thread (nothing if `state` is None).
#[cfg(all(feature = "sqlite", feature = "tokio"))]
pub(crate) fn carry(state: Option<Arc<State>>) -> Restore {
    Restore(swap(state))
}

/// One statement sent by any executor (called where every statement is
/// traced).
#[inline]
pub(crate) fn observe(sql: &str, params: usize, rows: usize, duration: Duration) {
    if LIVE.load(Ordering::Relaxed) == 0 {
        return;
    }
    observe_in_scope(sql, params, rows, duration);
}

#[cold]
fn observe_in_scope(sql: &str, params: usize, rows: usize, duration: Duration) {
    let Some(state) = CURRENT.with(|c| c.borrow().clone()) else {
        return;
    };
    let global = settings();
    let mut shape_of = None;
    // The stack is read once, outside any lock, for every scope of the
    // chain the statement crosses the threshold in.
    let mut call_site_of: Option<Option<String>> = None;
    let mut scope = Some(&state);
    while let Some(s) = scope {
        let Settings {
            enabled, threshold, ..
        } = s.settings.unwrap_or(global);
        let shape = enabled.then(|| shape_of.get_or_insert_with(|| shape(sql)).clone());
        let mut counts = s.lock();
        counts.statements.push(LoggedStatement {
            sql: sql.to_owned(),
            params,
            rows,
            duration,
        });
        let crossed = shape.and_then(|shape| {
            let entry = counts.shapes.entry(shape.clone()).or_insert(Shape {
                count: 0,
                call_site: None,
            });
            entry.count += 1;
            (entry.count == threshold + 1).then_some(shape)
        });
        drop(counts);
        if let Some(shape) = crossed {
            let site = call_site_of.get_or_insert_with(call_site).clone();
            if let Some(entry) = s.lock().shapes.get_mut(&shape) {
                entry.call_site = site;
            }
        }
        scope = s.parent.as_ref();
    }
}

/// A model loaded in the current scope (for the suggestion).
#[inline]
pub(crate) fn note_model(info: &'static ModelInfo) {
    if LIVE.load(Ordering::Relaxed) == 0 {
        return;
    }
    let Some(state) = current() else { return };
    let mut scope = Some(&state);
    while let Some(s) = scope {
        let mut counts = s.lock();
        if !counts.models.iter().any(|m| std::ptr::eq(*m, info)) {
            counts.models.push(info);
        }
        drop(counts);
        scope = s.parent.as_ref();
    }
}

/// What [`Scope::run`], `expect_statements` and `expect_at_most` run: a
/// closure. A trait of its own so that a future passed instead (an async
/// load) is one error naming the async form, not "expected an `FnOnce()`
/// closure".
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`expect_statements` / `expect_at_most` / `Scope::run` run a closure, `|| ...`, not `{Self}`",
    label = "write `|| query.all(&db)`; a future (an async load) is counted by `expect_statements_async(n, future).await` or `scope.instrument(future).await`"
)]
pub trait RunBlock<T> {
    /// Run it.
    fn run(self) -> T;
}

#[diagnostic::do_not_recommend]
impl<T, F: FnOnce() -> T> RunBlock<T> for F {
    #[inline]
    fn run(self) -> T {
        self()
    }
}
