//! Peak memory and statement counts of the blog job (BENCHMARKS.md).
//!
//! ```text
//! cargo bench -p related --bench blog_memory
//! ```
//!
//! A counting global allocator records the peak of live Rust heap bytes
//! while one load runs (and its result is touched), above what was live
//! before it started; SQLite's own allocator is read through
//! `sqlite3_memory_highwater`. Both loaders run on the same connection and
//! file. `BLOG_SIZES` selects sizes as for the `blog` bench.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{load_in_list, load_limit, load_related, touch_plain, touch_related};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grow(new_size);
        }
        p
    }
}

fn grow(size: usize) {
    let now = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

#[global_allocator]
static ALLOC: Counting = Counting;

struct Measure {
    rust_peak: usize,
    sqlite_peak: i64,
}

/// Run `f` and return its peak heap use above the bytes live before it.
fn measure(f: impl FnOnce()) -> Measure {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    // SAFETY: plain FFI call; resetting the high-water mark has no other
    // effect.
    let sqlite_before = unsafe { rusqlite::ffi::sqlite3_memory_used() };
    // SAFETY: as above.
    unsafe { rusqlite::ffi::sqlite3_memory_highwater(1) };
    f();
    // SAFETY: as above.
    let sqlite_high = unsafe { rusqlite::ffi::sqlite3_memory_highwater(0) };
    Measure {
        rust_peak: PEAK.load(Ordering::Relaxed) - before,
        sqlite_peak: sqlite_high - sqlite_before,
    }
}

/// The live bytes of `f`'s result while it is held.
fn held<T>(load: impl FnOnce() -> T, touch: impl FnOnce(&T) -> usize) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    let value = load();
    black_box(touch(&value));
    let after = LIVE.load(Ordering::Relaxed);
    drop(value);
    after.saturating_sub(before)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let sizes: Vec<usize> = match std::env::var("BLOG_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|s| {
                s.trim()
                    .parse()
                    .expect("BLOG_SIZES: comma-separated post counts")
            })
            .collect(),
        Err(_) => common::SIZES.to_vec(),
    };
    // `cargo bench` passes `--bench`; a filter argument selects nothing here.
    println!(
        "| posts | loader | statements | peak Rust heap | result held | peak SQLite heap | peak / limit |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let db = common::open_file(n);
        common::verify(&db, n);
        let conn = db.connection();
        // Warm the statement caches and the page cache so no variant pays
        // for a first run.
        black_box(touch_related(&load_related(&db)));
        black_box(touch_plain(&load_limit(conn).expect("limit")));
        black_box(touch_plain(&load_in_list(conn).expect("in-list")));

        db.log().reset();
        let related = measure(|| {
            let posts = load_related(&db);
            black_box(touch_related(&posts));
        });
        let related_statements = db.log().count();
        let related_held = held(|| load_related(&db), |p| touch_related(p));
        let limit = measure(|| {
            let posts = load_limit(conn).expect("limit");
            black_box(touch_plain(&posts));
        });
        let limit_held = held(|| load_limit(conn).expect("limit"), |p| touch_plain(p));
        let in_list = measure(|| {
            let posts = load_in_list(conn).expect("in-list");
            black_box(touch_plain(&posts));
        });
        let in_list_held = held(|| load_in_list(conn).expect("in-list"), |p| touch_plain(p));
        let max = db.max_variables();
        let in_list_statements = 1 + n.div_ceil(max);

        let rows = [
            (
                "related",
                related_statements.to_string(),
                related,
                related_held,
            ),
            ("limit (rarray)", "2".to_owned(), limit, limit_held),
            (
                "hand IN list",
                in_list_statements.to_string(),
                in_list,
                in_list_held,
            ),
        ];
        let limit_peak = rows[1].2.rust_peak as f64;
        for (name, statements, m, result) in &rows {
            println!(
                "| {n} | {name} | {statements} | {} | {} | {} | {:.2} |",
                mib(m.rust_peak),
                mib(*result),
                mib(usize::try_from(m.sqlite_peak).unwrap_or(0)),
                m.rust_peak as f64 / limit_peak,
            );
        }
    }
}
